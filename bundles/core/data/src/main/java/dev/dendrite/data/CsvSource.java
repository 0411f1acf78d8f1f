package dev.dendrite.data;

import dev.dendrite.api.data.DataSchema;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.FeatureColumn;
import dev.dendrite.api.data.TableOptions;
import dev.dendrite.api.data.TableOptions.Missing;
import dev.dendrite.api.data.TableOptions.Unseen;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A CSV file ({@link CsvTable}) read as {@link TableOptions} say. For training, the rows are split
 * ({@link Splitter}, from the encoded targets) and each column is copied from its primitive chunks
 * straight into the training and validation matrices, then let go, so that the file's numbers are
 * held about once at any time. The target is the
 * column named by the caller (default: the last one) and every other column is a feature: a
 * number, or, when it is categorical ({@code --categorical}), one feature per category, one-hot
 * ({@link FeatureColumn}); categories are sorted as strings, a number in a categorical column is
 * the category of its plain spelling ({@code 1.0} is {@code 1}). A missing cell is refused, leaves
 * its row out, or stays NaN for {@link Imputation} after the split, as {@link Missing} says; a
 * missing target is refused unless rows are left out. With a schema, the feature columns are found
 * by name in any order, other columns are ignored, missing cells take the schema's fills, and the
 * target is the schema's column (default: the last one).
 */
final class CsvSource implements Source {
    /** The most categories a column may have. */
    static final int MAX_CATEGORIES = 1000;

    private final Path file;
    private final String name;
    private final TableOptions options;

    /** Reads {@code file} (an existing regular file) as {@code options} say, when asked. */
    CsvSource(Path file, TableOptions options) {
        this.file = file;
        this.name = file.getFileName().toString();
        this.options = options;
    }

    @Override
    public Loaded read(String target, Task task, double validationFraction, long seed) {
        Missing missing = options.missing();
        int[] y = new int[1];
        Set<Integer> categorical = new HashSet<>();
        CsvTable table = CsvTable.read(file, options.delimiter(), (header, where) -> trainingRules(header, where, target, y, categorical));
        List<String> header = table.header();
        int[] rows = missing == Missing.DROP ? completeRows(table) : null;
        TargetColumn encoded = TargetColumn.of(table.column(y[0]), rows, task, j -> table.cellName(j, y[0]));
        table.column(y[0]).release();
        List<FeatureColumn> columns = new ArrayList<>();
        List<Integer> fileColumns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c != y[0]) {
                ColumnBuffer column = table.column(c);
                boolean encode = categorical.contains(c) || options.autoCategorical() && column.hasText();
                columns.add(new FeatureColumn(header.get(c), encode ? categories(table, c, rows) : List.of(), Double.NaN));
                fileColumns.add(c);
            }
        }
        List<String> names = checkedNames(columns, header);
        int[][] parts = Splitter.split(encoded.targets(), encoded.task(), encoded.classes().size(), validationFraction, seed);
        int[][] fileRows = {fileRows(rows, parts[0]), fileRows(rows, parts[1])};
        Matrix[] x = {new Matrix(names.size(), parts[0].length), parts[1].length == 0 ? null : new Matrix(names.size(), parts[1].length)};
        int[] destination = destinations(table.rows(), fileRows);
        int r = 0;
        int[] featureColumn = new int[names.size()];
        for (int i = 0; i < columns.size(); i++) {
            int c = fileColumns.get(i);
            FeatureColumn column = columns.get(i);
            for (int k = 0; k < Math.max(1, column.categories().size()); k++) {
                featureColumn[r + k] = c;
            }
            if (column.categorical()) {
                for (int part = 0; part < 2 && x[part] != null; part++) {
                    oneHot(table, c, fileRows[part], column, Unseen.ERROR, x[part], r);
                }
            } else {
                table.column(c).scatterNumbers(destination, x[0].data(), r * x[0].cols(),
                        x[1] == null ? null : x[1].data(), x[1] == null ? 0 : r * x[1].cols());
            }
            table.column(c).release();
            r += Math.max(1, column.categories().size());
        }
        DataSet train = new DataSet(table.path(), names, x[0], targets(encoded.targets(), parts[0]), encoded.task(), encoded.classes());
        DataSet validation = parts[1].length == 0 ? null
                : new DataSet(table.path(), names, x[1], targets(encoded.targets(), parts[1]), encoded.task(), encoded.classes());
        return new Loaded(train, validation, header.get(y[0]),
                f -> "file " + name + ", column " + (featureColumn[f] + 1) + " (" + CsvTable.bounded(names.get(f)) + ")", columns);
    }

    /**
     * The rules of a training read: the target (default the last column) may hold labels; each
     * feature column holds numbers, or categories when {@code --categorical} takes it; missing
     * cells as {@code --missing} says. Sets {@code y[0]} to the target and fills {@code categorical}
     * with the columns named by {@code --categorical}.
     */
    private CsvTable.Rule[] trainingRules(List<String> header, String where, String target, int[] y, Set<Integer> categorical) {
        if (header.size() < 2) {
            throw new IllegalArgumentException(where + ": the header has one column (" + CsvTable.shown(header.get(0))
                    + "); a data set needs the target and at least one feature column");
        }
        y[0] = target == null ? header.size() - 1 : CsvTable.column(header, name, target, "target");
        for (String column : options.autoCategorical() ? List.<String>of() : options.categorical()) {
            int c = CsvTable.column(header, name, column, "categorical");
            if (c == y[0]) {
                throw new IllegalArgumentException("--categorical: " + CsvTable.shown(column)
                        + " is the target column; class labels need no encoding");
            }
            categorical.add(c);
        }
        Missing missing = options.missing();
        String refused = missing == Missing.ERROR ? " (--missing drop, mean, median or most_frequent handles missing values)" : null;
        CsvTable.Rule[] rules = new CsvTable.Rule[header.size()];
        for (int c = 0; c < rules.length; c++) {
            if (c == y[0]) {
                rules[c] = new CsvTable.Rule(CsvTable.MAX_TEXTS, missing == Missing.DROP ? null
                        : " in the target column; every row needs a target (--missing drop leaves such rows out)", "",
                        "; more classes than a network can learn from");
            } else if (options.autoCategorical() || categorical.contains(c)) {
                rules[c] = new CsvTable.Rule(MAX_CATEGORIES, refused, "", "; more than " + MAX_CATEGORIES
                        + " categories are too many to one-hot encode" + (options.autoCategorical()
                        ? " (--categorical auto takes every text column: name the columns to encode instead)"
                        : " (leave the column out of --categorical)"));
            } else {
                rules[c] = CsvTable.Rule.numbers(refused, " (a text column is one-hot encoded with --categorical "
                        + CsvTable.bounded(header.get(c)) + " or --categorical auto)");
            }
        }
        return rules;
    }

    /** For each file row, its sample in training (k ≥ 0), in validation (−k − 2), or −1 when it is left out. */
    private static int[] destinations(int rows, int[][] fileRows) {
        int[] destination = new int[rows];
        Arrays.fill(destination, -1);
        for (int k = 0; k < fileRows[0].length; k++) {
            destination[fileRows[0][k]] = k;
        }
        for (int k = 0; k < fileRows[1].length; k++) {
            destination[fileRows[1][k]] = -k - 2;
        }
        return destination;
    }

    /** The file rows of the samples {@code part} (indices among {@code rows}, or the rows themselves when null). */
    private static int[] fileRows(int[] rows, int[] part) {
        if (rows == null) {
            return part;
        }
        int[] mapped = new int[part.length];
        for (int k = 0; k < part.length; k++) {
            mapped[k] = rows[part[k]];
        }
        return mapped;
    }

    private static double[] targets(double[] all, int[] part) {
        double[] targets = new double[part.length];
        for (int k = 0; k < part.length; k++) {
            targets[k] = all[part[k]];
        }
        return targets;
    }

    @Override
    public DataSet read(DataSchema schema) {
        return read(schema, true);
    }

    @Override
    public Matrix features(DataSchema schema) {
        return read(schema, false).x();
    }

    @Override
    public Scaling defaultScaling() {
        return Scaling.STANDARD;
    }

    /** The rows with no missing cell (the target's included). */
    private int[] completeRows(CsvTable table) {
        int m = table.rows();
        boolean[] dropped = new boolean[m];
        int kept = m;
        for (int c = 0; c < table.header().size(); c++) {
            ColumnBuffer column = table.column(c);
            for (int j = column.firstMissing(); j >= 0 && j < m; j++) {
                if (!dropped[j] && column.missing(j)) {
                    dropped[j] = true;
                    kept--;
                }
            }
        }
        if (kept == 0) {
            throw new IllegalArgumentException(name + ": every row has a missing value; --missing drop leaves no row to learn from");
        }
        int[] rows = new int[kept];
        for (int j = 0, k = 0; j < m; j++) {
            if (!dropped[j]) {
                rows[k++] = j;
            }
        }
        return rows;
    }

    /** The sorted categories of column c over {@code rows} (every row when null), missing cells aside. */
    private static List<String> categories(CsvTable table, int c, int[] rows) {
        ColumnBuffer column = table.column(c);
        TreeSet<String> categories = new TreeSet<>();
        int m = rows == null ? table.rows() : rows.length;
        for (int k = 0; k < m; k++) {
            String label = column.label(rows == null ? k : rows[k]);
            if (label != null) {
                categories.add(label);
            }
        }
        if (categories.size() > MAX_CATEGORIES) {
            throw new IllegalArgumentException(table.name() + ", column " + (c + 1) + " (" + CsvTable.bounded(table.header().get(c)) + ") has "
                    + categories.size() + " distinct values; more than " + MAX_CATEGORIES + " categories are too many to one-hot encode");
        }
        if (categories.isEmpty()) {
            throw new IllegalArgumentException(table.name() + ", column " + (c + 1) + " (" + CsvTable.bounded(table.header().get(c))
                    + ") has no value to take categories from");
        }
        return List.copyOf(categories);
    }

    /** The features' names, checked to be distinct: a one-hot name {@code c=v} may meet a column of that name. */
    private List<String> checkedNames(List<FeatureColumn> columns, List<String> header) {
        List<String> names = FeatureColumn.featureNames(columns);
        Set<String> seen = new HashSet<>();
        for (String feature : names) {
            if (!seen.add(feature)) {
                throw new IllegalArgumentException(name + ": the one-hot feature " + CsvTable.shown(feature)
                        + " has the name of another column; rename the column");
            }
        }
        return names;
    }

    /**
     * Writes column c one-hot into rows r … r+k−1 of X: 1 for the row's category, 0 for the others;
     * a missing cell is NaN in all k rows (for {@link Imputation}), or the column's fill when it has one.
     */
    private static void oneHot(CsvTable table, int c, int[] rows, FeatureColumn feature, Unseen unseen, Matrix x, int r) {
        ColumnBuffer column = table.column(c);
        List<String> categories = feature.categories();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            index.put(categories.get(i), i);
        }
        int[] textIndex = new int[column.texts().size()];
        for (int t = 0; t < textIndex.length; t++) {
            textIndex[t] = index.getOrDefault(column.texts().get(t), -1);
        }
        int m = x.cols();
        double[] data = x.data();
        for (int k = 0; k < m; k++) {
            int j = rows == null ? k : rows[k];
            int code = column.code(j);
            int category;
            if (code == ColumnBuffer.MISSING) {
                if (!feature.filled()) {
                    for (int i = 0; i < categories.size(); i++) {
                        data[(r + i) * m + k] = Double.NaN;
                    }
                    continue;
                }
                category = (int) feature.fill();
            } else {
                category = code >= 0 ? textIndex[code] : index.getOrDefault(column.label(j), -1);
            }
            if (category < 0 && unseen == Unseen.ERROR) {
                String known = String.join(", ", categories);
                throw new IllegalArgumentException(table.cellName(j, c) + ": category " + CsvTable.shown(column.label(j))
                        + " was not seen in training (known: " + (known.length() > 200 ? known.substring(0, 200) + "…" : known)
                        + "); --unseen zeros encodes it as none of them");
            }
            if (category >= 0) {
                data[(r + category) * m + k] = 1;
            }
        }
    }

    /** The file read the way {@code schema} says; the target too when {@code withTarget}. */
    private DataSet read(DataSchema schema, boolean withTarget) {
        List<FeatureColumn> columns = schema.columns();
        int[] fileColumn = new int[columns.size()];
        int[] y = {-1};
        CsvTable table = CsvTable.read(file, options.delimiter(), (header, where) -> {
            CsvTable.Rule[] rules = new CsvTable.Rule[header.size()];
            for (int i = 0; i < columns.size(); i++) {
                FeatureColumn column = columns.get(i);
                int c = CsvTable.column(header, name, column.name(), "feature");
                fileColumn[i] = c;
                String refused = column.filled() ? null
                        : "; the model fills no missing value (it was trained with --missing error or drop)";
                rules[c] = column.categorical() ? new CsvTable.Rule(CsvTable.MAX_TEXTS, refused, "", "")
                        : CsvTable.Rule.numbers(refused, "; the model takes numbers in this column");
            }
            if (withTarget) {
                y[0] = schema.target() == null ? header.size() - 1 : CsvTable.column(header, name, schema.target(), "target");
                if (rules[y[0]] != null) {
                    throw new IllegalArgumentException(name + ": the target column '" + CsvTable.bounded(header.get(y[0]))
                            + "' is a feature of the model; name the target column");
                }
                rules[y[0]] = new CsvTable.Rule(CsvTable.MAX_TEXTS, " in the target column; every row needs a target", "", "");
            }
            return rules;
        });
        int m = table.rows();
        Matrix x = new Matrix(schema.featureNames().size(), m);
        int r = 0;
        for (int i = 0; i < columns.size(); i++) {
            FeatureColumn column = columns.get(i);
            if (column.categorical()) {
                oneHot(table, fileColumn[i], null, column, options.unseen(), x, r);
                r += column.categories().size();
            } else {
                table.column(fileColumn[i]).copyNumbers(x.data(), r * m);
                if (column.filled()) {
                    Imputation.fill(x.data(), r * m, m, column.fill());
                }
                r++;
            }
        }
        double[] targets = withTarget
                ? TargetColumn.encode(table.column(y[0]), null, schema.task(), schema.classes(), j -> table.cellName(j, y[0]))
                : new double[m];
        return new DataSet(table.path(), schema.featureNames(), x, targets, schema.task(), schema.classes());
    }
}
