package dev.dendrite.models.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed, checked access to one JSON object of a model file. Every error is an
 * {@link IllegalArgumentException} naming the file and the field's path, e.g.
 * {@code model file iris.model.json: schema.task: expected a string, found 3}.
 */
final class Fields {
    private final String file;
    private final String path;
    private final Map<?, ?> values;

    private Fields(String file, String path, Map<?, ?> values) {
        this.file = file;
        this.path = path;
        this.values = values;
    }

    /** The top-level object of a parsed file. */
    static Fields root(String file, Object json) {
        if (!(json instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("model file " + file + ": expected a JSON object at the top, found " + describe(json));
        }
        return new Fields(file, "", map);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String string(String key) {
        return cast(key, required(key), String.class, "a string");
    }

    /** A string or null; the field itself must be present. */
    String stringOrNull(String key) {
        Object v = required(key);
        return v == null ? null : cast(key, v, String.class, "a string or null");
    }

    /** A number or null; the field itself must be present. */
    Double numberOrNull(String key) {
        Object v = required(key);
        return v == null ? null : cast(key, v, Number.class, "a number or null").doubleValue();
    }

    long integer(String key) {
        Object v = required(key);
        if (!(v instanceof Long l)) {
            throw error(key, "expected an integer, found " + describe(v));
        }
        return l;
    }

    /** An integer of at least 1. */
    int positive(String key) {
        long n = integer(key);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw error(key, "expected a positive integer, found " + n);
        }
        return (int) n;
    }

    Fields object(String key) {
        return new Fields(file, field(key), cast(key, required(key), Map.class, "an object"));
    }

    /** The elements of an array of objects. */
    List<Fields> objects(String key) {
        List<?> list = list(key);
        List<Fields> objects = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            objects.add(new Fields(file, field(key) + "[" + i + "]", cast(key + "[" + i + "]", list.get(i), Map.class, "an object")));
        }
        return objects;
    }

    List<String> strings(String key) {
        List<?> list = list(key);
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            strings.add(cast(key + "[" + i + "]", list.get(i), String.class, "a string"));
        }
        return strings;
    }

    /** An object whose values are all strings, in file order. */
    Map<String, String> stringMap(String key) {
        Map<?, ?> map = cast(key, required(key), Map.class, "an object");
        Map<String, String> strings = new LinkedHashMap<>();
        map.forEach((k, v) -> strings.put((String) k, cast(key + "." + k, v, String.class, "a string")));
        return strings;
    }

    /** An array of {@code length} numbers. */
    double[] numbers(String key, int length, String why) {
        return numbers(key, list(key), length, why);
    }

    /** An array of {@code rows} arrays of {@code cols} numbers each, as one row-major array. */
    double[] matrix(String key, int rows, int cols, String rowsWhy, String colsWhy) {
        List<?> list = list(key);
        if (list.size() != rows) {
            throw error(key, "has " + list.size() + " rows, expected " + rows + " (" + rowsWhy + ")");
        }
        double[] data = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            String row = key + "[" + r + "]";
            double[] values = numbers(row, cast(row, list.get(r), List.class, "an array"), cols, colsWhy);
            System.arraycopy(values, 0, data, r * cols, cols);
        }
        return data;
    }

    IllegalArgumentException error(String key, String problem) {
        return new IllegalArgumentException("model file " + file + ": " + field(key) + ": " + problem);
    }

    private double[] numbers(String key, List<?> list, int length, String why) {
        if (list.size() != length) {
            throw error(key, "has " + list.size() + " numbers, expected " + length + " (" + why + ")");
        }
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = cast(key + "[" + i + "]", list.get(i), Number.class, "a number").doubleValue();
        }
        return values;
    }

    private List<?> list(String key) {
        return cast(key, required(key), List.class, "an array");
    }

    private Object required(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("model file " + file + ": " + field(key) + " is missing");
        }
        return values.get(key);
    }

    private <T> T cast(String key, Object value, Class<T> type, String expected) {
        if (!type.isInstance(value)) {
            throw error(key, "expected " + expected + ", found " + describe(value));
        }
        return type.cast(value);
    }

    private String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String describe(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
