package dev.dendrite.json;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads and writes JSON (RFC 8259), strictly, with plain Java values:
 *
 * <table>
 *   <caption>JSON values and their Java types</caption>
 *   <tr><th>JSON</th><th>read as</th><th>written from</th></tr>
 *   <tr><td>object</td><td>{@code LinkedHashMap<String, Object>} (key order kept)</td><td>any {@code Map} with String keys</td></tr>
 *   <tr><td>array</td><td>{@code ArrayList<Object>}</td><td>any {@code List}</td></tr>
 *   <tr><td>string</td><td>{@code String}</td><td>{@code String}</td></tr>
 *   <tr><td>number</td><td>{@code Long} when written without fraction and exponent and within the
 *       long range, else {@code Double}</td><td>{@code Double}, {@code Float} (widened),
 *       {@code Long}, {@code Integer}, {@code Short}, {@code Byte}</td></tr>
 *   <tr><td>true, false</td><td>{@code Boolean}</td><td>{@code Boolean}</td></tr>
 *   <tr><td>null</td><td>{@code null}</td><td>{@code null}</td></tr>
 * </table>
 *
 * <p>Doubles are written with {@link Double#toString(double)} (always with a '.' or an exponent)
 * and read with {@link Double#parseDouble(String)}, so every finite double reads back
 * bit-identical and as a {@code Double}, including {@code -0.0} and subnormals. NaN and ±Infinity
 * have no JSON form and are refused.
 *
 * <p>The reader accepts exactly the JSON grammar: no comments, trailing commas, single quotes,
 * leading zeros or '+' signs, no raw control characters in strings, no duplicate keys, and
 * nothing but whitespace after the value. Its errors are {@link IllegalArgumentException}s whose
 * message starts with the position, e.g. {@code line 3, column 14: expected ',' or '}', found '"'}.
 * The writer's errors name the offending value's path, e.g.
 * {@code NaN cannot be written in JSON at layers[1].bias[0]}.
 */
public final class Json {
    /** The deepest nesting of objects and arrays read or written (guards against stack overflow and cycles). */
    public static final int MAX_DEPTH = 512;

    private Json() {
    }

    /**
     * Parses one JSON value.
     *
     * @throws IllegalArgumentException for anything that is not exactly one JSON value (the message
     *                                  gives the line and column)
     */
    public static Object parse(CharSequence text) {
        return new JsonReader(text).document();
    }

    /** {@code value} on one line without spaces (no line break, even inside strings): a JSON-lines record. */
    public static String write(Object value) {
        StringBuilder s = new StringBuilder();
        writeUnchecked(value, s, false);
        return s.toString();
    }

    /**
     * {@code value} indented by two spaces per level, {@code "key": value}, an array that holds
     * only numbers, strings, booleans or nulls on one line; no line break at the end.
     */
    public static String pretty(Object value) {
        StringBuilder s = new StringBuilder();
        writeUnchecked(value, s, true);
        return s.toString();
    }

    /** Streams {@link #write(Object)}'s text to {@code out}; it may be partly written when an exception is thrown. */
    public static void write(Object value, Appendable out) throws IOException {
        new JsonWriter(out, false).document(value);
    }

    /** Streams {@link #pretty(Object)}'s text to {@code out}; it may be partly written when an exception is thrown. */
    public static void pretty(Object value, Appendable out) throws IOException {
        new JsonWriter(out, true).document(value);
    }

    private static void writeUnchecked(Object value, StringBuilder out, boolean pretty) {
        try {
            new JsonWriter(out, pretty).document(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
    }
}
