package dev.dendrite.options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One command option, defined once: its name ({@code lr} for {@code --lr}), the label of its
 * value in the help ({@code α}), one line of help, how its text is read, the default the help
 * shows when the command has no live one, and where the console finds candidate values. An option
 * without a value is a switch ({@link #flag}).
 *
 * <p>Reading checks the form of a value (an integer, a number, a list); the range of a training
 * value is checked once, by {@link dev.dendrite.api.nn.TrainingRequest.Builder}.
 *
 * @param <T> the type of the value
 */
public final class Option<T> {

    /** Reads an option's text; throws {@link IllegalArgumentException} saying what the text should be. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(String text);
    }

    private final String name;
    private final String label;
    private final String help;
    private final Reader<T> reader;
    private final Function<T, String> writer;
    private final String defaultText;
    private final Completion completion;

    private Option(String name, String label, String help, Reader<T> reader, Function<T, String> writer, String defaultText,
                   Completion completion) {
        this.name = name;
        this.label = label;
        this.help = help;
        this.reader = reader;
        this.writer = writer;
        this.defaultText = defaultText;
        this.completion = completion;
    }

    /** An option whose value is read by {@code reader} and written back with {@code String.valueOf}. */
    public static <T> Option<T> of(String name, String label, String help, Reader<T> reader) {
        return new Option<>(name, label, help, reader, String::valueOf, null, Completion.NONE);
    }

    /** A switch: present or not, no value. */
    public static Option<Boolean> flag(String name, String help) {
        return new Option<>(name, null, help, text -> Boolean.TRUE, String::valueOf, null, Completion.NONE);
    }

    /** A name or other text, not blank. */
    public static Option<String> text(String name, String label, String help) {
        return of(name, label, help, Option::nonBlank);
    }

    /** An integer. */
    public static Option<Integer> integer(String name, String help) {
        return of(name, "N", help, Option::integer);
    }

    /** A positive integer. */
    public static Option<Integer> positiveInteger(String name, String help) {
        return of(name, "N", help, text -> {
            int n = integer(text);
            if (n < 1) {
                throw new IllegalArgumentException("must be a positive integer, got " + text.trim());
            }
            return n;
        });
    }

    /**
     * Comma-separated integers, e.g. {@code 1,4,16}; {@code none} for an empty list: the form of
     * {@code --layers}, read by the same code for every option that takes such a list.
     */
    public static Option<List<Integer>> integers(String name, String label, String help) {
        return of(name, label, help, Option::integers)
                .writer(values -> values.isEmpty() ? "none" : values.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    /** A 64-bit integer. */
    public static Option<Long> longInteger(String name, String help) {
        return of(name, "N", help, Option::longInteger);
    }

    /** A finite number. */
    public static Option<Double> number(String name, String label, String help) {
        return of(name, label, help, Option::number);
    }

    /**
     * A copy that also passes every value read to {@code check}, which throws
     * {@link IllegalArgumentException} saying what is wrong: a range that is one command's own,
     * refused where the value is read, with the option's name like every other bad value.
     */
    public Option<T> checked(Consumer<? super T> check) {
        Reader<T> checking = text -> {
            T value = reader.read(text);
            check.accept(value);
            return value;
        };
        return new Option<>(name, label, help, checking, writer, defaultText, completion);
    }

    /** A copy whose help shows {@code text} as the default. */
    public Option<T> defaultText(String text) {
        return new Option<>(name, label, help, reader, writer, text, completion);
    }

    /** A copy completed from {@code source}. */
    public Option<T> completion(Completion source) {
        return new Option<>(name, label, help, reader, writer, defaultText, source);
    }

    /** A copy that writes values back as text with {@code format} (the inverse of reading). */
    public Option<T> writer(Function<T, String> format) {
        return new Option<>(name, label, help, reader, format, defaultText, completion);
    }

    public String name() {
        return name;
    }

    /** {@code --name}. */
    public String flagName() {
        return "--" + name;
    }

    /** The value's label in the help, or null for a switch. */
    public String label() {
        return label;
    }

    public boolean takesValue() {
        return label != null;
    }

    public String help() {
        return help;
    }

    /** The default the help shows when the command gives none, or null. */
    public String defaultText() {
        return defaultText;
    }

    public Completion completion() {
        return completion;
    }

    /**
     * Reads a value given on a command line or in a configuration.
     *
     * @throws CommandException naming this option and the value
     */
    public T read(String text) {
        try {
            return reader.read(text);
        } catch (IllegalArgumentException e) {
            throw new CommandException(flagName() + ": " + e.getMessage());
        }
    }

    /** The value as text that {@link #read} reads back. */
    public String write(T value) {
        return writer.apply(value);
    }

    @Override
    public String toString() {
        return flagName();
    }

    static String nonBlank(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("needs a value, got " + Quote.of(text));
        }
        return text.trim();
    }

    static int integer(String text) {
        return (int) integer(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    static long longInteger(String text) {
        return integer(text, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** An integer in [min, max]; digits beyond that range are named too large or too small, not malformed. */
    private static long integer(String text, long min, long max) {
        String t = text.trim();
        if (!t.matches("[+-]?[0-9]+")) {
            throw new IllegalArgumentException(Quote.of(text) + " is not an integer");
        }
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException beyondLong) {
            throw outOfRange(t, t.startsWith("-"), min, max);
        }
        if (v < min || v > max) {
            throw outOfRange(t, v < min, min, max);
        }
        return v;
    }

    private static IllegalArgumentException outOfRange(String t, boolean tooSmall, long min, long max) {
        String shown = Quote.bounded(t);
        return new IllegalArgumentException(tooSmall ? shown + " is too small (at least " + min + ")" : shown + " is too large (at most " + max + ")");
    }

    static double number(String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Quote.of(text) + " is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(Quote.of(text) + " is not a finite number");
        }
        return v;
    }

    /** Comma-separated positive integers, e.g. {@code 64,32}; {@code none} for an empty list. */
    static List<Integer> integers(String text) {
        String t = nonBlank(text);
        List<Integer> values = new ArrayList<>();
        if (t.equalsIgnoreCase("none")) {
            return values;
        }
        for (String part : t.split(",", -1)) {
            values.add(integer(part));
        }
        return values;
    }

    /** {@code name=value} pairs separated by commas, e.g. {@code beta1=0.9,beta2=0.99}. */
    static Map<String, Double> assignments(String text) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String part : nonBlank(text).split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected name=value, got " + Quote.of(part.trim()));
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (values.put(key, number(part.substring(eq + 1))) != null) {
                throw new IllegalArgumentException(key + " is given twice");
            }
        }
        return values;
    }
}
