package dev.dendrite.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void aQuotedFieldSpansLinesAndTheNextRecordKeepsItsLine() throws IOException {
        List<String> records = read("a,b\n1,\"two\nlines\"\n3,x\n", ',');
        assertEquals(List.of("1|a", "2|1|two\nlines", "4|3|x").subList(1, 3), records.subList(1, 3));
    }

    @Test
    void aQuoteWrittenTwiceInsideQuotesIsOneQuote() throws IOException {
        assertEquals("2|say \"hi\"|, too", read("a,b\n\"say \"\"hi\"\"\",\", too\"\n", ',').get(1));
    }

    @Test
    void crlfCrAndLfAllEndRecordsAndBlankLinesAndTheByteOrderMarkAreSkipped() throws IOException {
        List<String> records = read("\uFEFFa;b\r\n1;2\r\n\r\n3;4\r5;6\n  \n7;8", ';');
        assertEquals(List.of("1|a|b", "2|1|2", "4|3|4", "5|5|6", "7|7|8"), records);
    }

    @Test
    void eachDelimiterSplitsAndSpacesAroundFieldsAreNotPartOfThem() throws IOException {
        for (char d : new char[] {',', ';', '\t', '|'}) {
            String text = "a" + d + "b\n 1 " + d + " \"x y\" \n";
            assertEquals(List.of("1|a|b", "2|1|x y"), read(text, d), "delimiter " + (int) d);
        }
        assertEquals("2|a,b|c", read("x|y\na,b|c\n", '|').get(1), "another delimiter is text");
    }

    @Test
    void textAfterAClosingQuoteAndAnUnclosedQuoteAreRefusedNamingTheLine() {
        assertEquals("t.csv line 3: text after the closing quote of field 1 (a quote inside a quoted field is written twice: \"\")",
                assertThrows(IllegalArgumentException.class, () -> read("a\n1\n\"x\"y\n", ',')).getMessage());
        assertEquals("t.csv line 2: a quoted field (field 2) is not closed before the end of the file",
                assertThrows(IllegalArgumentException.class, () -> read("a,b\n1,\"x\n2,3\n", ',')).getMessage());
    }

    @Test
    void recordsCrossingTheReadBlocksAreReadWhole() throws IOException {
        StringBuilder text = new StringBuilder("a,b,c\n");
        SplittableRandom random = new SplittableRandom(3);
        List<String> expected = new ArrayList<>(List.of("1|a|b|c"));
        int line = 2;
        while (text.length() < 3 << 20) {
            String quoted = "q" + random.nextInt(1000) + "\n" + "z".repeat(random.nextInt(40)) + "\"\"";
            String row = random.nextInt(100000) + "," + "\"" + quoted + "\"," + random.nextDouble();
            text.append(row).append('\n');
            expected.add(line + "|" + row.split(",")[0] + "|" + quoted.replace("\"\"", "\"") + "|" + row.split(",")[2]);
            line += 2;
        }
        assertEquals(expected, read(text.toString(), ','));
    }

    @Test
    void aRecordLongerThanTheLimitIsRefused() {
        InputStream endless = new InputStream() {
            private long given;

            @Override
            public int read() {
                return given++ == 0 ? '"' : 'x';
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            try (CsvReader reader = new CsvReader(endless, "t.csv", ',')) {
                reader.next();
            }
        });
        assertEquals("t.csv line 1: a record longer than 64 MB (is a quote never closed?)", e.getMessage());
    }

    @Test
    void numbersAndMissingMarkersAreReadFromTheBytes() throws IOException {
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(
                "1.5,-2e3,NA,n/a,NaN,null,?,,\"7\",x\n".getBytes(StandardCharsets.UTF_8)), "t.csv", ',')) {
            assertTrue(reader.next());
            assertEquals(1.5, reader.number(0));
            assertEquals(-2000, reader.number(1));
            for (int i = 2; i <= 7; i++) {
                assertTrue(reader.missing(i), "field " + i);
                assertTrue(Double.isNaN(reader.number(i)));
            }
            assertEquals(7, reader.number(8), "a quoted number is a number");
            assertTrue(!reader.missing(9) && Double.isNaN(reader.number(9)));
        }
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWhenReadAsText() throws IOException {
        byte[] bytes = {'a', '\n', (byte) 0xC3, (byte) 0x28, '\n'};
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(bytes), "t.csv", ',')) {
            reader.next();
            reader.next();
            assertEquals("t.csv line 2 is not UTF-8 text", assertThrows(IllegalArgumentException.class, () -> reader.text(0)).getMessage());
        }
    }

    /** Each record as "line|field|field…". */
    private static List<String> read(String text, char delimiter) throws IOException {
        List<String> records = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv", delimiter)) {
            while (reader.next()) {
                StringBuilder record = new StringBuilder().append(reader.line());
                for (int i = 0; i < reader.fields(); i++) {
                    record.append('|').append(reader.text(i));
                }
                records.add(record.toString());
            }
        }
        return records;
    }
}
