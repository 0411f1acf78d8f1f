package dev.dendrite.models;

import dev.dendrite.api.data.Task;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One saved model as {@link ModelStore#list()} shows it. For a file that cannot be read,
 * {@code created}, {@code task} and {@code layers} are null and {@code problem} says why.
 *
 * @param name    the model's name (its file name without {@code .model.json})
 * @param path    the file
 * @param created when it was saved
 * @param task    classification or regression
 * @param layers  the widths n[0]-n[1]-…-n[L], e.g. {@code 4-16-3}
 * @param size    the file size in bytes
 * @param problem why the file cannot be loaded, or null
 */
public record ModelInfo(String name, Path path, Instant created, Task task, String layers, long size, String problem) {
}
