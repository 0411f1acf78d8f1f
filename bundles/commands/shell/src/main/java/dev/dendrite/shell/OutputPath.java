package dev.dendrite.shell;

import dev.dendrite.models.ModelStore;
import dev.dendrite.options.CommandException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks, before a long run, that what it will write at its end can be written. */
final class OutputPath {
    private OutputPath() {
    }

    /**
     * @return {@code file}
     * @throws IllegalArgumentException when {@code file} is a folder or a read-only file, or its
     *                                  folder cannot be created or written in (the message says which)
     */
    static Path file(Path file) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("cannot write " + absolute + ": it is a folder");
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw new IllegalArgumentException("cannot write " + absolute + ": the file is read-only");
        }
        folder(absolute.getParent());
        return file;
    }

    /**
     * @return {@code folder}
     * @throws IllegalArgumentException unless {@code folder} is a writable folder, or can be created
     *                                  because its nearest existing ancestor is one
     */
    static Path folder(Path folder) {
        Path existing = folder.toAbsolutePath();
        while (existing.getParent() != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!Files.isDirectory(existing)) {
            throw new IllegalArgumentException("cannot write in " + folder + ": " + existing + " is not a folder");
        }
        if (!Files.isWritable(existing)) {
            throw new IllegalArgumentException("cannot write in " + folder + ": " + existing + " is not writable");
        }
        return folder;
    }

    /** Refuses, before any work, a {@code --save} whose models folder cannot be written. */
    static void modelsFolder(ModelStore models) {
        try {
            folder(models.folder());
        } catch (IllegalArgumentException e) {
            throw new CommandException("--save: " + e.getMessage(), e);
        }
    }
}
