package dev.dendrite.data;

import dev.dendrite.api.data.DataSet;
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
 * Reads a CSV file into a {@link DataSet}: the first non-blank line is the header of column
 * names, every other non-blank line one sample (blank lines are skipped, a UTF-8 byte-order mark
 * is ignored). Every column but the target must hold plain decimal numbers; the target column is
 * encoded by {@link TargetColumn}. Errors name the file, the line (counted from 1, header
 * included), the column (counted from 1) and the value.
 */
final class CsvReader {

    private CsvReader() {
    }

    /**
     * @param file   an existing regular file, UTF-8 text
     * @param target the target column's name, or null for the last column
     * @throws IllegalArgumentException for malformed content
     */
    static DataSet read(Path file, String target) {
        String name = file.getFileName().toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, name, file.toString(), target);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(name + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static DataSet read(BufferedReader in, String name, String source, String target) throws IOException {
        int lineNumber = 0;
        List<String> header = null;
        int targetColumn = -1;
        List<double[]> rows = new ArrayList<>();
        List<String> targets = new ArrayList<>();
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
                targetColumn = targetColumn(header, target, name);
                continue;
            }
            if (fields.size() != header.size()) {
                throw new IllegalArgumentException(where + " has " + fields.size() + " values, the header has " + header.size());
            }
            double[] row = new double[header.size() - 1];
            for (int c = 0, f = 0; c < fields.size(); c++) {
                String value = fields.get(c);
                String cell = where + ", column " + (c + 1) + " (" + header.get(c) + ")";
                if (value.isEmpty()) {
                    throw new IllegalArgumentException(cell + ": missing value");
                }
                if (c == targetColumn) {
                    targets.add(value);
                    continue;
                }
                row[f] = CsvFields.number(value);
                if (Double.isNaN(row[f])) {
                    throw new IllegalArgumentException(cell + ": '" + value + "' is not a number");
                }
                f++;
            }
            rows.add(row);
        }
        if (header == null) {
            throw new IllegalArgumentException(name + " is empty: expected a header line of column names, then one line per sample");
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(name + " has a header but no data rows");
        }
        List<String> features = new ArrayList<>(header);
        features.remove(targetColumn);
        TargetColumn encoded = TargetColumn.of(targets);
        return new DataSet(source, features, transpose(rows, features.size()), encoded.targets(), encoded.task(), encoded.classes());
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
        if (header.size() < 2) {
            throw new IllegalArgumentException(where + ": the header has one column ('" + header.get(0)
                    + "'); a data set needs the target and at least one feature column");
        }
        return header;
    }

    private static int targetColumn(List<String> header, String target, String name) {
        if (target == null) {
            return header.size() - 1;
        }
        int column = header.indexOf(target);
        if (column < 0) {
            throw new IllegalArgumentException(name + " has no column '" + target + "'; its columns are: " + String.join(", ", header));
        }
        return column;
    }

    /** X (n, m) from m rows of n values. */
    private static Matrix transpose(List<double[]> rows, int n) {
        int m = rows.size();
        Matrix x = new Matrix(n, m);
        double[] data = x.data();
        for (int j = 0; j < m; j++) {
            double[] row = rows.get(j);
            for (int i = 0; i < n; i++) {
                data[i * m + j] = row[i];
            }
        }
        return x;
    }
}
