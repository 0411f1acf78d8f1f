package dev.dendrite.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFieldsTest {

    @Test
    void splitsOnCommasAndTrimsFields() {
        assertEquals(List.of("a", "b", "", "c d"), CsvFields.split(" a ,b,, c d ", "t"));
    }

    @Test
    void quotedFieldsKeepCommasAndDoubledQuotes() {
        assertEquals(List.of("1", "a, b", "say \"hi\"", ""), CsvFields.split("1, \"a, b\" ,\"say \"\"hi\"\"\",\"\"", "t"));
    }

    @Test
    void anUnclosedQuoteIsReportedWithItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvFields.split("1,\"abc", "x.csv line 4"));
        assertEquals("x.csv line 4: a quoted field is not closed", e.getMessage());
    }

    @Test
    void parsesPlainDecimalNumbersOnly() {
        assertEquals(-1500.0, CsvFields.number("-1.5e3"));
        assertEquals(0.25, CsvFields.number(".25"));
        assertEquals(3.0, CsvFields.number("+3."));
        assertEquals(0.0, CsvFields.number("-0"));
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(CsvFields.number("-0")), "no negative zero");
        for (String word : List.of("abc", "", "NaN", "Infinity", "0x10", "1d", "1e999", "1,5", "--1")) {
            assertTrue(Double.isNaN(CsvFields.number(word)), word);
        }
    }
}
