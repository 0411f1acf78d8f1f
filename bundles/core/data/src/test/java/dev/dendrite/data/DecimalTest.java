package dev.dendrite.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalTest {

    @Test
    void everyDecimalReadsAsDoubleParseDoubleReadsIt() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            String text = switch (i % 5) {
                case 0 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(-30, 30)));
                case 1 -> String.format(Locale.ROOT, "%." + random.nextInt(0, 9) + "f", random.nextGaussian() * 1000);
                case 2 -> Long.toString(random.nextLong());
                case 3 -> random.nextInt(1000) + "." + random.nextInt(100000) + "e" + random.nextInt(-320, 310);
                default -> "0.000" + random.nextInt(1, 999999999) + "0";
            };
            double expected = Double.parseDouble(text) + 0.0;
            assertEquals(Double.isFinite(expected) ? expected : Double.NaN, Decimal.parse(text), text);
        }
    }

    @Test
    void theFormsOfAPlainDecimalAndNothingElse() {
        assertEquals(0.5, Decimal.parse(".5"));
        assertEquals(3, Decimal.parse("3."));
        assertEquals(-0.002, Decimal.parse("-2E-3"));
        assertEquals(4, Decimal.parse("+4"));
        assertEquals(0.0, Decimal.parse("-0.0"));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(Decimal.parse("-0")), "zero is +0.0");
        assertEquals(0.1 + 0.0, Decimal.parse("0.1000000000000000000000000001"));
        for (String no : List.of("", ".", "e5", "1e", "1e+", "0x10", "NaN", "Infinity", "1e999", "-1e400", "1,5", "1.2.3", " 1", "1_000", "--1")) {
            assertTrue(Double.isNaN(Decimal.parse(no)), no);
        }
    }
}
