package dev.dendrite.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * A CSV file read in one streaming pass ({@link CsvReader}) into primitive columns
 * ({@link ColumnBuffer}): the first non-blank record is the header of column names, every other
 * one a row. Only the columns a caller asks for are kept and converted, each by its {@link Rule};
 * the others may hold anything. The delimiter is given or detected ({@link Delimiters}). Errors
 * name the file, the line (counted from 1, header included), the column (counted from 1, with its
 * name) and the value; the first bad cell in file order is the one named.
 */
final class CsvTable {
    /** The most distinct texts a column that may hold text keeps, unless its rule says fewer. */
    static final int MAX_TEXTS = 1 << 16;
    private static final int SHOWN = 60;
    /** The longest text a category or class label may have. */
    static final int MAX_TEXT = 10_000;
    /** The rows after which the heap a file needs is projected from its size. */
    static final int HEAP_CHECK_ROWS = 1 << 16;
    private static final double GB = 1L << 30;

    /**
     * How the cells of one kept column are read; each message is what follows the cell's name.
     *
     * @param maxTexts distinct texts allowed (0: text is refused with {@code notANumber})
     * @param missing  the message refusing a missing cell, or null when missing cells are kept
     * @param notANumber the message's end refusing a text cell, after {@code 'value' is not a number}
     * @param tooMany  the message's end refusing one distinct text too many, after {@code 'value' is value number N of column C}
     */
    record Rule(int maxTexts, String missing, String notANumber, String tooMany) {
        /** A column of numbers. */
        static Rule numbers(String missing, String notANumber) {
            return new Rule(0, missing, notANumber, "");
        }
    }

    private final String name;
    private final String path;
    private final char delimiter;
    private final int headerLine;
    private final List<String> header;
    private final ColumnBuffer[] columns;
    private final int rows;
    private final int[] anchorRows;
    private final int[] anchorLines;

    private CsvTable(String name, String path, char delimiter, int headerLine, List<String> header, ColumnBuffer[] columns,
                     int rows, int[] anchorRows, int[] anchorLines) {
        this.name = name;
        this.path = path;
        this.delimiter = delimiter;
        this.headerLine = headerLine;
        this.header = header;
        this.columns = columns;
        this.rows = rows;
        this.anchorRows = anchorRows;
        this.anchorLines = anchorLines;
    }

    /**
     * Reads {@code file}: a header with distinct, non-empty names and at least one row of as many fields.
     *
     * @param file      an existing regular file, UTF-8 text
     * @param delimiter the delimiter, or null to detect it
     * @param rules     the rule of each column, given the header and where it is (e.g. {@code x.csv line 1}); null for a column not kept
     * @throws IllegalArgumentException for malformed content
     */
    static CsvTable read(Path file, Character delimiter, BiFunction<List<String>, String, Rule[]> rules) {
        return read(file, delimiter, rules, Runtime.getRuntime().maxMemory());
    }

    /**
     * {@link #read(Path, Character, BiFunction)} with a heap of {@code heap} bytes: after 1 024, 2 048,
     * 4 096 … rows, then every {@value #HEAP_CHECK_ROWS}, a file whose kept columns would take more
     * than the heap as doubles, twice (read, then split), projected from its size against the bytes
     * read so far, is refused.
     */
    static CsvTable read(Path file, Character delimiter, BiFunction<List<String>, String, Rule[]> rules, long heap) {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            Delimiters.Sample sample = Delimiters.sample(in);
            char d = delimiter != null ? delimiter : Delimiters.detect(sample.bytes(), sample.length(), sample.whole(), name);
            InputStream all = new SequenceInputStream(new ByteArrayInputStream(sample.bytes(), 0, sample.length()), in);
            try (CsvReader reader = new CsvReader(all, name, d)) {
                return read(reader, name, file.toString(), d, rules, Files.size(file), heap);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static CsvTable read(CsvReader reader, String name, String path, char d, BiFunction<List<String>, String, Rule[]> rules,
                                 long size, long heap) throws IOException {
        if (!reader.next()) {
            throw new IllegalArgumentException(name + " is empty: expected a header line of column names, then one line per sample");
        }
        int headerLine = reader.line();
        String[] names = new String[reader.fields()];
        for (int c = 0; c < names.length; c++) {
            names[c] = reader.text(c);
        }
        List<String> header = checkedHeader(names, name + " line " + headerLine);
        Rule[] rule = rules.apply(header, name + " line " + headerLine);
        int[] kept = IntStream.range(0, rule.length).filter(c -> rule[c] != null).toArray();
        ColumnBuffer[] columns = new ColumnBuffer[header.size()];
        for (int c : kept) {
            columns[c] = new ColumnBuffer();
        }
        int n = header.size();
        int rows = 0;
        int[] anchorRows = new int[8];
        int[] anchorLines = new int[8];
        int anchors = 0;
        int expectedLine = -1;
        while (reader.next()) {
            int line = reader.line();
            if (reader.fields() != n) {
                throw new IllegalArgumentException(name + " line " + line + " has " + reader.fields() + " values, the header has " + n
                        + " (delimiter " + Delimiters.spelled(d) + ")");
            }
            if (line != expectedLine) {
                if (anchors == anchorRows.length) {
                    anchorRows = Arrays.copyOf(anchorRows, anchors * 2);
                    anchorLines = Arrays.copyOf(anchorLines, anchors * 2);
                }
                anchorRows[anchors] = rows;
                anchorLines[anchors++] = line;
            }
            expectedLine = line + 1;
            for (int c : kept) {
                ColumnBuffer column = columns[c];
                int packed = reader.packed(c);
                if (packed != Decimal.NOT_PACKED) {
                    column.addPacked(packed);
                    continue;
                }
                double value = reader.number(c);
                if (value == value) {
                    column.addNumber(value);
                } else if (reader.missing(c)) {
                    if (rule[c].missing() != null) {
                        String shown = reader.empty(c) ? "" : " '" + reader.text(c) + "'";
                        throw new IllegalArgumentException(cell(name, line, c, header) + ": missing value" + shown + rule[c].missing());
                    }
                    column.addMissing();
                } else {
                    String text = reader.text(c);
                    if (text.length() > MAX_TEXT && rule[c].maxTexts() > 0) {
                        throw new IllegalArgumentException(cell(name, line, c, header) + ": a text of " + text.length()
                                + " characters; a category or class label has at most " + MAX_TEXT);
                    }
                    if (rule[c].maxTexts() == 0) {
                        throw new IllegalArgumentException(cell(name, line, c, header) + ": " + shown(text) + " is not a number"
                                + rule[c].notANumber());
                    }
                    if (!column.addText(text, rule[c].maxTexts())) {
                        throw new IllegalArgumentException(cell(name, line, c, header) + ": " + shown(text) + " is distinct value "
                                + (rule[c].maxTexts() + 1) + " of column '" + bounded(header.get(c)) + "'" + rule[c].tooMany());
                    }
                }
            }
            if (++rows % HEAP_CHECK_ROWS == 0 || rows >= 1024 && (rows & (rows - 1)) == 0) {
                checkFits(name, size, reader.consumed(), rows, kept.length, heap);
            }
            if (rows == Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + " has more than " + (Integer.MAX_VALUE - 1) + " rows");
            }
        }
        if (rows == 0) {
            throw new IllegalArgumentException(name + " has a header but no data rows");
        }
        return new CsvTable(name, path, d, headerLine, header, columns, rows, Arrays.copyOf(anchorRows, anchors),
                Arrays.copyOf(anchorLines, anchors));
    }

    /** Refuses a file whose {@code columns} kept columns would not fit twice in the heap, projected from its first {@code rows} rows. */
    private static void checkFits(String name, long size, long consumed, int rows, int columns, long heap) {
        double projectedRows = (double) rows * size / Math.max(1, consumed);
        double bytes = projectedRows * columns * Double.BYTES * 2;
        if (bytes > heap) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: about %.0f rows of %d columns need about %s as numbers, read then split; more than the heap can"
                            + " hold (%s; set DENDRITE_OPTS=-Xmx%dg)",
                    name, projectedRows, columns, size(bytes), size(heap), (long) Math.ceil(bytes / GB) + 1));
        }
    }

    private static String size(double bytes) {
        return bytes >= GB / 10 ? String.format(Locale.ROOT, "%.1f GB", bytes / GB)
                : String.format(Locale.ROOT, "%d MB", Math.round(bytes / (1 << 20)));
    }

    private static List<String> checkedHeader(String[] header, String where) {
        HashSet<String> seen = new HashSet<>();
        for (int c = 0; c < header.length; c++) {
            if (header[c].isEmpty()) {
                throw new IllegalArgumentException(where + ": column " + (c + 1) + " of the header has no name");
            }
            if (!seen.add(header[c])) {
                throw new IllegalArgumentException(where + ": the header names column " + shown(header[c]) + " twice");
            }
        }
        return List.of(header);
    }

    /** A user's text in quotes, its first {@value #SHOWN} characters when longer. */
    static String shown(String text) {
        return text.length() <= SHOWN ? "'" + text + "'" : "'" + text.substring(0, SHOWN) + "…' (" + text.length() + " characters)";
    }

    private static String cell(String name, int line, int column, List<String> header) {
        return name + " line " + line + ", column " + (column + 1) + " (" + bounded(header.get(column)) + ")";
    }

    /** A name from the file, its first {@value #SHOWN} characters when longer. */
    static String bounded(String name) {
        return name.length() <= SHOWN ? name : name.substring(0, SHOWN) + "… (" + name.length() + " characters)";
    }

    /** The file's path, as given. */
    String path() {
        return path;
    }

    /** The column names, in file order. */
    List<String> header() {
        return header;
    }

    /** The file name, for messages. */
    String name() {
        return name;
    }

    /** The delimiter the file was read with. */
    char delimiter() {
        return delimiter;
    }

    /** The file name and line of the header, e.g. {@code iris.csv line 1}. */
    String headerWhere() {
        return name + " line " + headerLine;
    }

    /** The number of rows. */
    int rows() {
        return rows;
    }

    /** The kept column c. */
    ColumnBuffer column(int c) {
        return columns[c];
    }

    /** The line of row j. */
    int line(int row) {
        int a = Arrays.binarySearch(anchorRows, row);
        a = a >= 0 ? a : -a - 2;
        return anchorLines[a] + (row - anchorRows[a]);
    }

    /**
     * The index of the column named {@code column}.
     *
     * @param role what the column is for, e.g. {@code target} or {@code feature}, for the message
     * @throws IllegalArgumentException naming the column and listing the file's columns when there is none
     */
    static int column(List<String> header, String name, String column, String role) {
        int index = header.indexOf(column);
        if (index < 0) {
            String columns = String.join(", ", header);
            throw new IllegalArgumentException(name + " has no " + role + " column " + shown(column) + "; its columns are: "
                    + (columns.length() > 300 ? columns.substring(0, 300) + "… (" + header.size() + " columns)" : columns));
        }
        return index;
    }

    /** Row j's line and column c, e.g. {@code iris.csv line 17, column 5 (species)}. */
    String cellName(int row, int column) {
        return cell(name, line(row), column, header);
    }
}
