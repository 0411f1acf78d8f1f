package dev.dendrite.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Gogo command line into its top-level statements, at each {@code ;} or newline outside
 * quotes ({@code '…'}, {@code "…"}, {@code \} escapes) and outside {@code { }}, {@code ( )} and
 * {@code [ ]}. Running them one by one lets the launcher print the value of every statement:
 * Gogo itself keeps only the last one's ({@code a; b} shows only {@code b}'s value).
 */
final class Statements {

    private Statements() {
    }

    /** The non-blank top-level statements of {@code line}, trimmed, in order. */
    static List<String> split(String line) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && quote != '\'' && i + 1 < line.length()) {
                current.append(c).append(line.charAt(++i));
                continue;
            }
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
            } else if ((c == ';' || c == '\n') && depth == 0) {
                add(statements, current);
                continue;
            }
            current.append(c);
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder statement) {
        String text = statement.toString().trim();
        if (!text.isEmpty()) {
            statements.add(text);
        }
        statement.setLength(0);
    }
}
