package dev.dendrite.options;

import java.util.List;

/**
 * Where the console finds the candidates of a value: a kind of plug-in in the live registry, the
 * built-in data sets, the saved models or studies, file paths, or a fixed list.
 *
 * @param source one of the constants' sources ({@code activation}, {@code model}, …), or
 *               {@code values} for the fixed {@code values}
 * @param values the candidates of a fixed list, else empty
 */
public record Completion(String source, List<String> values) {

    public static final Completion NONE = new Completion("none", List.of());
    public static final Completion ACTIVATION = new Completion("activation", List.of());
    public static final Completion LOSS = new Completion("loss", List.of());
    public static final Completion OPTIMIZER = new Completion("optimizer", List.of());
    public static final Completion BACKEND = new Completion("backend", List.of());
    public static final Completion STRATEGY = new Completion("strategy", List.of());
    /** Built-in data sets and file paths. */
    public static final Completion DATASET = new Completion("dataset", List.of());
    /** Saved models and file paths. */
    public static final Completion MODEL = new Completion("model", List.of());
    public static final Completion STUDY = new Completion("study", List.of());
    public static final Completion FILE = new Completion("file", List.of());

    public Completion {
        values = List.copyOf(values);
    }

    /** A fixed list of candidates. */
    public static Completion of(String... values) {
        return new Completion("values", List.of(values));
    }
}
