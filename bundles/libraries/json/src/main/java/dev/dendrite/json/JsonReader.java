package dev.dendrite.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A recursive-descent parser of one JSON text; see {@link Json} for the value types and the rules. */
final class JsonReader {
    private final CharSequence text;
    private int pos;

    JsonReader(CharSequence text) {
        this.text = text;
    }

    Object document() {
        skipWhitespace();
        Object value = value(0);
        skipWhitespace();
        if (pos < text.length()) {
            throw error(pos, "unexpected " + found() + " after the value");
        }
        return value;
    }

    private Object value(int depth) {
        if (pos >= text.length()) {
            throw expected("a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || isDigit(c)) {
                    yield number();
                }
                throw expected("a value");
            }
        };
    }

    private Map<String, Object> object(int depth) {
        checkDepth(depth);
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (at('}')) {
            pos++;
            return map;
        }
        while (true) {
            if (!at('"')) {
                throw expected("a string (an object key)");
            }
            int keyStart = pos;
            String key = string();
            skipWhitespace();
            if (!at(':')) {
                throw expected("':'");
            }
            pos++;
            skipWhitespace();
            Object value = value(depth);
            if (map.containsKey(key)) {
                throw error(keyStart, "duplicate key \"" + key + "\"");
            }
            map.put(key, value);
            skipWhitespace();
            if (at(',')) {
                pos++;
                skipWhitespace();
            } else if (at('}')) {
                pos++;
                return map;
            } else {
                throw expected("',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) {
        checkDepth(depth);
        pos++;
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (at(']')) {
            pos++;
            return list;
        }
        while (true) {
            list.add(value(depth));
            skipWhitespace();
            if (at(',')) {
                pos++;
                skipWhitespace();
            } else if (at(']')) {
                pos++;
                return list;
            } else {
                throw expected("',' or ']'");
            }
        }
    }

    private String string() {
        int start = pos;
        pos++;
        StringBuilder s = new StringBuilder();
        while (true) {
            int run = pos;
            while (pos < text.length() && text.charAt(pos) != '"' && text.charAt(pos) != '\\' && text.charAt(pos) >= 0x20) {
                pos++;
            }
            s.append(text, run, pos);
            if (pos >= text.length()) {
                throw error(start, "string is not terminated");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return s.toString();
            }
            if (c < 0x20) {
                throw error(pos, "control character " + codePoint(c) + " in a string (write it as an escape such as \\n)");
            }
            s.append(escape(start));
        }
    }

    /** The character of the escape sequence at pos (a backslash), moving past it. */
    private char escape(int stringStart) {
        int start = pos;
        pos++;
        if (pos >= text.length()) {
            throw error(stringStart, "string is not terminated");
        }
        char c = text.charAt(pos++);
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape(start);
            default -> throw error(start, "invalid escape '\\" + c + "' (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        };
    }

    private char unicodeEscape(int start) {
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = pos < text.length() ? Character.digit(text.charAt(pos), 16) : -1;
            if (digit < 0) {
                throw error(start, "invalid \\u escape: expected 4 hex digits");
            }
            code = code * 16 + digit;
            pos++;
        }
        return (char) code;
    }

    private Object number() {
        int start = pos;
        if (at('-')) {
            pos++;
        }
        if (!atDigit()) {
            throw expected("a digit");
        }
        if (at('0')) {
            pos++;
            if (atDigit()) {
                throw error(start, "leading zeros are not allowed in a number");
            }
        } else {
            digits();
        }
        boolean integer = true;
        if (at('.')) {
            pos++;
            if (!atDigit()) {
                throw expected("a digit after '.'");
            }
            digits();
            integer = false;
        }
        if (at('e') || at('E')) {
            pos++;
            if (at('+') || at('-')) {
                pos++;
            }
            if (!atDigit()) {
                throw expected("a digit in the exponent");
            }
            digits();
            integer = false;
        }
        String literal = text.subSequence(start, pos).toString();
        if (integer) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException beyondLong) {
                // an integer outside the long range reads as the nearest double
            }
        }
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw error(start, "number " + literal + " is out of the double range");
        }
        return value;
    }

    private void digits() {
        while (atDigit()) {
            pos++;
        }
    }

    private Object literal(String word, Object value) {
        if (pos + word.length() > text.length() || !text.subSequence(pos, pos + word.length()).toString().equals(word)) {
            throw expected("'" + word + "'");
        }
        pos += word.length();
        return value;
    }

    private void checkDepth(int depth) {
        if (depth > Json.MAX_DEPTH) {
            throw error(pos, "nesting deeper than " + Json.MAX_DEPTH + " levels");
        }
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private boolean at(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private boolean atDigit() {
        return pos < text.length() && isDigit(text.charAt(pos));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** "expected X, found Y" at pos, or "unexpected end of input, expected X" at the end. */
    private IllegalArgumentException expected(String what) {
        if (pos >= text.length()) {
            return error(pos, "unexpected end of input, expected " + what);
        }
        return error(pos, "expected " + what + ", found " + found());
    }

    /** The token at pos for a message: a word ('NaN', 'True') or one character ('x', U+0007). */
    private String found() {
        int end = pos;
        while (end < text.length() && end - pos < 20 && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        if (end > pos) {
            return "'" + text.subSequence(pos, end) + "'";
        }
        char c = text.charAt(pos);
        return c < 0x20 || Character.isWhitespace(c) || Character.isISOControl(c) || c == '\uFEFF' ? codePoint(c) : "'" + c + "'";
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /** An error at offset {@code at}, with its 1-based line and column (a column counts UTF-16 chars). */
    private IllegalArgumentException error(int at, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new IllegalArgumentException("line " + line + ", column " + (at - lineStart + 1) + ": " + message);
    }
}
