package dev.dendrite.data;

import dev.dendrite.api.math.Matrix;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A CSV file as text: the first non-blank line is the header of column names, every other
 * non-blank line one sample (blank lines are skipped, a UTF-8 byte-order mark is ignored); fields
 * as {@link CsvFields} splits them. Only the columns a caller asks for are converted, so other
 * columns may hold anything. Errors name the file, the line (counted from 1, header included), the
 * column (counted from 1) and the value.
 */
final class CsvTable {
    private final String name;
    private final String path;
    private final int headerLine;
    private final List<String> header;
    private final List<List<String>> rows;
    private final int[] lines;

    private CsvTable(String name, String path, int headerLine, List<String> header, List<List<String>> rows, int[] lines) {
        this.name = name;
        this.path = path;
        this.headerLine = headerLine;
        this.header = header;
        this.rows = rows;
        this.lines = lines;
    }

    /**
     * Reads {@code file}: a header with distinct, non-empty names and at least one data line of as many fields.
     *
     * @param file an existing regular file, UTF-8 text
     * @throws IllegalArgumentException for malformed content
     */
    static CsvTable read(Path file) {
        String name = file.getFileName().toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, name, file.toString());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(name + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static CsvTable read(BufferedReader in, String name, String path) throws IOException {
        int lineNumber = 0;
        int headerLine = 0;
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            String where = name + " line " + lineNumber;
            List<String> fields = CsvFields.split(line, where);
            if (header == null) {
                header = checkedHeader(fields, where);
                headerLine = lineNumber;
            } else if (fields.size() != header.size()) {
                throw new IllegalArgumentException(where + " has " + fields.size() + " values, the header has " + header.size());
            } else {
                rows.add(fields);
                lines.add(lineNumber);
            }
        }
        if (header == null) {
            throw new IllegalArgumentException(name + " is empty: expected a header line of column names, then one line per sample");
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(name + " has a header but no data rows");
        }
        return new CsvTable(name, path, headerLine, header, rows, lines.stream().mapToInt(Integer::intValue).toArray());
    }

    private static List<String> checkedHeader(List<String> header, String where) {
        HashSet<String> seen = new HashSet<>();
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).isEmpty()) {
                throw new IllegalArgumentException(where + ": column " + (c + 1) + " of the header has no name");
            }
            if (!seen.add(header.get(c))) {
                throw new IllegalArgumentException(where + ": the header names column '" + header.get(c) + "' twice");
            }
        }
        return List.copyOf(header);
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

    /** The file name and line of the header, e.g. {@code iris.csv line 1}. */
    String headerWhere() {
        return name + " line " + headerLine;
    }

    /** The file name and line of data row j, e.g. {@code iris.csv line 17}. */
    String where(int row) {
        return name + " line " + lines[row];
    }

    /**
     * The index of the column named {@code column}.
     *
     * @param role what the column is for, e.g. {@code target} or {@code feature}, for the message
     * @throws IllegalArgumentException naming the column and listing the file's columns when there is none
     */
    int column(String column, String role) {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(name + " has no " + role + " column '" + column + "'; its columns are: "
                    + String.join(", ", header));
        }
        return index;
    }

    /**
     * X (n, m): row i holds the plain decimal numbers of column {@code columns[i]} of every data line.
     *
     * @throws IllegalArgumentException at the first empty or non-numeric cell, in file order
     */
    Matrix numbers(int[] columns) {
        int m = rows.size();
        Matrix x = new Matrix(columns.length, m);
        double[] data = x.data();
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < columns.length; i++) {
                String value = cell(j, columns[i]);
                double number = CsvFields.number(value);
                if (Double.isNaN(number)) {
                    throw new IllegalArgumentException(cellName(j, columns[i]) + ": '" + value + "' is not a number");
                }
                data[i * m + j] = number;
            }
        }
        return x;
    }

    /**
     * The text of column {@code column} on every data line.
     *
     * @throws IllegalArgumentException at the first empty cell
     */
    List<String> values(int column) {
        List<String> values = new ArrayList<>(rows.size());
        for (int j = 0; j < rows.size(); j++) {
            values.add(cell(j, column));
        }
        return values;
    }

    private String cell(int row, int column) {
        String value = rows.get(row).get(column);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(cellName(row, column) + ": missing value");
        }
        return value;
    }

    /** Data row j's line and the column, e.g. {@code iris.csv line 17, column 5 (species)}. */
    String cellName(int row, int column) {
        return where(row) + ", column " + (column + 1) + " (" + header.get(column) + ")";
    }
}
