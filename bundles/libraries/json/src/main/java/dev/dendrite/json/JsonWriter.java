package dev.dendrite.json;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Writes one value as JSON text, compact or pretty; see {@link Json} for the accepted types. */
final class JsonWriter {
    private static final String INDENT = "  ";
    private final Appendable out;
    private final boolean pretty;

    JsonWriter(Appendable out, boolean pretty) {
        this.out = out;
        this.pretty = pretty;
    }

    void document(Object value) throws IOException {
        try {
            value(value, 0);
        } catch (Failure f) {
            throw new IllegalArgumentException(f.getMessage() + (f.path.isEmpty() ? "" : " at " + f.path.substring(f.path.charAt(0) == '.' ? 1 : 0)));
        }
    }

    private void value(Object value, int depth) throws IOException {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof Boolean b) {
            out.append(b.toString());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new Failure(d + " cannot be written in JSON");
            }
            out.append(Double.toString(d));
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.append(value.toString());
        } else if (value instanceof Map<?, ?> map) {
            object(map, depth + 1);
        } else if (value instanceof List<?> list) {
            array(list, depth + 1);
        } else {
            throw new Failure("a " + value.getClass().getName() + " cannot be written in JSON");
        }
    }

    private void object(Map<?, ?> map, int depth) throws IOException {
        checkDepth(depth);
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new Failure("object key " + e.getKey() + " is not a string");
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            newLine(depth);
            string(key);
            out.append(pretty ? ": " : ":");
            try {
                value(e.getValue(), depth);
            } catch (Failure f) {
                throw f.under("." + key);
            }
        }
        newLine(depth - 1);
        out.append('}');
    }

    private void array(List<?> list, int depth) throws IOException {
        checkDepth(depth);
        boolean oneLine = !pretty || list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(pretty && oneLine ? ", " : ",");
            }
            if (!oneLine) {
                newLine(depth);
            }
            try {
                value(list.get(i), depth);
            } catch (Failure f) {
                throw f.under("[" + i + "]");
            }
        }
        if (!oneLine && !list.isEmpty()) {
            newLine(depth - 1);
        }
        out.append(']');
    }

    private void string(String s) throws IOException {
        out.append('"');
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            String escape = escape(s, i);
            if (escape != null) {
                out.append(s, run, i).append(escape);
                run = i + 1;
            }
        }
        out.append(s, run, s.length()).append('"');
    }

    /** The escape for the char at i, or null when it is written as is (a lone surrogate is escaped so the text stays valid UTF-8). */
    private static String escape(String s, int i) {
        char c = s.charAt(i);
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            default -> {
                boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                boolean pairedLow = Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
                boolean loneSurrogate = Character.isSurrogate(c) && !pairedHigh && !pairedLow;
                yield c < 0x20 || loneSurrogate ? String.format("\\u%04x", (int) c) : null;
            }
        };
    }

    private void newLine(int depth) throws IOException {
        if (pretty) {
            out.append('\n');
            for (int i = 0; i < depth; i++) {
                out.append(INDENT);
            }
        }
    }

    private static void checkDepth(int depth) {
        if (depth > Json.MAX_DEPTH) {
            throw new Failure("nesting deeper than " + Json.MAX_DEPTH + " levels (does the value contain itself?)");
        }
    }

    /** A value that cannot be written; collects the path to it while the recursion unwinds. */
    private static final class Failure extends RuntimeException {
        private String path = "";

        Failure(String message) {
            super(message, null, false, false);
        }

        Failure under(String segment) {
            path = segment + path;
            return this;
        }
    }
}
