package dev.dendrite.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The writer: layout, escapes, bit-identical doubles, and its errors; every output read back. */
class JsonWriteTest {

    private static Map<String, Object> sample() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("rows", List.of(List.of(1.5, -2.0), List.of(0.25, 3.0)));
        inner.put("empty", List.of());
        inner.put("none", new LinkedHashMap<>());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", "iris");
        v.put("version", 1L);
        v.put("ok", true);
        v.put("target", null);
        v.put("layer", inner);
        v.put("mixed", Arrays.asList("a", 2L, null));
        return v;
    }

    @Test
    void prettyIndentsByTwoAndKeepsScalarArraysOnOneLine() {
        String expected = String.join("\n",
                "{",
                "  \"name\": \"iris\",",
                "  \"version\": 1,",
                "  \"ok\": true,",
                "  \"target\": null,",
                "  \"layer\": {",
                "    \"rows\": [",
                "      [1.5, -2.0],",
                "      [0.25, 3.0]",
                "    ],",
                "    \"empty\": [],",
                "    \"none\": {}",
                "  },",
                "  \"mixed\": [\"a\", 2, null]",
                "}");
        assertEquals(expected, Json.pretty(sample()));
        assertEquals(sample(), Json.parse(Json.pretty(sample())));
    }

    @Test
    void writeIsOneLineWithoutSpaces() {
        Map<String, Object> v = sample();
        v.put("text", "two\nlines\r\n");
        String line = Json.write(v);
        assertEquals("{\"name\":\"iris\",\"version\":1,\"ok\":true,\"target\":null,"
                + "\"layer\":{\"rows\":[[1.5,-2.0],[0.25,3.0]],\"empty\":[],\"none\":{}},"
                + "\"mixed\":[\"a\",2,null],\"text\":\"two\\nlines\\r\\n\"}", line);
        assertFalse(line.contains("\n"));
        assertEquals(v, Json.parse(line));
    }

    @Test
    void streamsTheSameText() throws Exception {
        StringWriter pretty = new StringWriter();
        Json.pretty(sample(), pretty);
        assertEquals(Json.pretty(sample()), pretty.toString());
        StringWriter line = new StringWriter();
        Json.write(sample(), line);
        assertEquals(Json.write(sample()), line.toString());
    }

    @Test
    void doublesReadBackBitIdentical() {
        List<Object> values = new ArrayList<>(List.of(1e-300, -0.0, 0.0, Double.MIN_VALUE, -Double.MIN_NORMAL, Double.MAX_VALUE,
                0.1, 1.0 / 3, 1e22, 123456789.0, -1e-7));
        Random random = new Random(7);
        while (values.size() < 5000) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                values.add(d);
            }
            values.add(random.nextGaussian());
        }
        for (boolean pretty : new boolean[] {false, true}) {
            List<?> back = (List<?>) Json.parse(pretty ? Json.pretty(values) : Json.write(values));
            assertEquals(values.size(), back.size());
            for (int i = 0; i < values.size(); i++) {
                Double d = assertInstanceOf(Double.class, back.get(i), "index " + i);
                assertEquals(Double.doubleToRawLongBits((Double) values.get(i)), Double.doubleToRawLongBits(d), "index " + i + ": " + values.get(i));
            }
        }
    }

    @Test
    void integerTypesWriteAsLongsAndFloatsWiden() {
        List<?> back = (List<?>) Json.parse(Json.write(List.of(7, (short) -3, (byte) 5, Long.MIN_VALUE, 0.1f, 2.0)));
        assertEquals(List.of(7L, -3L, 5L, Long.MIN_VALUE, (double) 0.1f, 2.0), back);
    }

    @Test
    void escapesWhatJsonRequiresAndKeepsUnicode() {
        assertEquals("\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001\\u001f é 😀 / \\ud800x\"", Json.write("q\" b\\ \b\f\n\r\t \u0001\u001f é 😀 / \uD800x"));
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x800; c++) {
            all.append(c);
        }
        all.append("😀\uDC00\uD83D");
        assertEquals(all.toString(), Json.parse(Json.write(all.toString())));
    }

    @Test
    void refusesNonFiniteNumbersNamingWhere() {
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("bias", List.of(0.0, 1.0));
        layer.put("weights", List.of(List.of(1.0, 2.0), List.of(3.0, Double.NaN)));
        Map<String, Object> model = Map.of("layers", List.of(Map.of(), layer));
        assertEquals("NaN cannot be written in JSON at layers[1].weights[1][1]",
                assertThrows(IllegalArgumentException.class, () -> Json.write(model)).getMessage());
        assertEquals("Infinity cannot be written in JSON",
                assertThrows(IllegalArgumentException.class, () -> Json.pretty(Double.POSITIVE_INFINITY)).getMessage());
        assertEquals("-Infinity cannot be written in JSON at [0]",
                assertThrows(IllegalArgumentException.class, () -> Json.write(List.of(Float.NEGATIVE_INFINITY))).getMessage());
    }

    @Test
    void refusesValuesJsonCannotHold() {
        assertEquals("a java.lang.Object cannot be written in JSON at x",
                assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of("x", new Object()))).getMessage());
        assertEquals("a java.math.BigDecimal cannot be written in JSON at [0]",
                assertThrows(IllegalArgumentException.class, () -> Json.write(List.of(java.math.BigDecimal.ONE))).getMessage());
        Map<Object, Object> numberKey = new HashMap<>();
        numberKey.put(1, "a");
        assertEquals("object key 1 is not a string",
                assertThrows(IllegalArgumentException.class, () -> Json.write(numberKey)).getMessage());
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        String message = assertThrows(IllegalArgumentException.class, () -> Json.write(cycle)).getMessage();
        assertEquals("nesting deeper than 512 levels (does the value contain itself?) at " + "[0]".repeat(Json.MAX_DEPTH),
                message);
    }
}
