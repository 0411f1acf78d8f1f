package dev.dendrite.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DelimitersTest {

    @Test
    void eachDelimiterIsFoundFromTheHeaderAndTheFirstLines() {
        for (char d : new char[] {',', ';', '\t', '|'}) {
            assertEquals(d, detect("a" + d + "b" + d + "y\n1" + d + "2" + d + "0\n3" + d + "4" + d + "1\n"), "delimiter " + (int) d);
        }
    }

    @Test
    void commasInsideQuotesOrDecimalCommasDoNotMakeTheDelimiter() {
        assertEquals(';', detect("name;x;y\n\"Smith, J\";1,5;0\n\"Doe, A\";2,5;1\n"));
    }

    @Test
    void twoDelimitersThatBothFitAreRefusedAskingForTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> detect("a,b;c\n1,2;3\n4,5;6\n"));
        assertEquals("t.csv: cannot tell its delimiter: ',' and ';' each split the header and the first lines into the same"
                + " number of columns (2 and 2); choose one with --delimiter", e.getMessage());
    }

    @Test
    void aLineThatDoesNotFitLeavesTheOnlyDelimiterOfTheHeaderAndOneColumnIsCommas() {
        assertEquals(';', detect("a;b\n1;2\n1;2;3\n"));
        assertEquals(',', detect("a\n1\n2\n"));
    }

    private static char detect(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Delimiters.detect(bytes, bytes.length, true, "t.csv");
    }
}
