package dev.dendrite.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColumnBufferTest {

    @Test
    void packedDecimalsReadBackAsTheirParsedValues() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 100_000; i++) {
            String text = String.format(Locale.ROOT, "%." + random.nextInt(0, 8) + "f", random.nextGaussian() * Math.pow(10, random.nextInt(0, 4)));
            byte[] b = text.getBytes(StandardCharsets.US_ASCII);
            int packed = Decimal.pack(b, 0, b.length);
            if (packed != Decimal.NOT_PACKED) {
                assertEquals(Decimal.parse(b, 0, b.length), Decimal.unpack(packed), text);
            } else {
                assertTrue(text.replaceAll("[-.]", "").length() > 8 || Math.abs(Double.parseDouble(text)) * 1e8 >= 1 << 26, text);
            }
        }
        for (String no : List.of("1e5", "123456789", "0.123456789", "1.2.3", ".", "-", "", "x", "67108864")) {
            byte[] b = no.getBytes(StandardCharsets.US_ASCII);
            assertEquals(Decimal.NOT_PACKED, Decimal.pack(b, 0, b.length), no);
        }
        byte[] zero = "-0.00".getBytes(StandardCharsets.US_ASCII);
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(Decimal.unpack(Decimal.pack(zero, 0, zero.length))));
    }

    /** Packed numbers, then missing and text cells, then a number that does not pack: every cell reads back across chunks. */
    @Test
    void aColumnTurnsWideAtItsFirstLongNumberAndKeepsEveryCell() {
        ColumnBuffer column = new ColumnBuffer();
        List<Double> expected = new ArrayList<>();
        for (int j = 0; j < 3 * ColumnBuffer.CHUNK + 17; j++) {
            if (j % 1000 == 7) {
                column.addMissing();
                expected.add(Double.NaN);
            } else if (j % 1000 == 8) {
                column.addText("t" + (j % 3), 100);
                expected.add(Double.NaN);
            } else if (j == 2 * ColumnBuffer.CHUNK + 5) {
                column.addNumber(1.0e-300);
                expected.add(1.0e-300);
            } else {
                byte[] b = String.format(Locale.ROOT, "%.3f", j / 7.0).getBytes(StandardCharsets.US_ASCII);
                column.addPacked(Decimal.pack(b, 0, b.length));
                expected.add(Decimal.parse(b, 0, b.length));
            }
        }
        double[] all = new double[column.size()];
        column.copyNumbers(all, 0);
        assertArrayEquals(expected.stream().mapToDouble(Double::doubleValue).toArray(), all);
        assertEquals(ColumnBuffer.MISSING, column.code(7));
        assertEquals("t2", column.label(8));
        assertEquals(List.of("t2", "t0", "t1"), column.texts());
        int[] destination = new int[column.size()];
        double[] first = new double[column.size()];
        for (int j = 0; j < destination.length; j++) {
            destination[j] = destination.length - 1 - j;
        }
        column.scatterNumbers(destination, first, 0, null, 0);
        for (int j = 0; j < destination.length; j++) {
            assertEquals(all[j], first[destination.length - 1 - j]);
        }
    }
}
