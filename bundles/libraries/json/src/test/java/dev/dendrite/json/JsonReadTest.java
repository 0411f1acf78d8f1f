package dev.dendrite.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reader: value types, numbers, escapes, and one test per kind of error with its position. */
class JsonReadTest {

    @Test
    void readsEveryKindOfValueKeepingKeyOrder() {
        Object v = Json.parse(" {\"z\": [1, 2.5, \"s\", true, false, null, {}, []], \"a\": {\"k\": -3}}\n");
        Map<?, ?> map = assertInstanceOf(Map.class, v);
        assertEquals(List.of("z", "a"), List.copyOf(map.keySet()));
        List<?> z = assertInstanceOf(List.class, map.get("z"));
        assertEquals(Arrays.asList(1L, 2.5, "s", true, false, null, Map.of(), List.of()), z);
        assertEquals(Map.of("k", -3L), map.get("a"));
    }

    @Test
    void integersAreLongsAndEverythingElseIsDouble() {
        assertInstanceOf(Long.class, Json.parse("42"));
        assertInstanceOf(Double.class, Json.parse("42.0"));
        assertEquals(100.0, Json.parse("1e2"));
        assertEquals(100.0, Json.parse("1E+2"));
        assertEquals(0.01, Json.parse("1e-2"));
        assertEquals(Long.MAX_VALUE, Json.parse(Long.toString(Long.MAX_VALUE)));
        assertEquals(Long.MIN_VALUE, Json.parse(Long.toString(Long.MIN_VALUE)));
        assertEquals(9.223372036854775808e18, Json.parse("9223372036854775808"), "beyond long: the nearest double");
        assertEquals(0L, Json.parse("-0"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) Json.parse("-0.0")));
        assertEquals(1e-300, Json.parse("1e-300"));
        assertEquals(Double.MIN_VALUE, Json.parse("4.9E-324"));
        assertEquals(0.0, Json.parse("1e-400"), "underflow reads as the nearest double, zero");
    }

    @Test
    void decodesEscapes() {
        assertEquals("q\" b\\ s/ \b\f\n\r\t é 😀", Json.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00\""));
        assertEquals("é😀", Json.parse("\"é😀\""), "non-ASCII characters as they are");
        assertEquals("\uD800", Json.parse("\"\\uD800\""), "a lone surrogate escape is kept");
    }

    @Test
    void linesAndColumnsCountEveryLineEnding() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\r\n\"a\": 1,\r\"b\": 2\n  \"c\": 3}"));
        assertEquals("line 4, column 3: expected ',' or '}', found '\"'", e.getMessage());
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("", "line 1, column 1: unexpected end of input, expected a value"),
                Arguments.of("   \n  ", "line 2, column 3: unexpected end of input, expected a value"),
                Arguments.of("{\"a\": 1,\n \"b\": 2\n \"c\": 3}", "line 3, column 2: expected ',' or '}', found '\"'"),
                Arguments.of("{\"a\": 1", "line 1, column 8: unexpected end of input, expected ',' or '}'"),
                Arguments.of("[1 2]", "line 1, column 4: expected ',' or ']', found '2'"),
                Arguments.of("[1, 2,]", "line 1, column 7: expected a value, found ']'"),
                Arguments.of("{\"a\": 1,}", "line 1, column 9: expected a string (an object key), found '}'"),
                Arguments.of("{a: 1}", "line 1, column 2: expected a string (an object key), found 'a'"),
                Arguments.of("{'a': 1}", "line 1, column 2: expected a string (an object key), found '''"),
                Arguments.of("{\"a\" 1}", "line 1, column 6: expected ':', found '1'"),
                Arguments.of("{\"a\": 1, \"a\": 2}", "line 1, column 10: duplicate key \"a\""),
                Arguments.of("[1] [2]", "line 1, column 5: unexpected '[' after the value"),
                Arguments.of("{} x", "line 1, column 4: unexpected 'x' after the value"),
                Arguments.of("// comment\n1", "line 1, column 1: expected a value, found '/'"),
                Arguments.of("NaN", "line 1, column 1: expected a value, found 'NaN'"),
                Arguments.of("[True]", "line 1, column 2: expected a value, found 'True'"),
                Arguments.of("tru", "line 1, column 1: expected 'true', found 'tru'"),
                Arguments.of("nul", "line 1, column 1: expected 'null', found 'nul'"),
                Arguments.of("01", "line 1, column 1: leading zeros are not allowed in a number"),
                Arguments.of("+1", "line 1, column 1: expected a value, found '+'"),
                Arguments.of("-", "line 1, column 2: unexpected end of input, expected a digit"),
                Arguments.of("-x", "line 1, column 2: expected a digit, found 'x'"),
                Arguments.of(".5", "line 1, column 1: expected a value, found '.'"),
                Arguments.of("1.", "line 1, column 3: unexpected end of input, expected a digit after '.'"),
                Arguments.of("1.e3", "line 1, column 3: expected a digit after '.', found 'e3'"),
                Arguments.of("1e+", "line 1, column 4: unexpected end of input, expected a digit in the exponent"),
                Arguments.of("1e400", "line 1, column 1: number 1e400 is out of the double range"),
                Arguments.of("\"abc", "line 1, column 1: string is not terminated"),
                Arguments.of("[\"abc\\", "line 1, column 2: string is not terminated"),
                Arguments.of("\"a\nb\"", "line 1, column 3: control character U+000A in a string (write it as an escape such as \\n)"),
                Arguments.of("\"a\\x\"", "line 1, column 3: invalid escape '\\x' (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"),
                Arguments.of("\"\\u12g4\"", "line 1, column 2: invalid \\u escape: expected 4 hex digits"),
                Arguments.of("\"\\u12", "line 1, column 2: invalid \\u escape: expected 4 hex digits"),
                Arguments.of("\uFEFF{}", "line 1, column 1: expected a value, found U+FEFF"),
                Arguments.of("[".repeat(Json.MAX_DEPTH + 1), "line 1, column " + (Json.MAX_DEPTH + 1) + ": nesting deeper than 512 levels"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void refusesWithLineAndColumn(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void deepButAllowedNestingReads() {
        String text = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        Object v = Json.parse(text);
        for (int i = 1; i < Json.MAX_DEPTH; i++) {
            v = ((List<?>) v).get(0);
        }
        assertEquals(List.of(), v);
        assertNull(Json.parse("null"));
    }
}
