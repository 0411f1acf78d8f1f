package dev.dendrite.uat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionTest {

    private static double eval(String text, double x, double y) {
        return Expression.parse(text).evaluate(x, y);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "1 + 2 * 3; 7",
            "(1 + 2) * 3; 9",
            "10 - 4 - 3; 3",
            "12 / 4 / 3; 1",
            "2 ^ 3 ^ 2; 512",
            "-2 ^ 2; -4",
            "2 ^ -1; 0.5",
            "--3; 3",
            "+4 - -1; 5",
            "1.5e2 + .5; 150.5",
            "2E-1; 0.2",
            "pi; 3.141592653589793",
            "e; 2.718281828459045",
            "min(3, 2 * 2) + max(-1, -2); 2",
            "sqrt(16) + abs(-2) + sign(-7) + floor(2.7) + ceil(2.2); 10",
            "exp(log(5)); 5",
            "tanh(0) + sinh(0) + cosh(0) + atan(0) + asin(0) + acos(1); 1",
    })
    void evaluatesConstantExpressions(String text, double expected) {
        assertEquals(expected, eval(text, 0, 0), 1e-12, text);
    }

    @Test
    void evaluatesVariables() {
        assertEquals(Math.sin(0.3) * Math.cos(-1.2), eval("sin(x)*cos(y)", 0.3, -1.2), 1e-15);
        assertEquals(0.3 * 0.3 - 3 * 0.3 + Math.tan(0.3), eval(" x^2 - 3*x + tan(x) ", 0.3, 0), 1e-15);
        assertEquals(Math.exp(-4) * Math.cos(6), eval("exp(-x^2)*cos(3*x)", 2, 0), 1e-15);
    }

    @Test
    void knowsWhetherYIsUsed() {
        assertFalse(Expression.parse("sin(x) + pi").usesY());
        assertTrue(Expression.parse("x * y").usesY());
        assertFalse(Expression.parse("exp(1)").usesY());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "sin(x; expected ')' at position 6",
            "(x; expected ')' at position 3",
            "2*; unexpected end, expected a number, variable, function or '(' at position 3",
            "x y; unexpected 'y' at position 3",
            "2x; unexpected 'x' at position 2",
            "x); unexpected ')' at position 2",
            "2 $ 3; unexpected '$' at position 3",
            "z + 1; \"unknown name 'z' (variables x, y; constants pi, e) at position 1\"",
            "1.2.3; malformed number '1.2.3' at position 1",
            "x + min(x); min takes 2 arguments, got 1 at position 5",
            "sin(x, y); sin takes 1 argument, got 2 at position 1",
            "sin x; expected '(' after function 'sin' at position 5",
            "x + *; unexpected '*' at position 5",
    })
    void reportsTheProblemAndItsPosition(String text, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Expression.parse(text));
        assertEquals("expression '" + text + "': " + problem, e.getMessage());
    }

    @Test
    void listsFunctionsForAnUnknownOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Expression.parse("2 * foo(x)"));
        assertTrue(e.getMessage().startsWith("expression '2 * foo(x)': unknown function 'foo' (functions: abs acos asin"), e.getMessage());
        assertTrue(e.getMessage().endsWith("tanh) at position 5"), e.getMessage());
    }

    @Test
    void rejectsAnEmptyExpression() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Expression.parse("  "));
        assertEquals("expression '  ': empty expression at position 3", e.getMessage());
    }

    @Test
    void aLongTextIsQuotedBoundedInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Expression.parse("x".repeat(50_000)));
        assertEquals("expression '" + "x".repeat(60) + "… (50000 characters)': unknown name '" + "x".repeat(60)
                + "… (50000 characters)' (variables x, y; constants pi, e) at position 1", e.getMessage());
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedWithItsPosition() {
        String text = "(".repeat(2000) + "x" + ")".repeat(2000);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Expression.parse(text));

        assertEquals("expression '" + "(".repeat(60) + "… (4001 characters)': nesting deeper than 200 at position 201", e.getMessage());
    }

    @Test
    void nestingUpToTheLimitIsEvaluated() {
        assertEquals(3, eval("(".repeat(200) + "x" + ")".repeat(200), 3, 0));
        assertEquals(-3, eval("-".repeat(199) + "x", 3, 0));
    }

    @Test
    void aSumOfThousandsOfTermsIsEvaluatedWithoutOverflow() {
        assertEquals(6000, eval("1" + "+1".repeat(5999), 0, 0));
        assertEquals(Math.pow(1.001, 6000), eval("x" + "*x".repeat(5999), 1.001, 0), 1e-9);
        assertEquals(-5998, eval("1" + "-1".repeat(5999), 0, 0));
    }
}
