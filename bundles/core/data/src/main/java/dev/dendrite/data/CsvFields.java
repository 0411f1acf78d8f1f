package dev.dendrite.data;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The syntax of one CSV line: comma-separated fields, each trimmed of surrounding whitespace. A
 * field may be quoted ({@code "a, b"}), a doubled quote inside quotes is a literal quote
 * ({@code "say ""hi"""}); a quoted field cannot span lines.
 */
final class CsvFields {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvFields() {
    }

    /**
     * The fields of {@code line}.
     *
     * @param where names the line in error messages, e.g. {@code iris.csv line 4}
     * @throws IllegalArgumentException for a quote that is not closed on the line
     */
    static List<String> split(String line, String where) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inQuotes) {
                boolean doubled = c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"';
                if (doubled) {
                    i++;
                }
                if (c == '"' && !doubled) {
                    inQuotes = false;
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                inQuotes = true;
            } else {
                field.append(c);
            }
        }
        if (inQuotes) {
            throw new IllegalArgumentException(where + ": a quoted field is not closed");
        }
        fields.add(field.toString().strip());
        return fields;
    }

    /**
     * The value of a plain decimal number such as {@code -1.5e3} (zero is always +0.0), or NaN when {@code field} is
     * anything else (words, hexadecimal, {@code NaN}, {@code Infinity}, a value that overflows).
     */
    static double number(String field) {
        if (!DECIMAL.matcher(field).matches()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(field) + 0.0; // + 0.0 turns -0.0 into 0.0
        return Double.isFinite(value) ? value : Double.NaN;
    }
}
