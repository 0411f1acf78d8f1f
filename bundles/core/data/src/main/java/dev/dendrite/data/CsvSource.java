package dev.dendrite.data;

import dev.dendrite.api.data.DataSchema;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A CSV file ({@link CsvTable}). For training, the target is the column named by the caller
 * (default: the last one) and every other column is a numeric feature; the target is encoded by
 * {@link TargetColumn}. With a schema, the feature columns are found by name in any order, other
 * columns are ignored, and the target is the schema's column (default: the last one).
 */
final class CsvSource implements Source {
    private final CsvTable table;

    /** Reads {@code file} (an existing regular file). */
    CsvSource(Path file) {
        table = CsvTable.read(file);
    }

    @Override
    public Loaded read(String target, Task task) {
        List<String> header = table.header();
        if (header.size() < 2) {
            throw new IllegalArgumentException(table.headerWhere() + ": the header has one column ('" + header.get(0)
                    + "'); a data set needs the target and at least one feature column");
        }
        int y = target == null ? header.size() - 1 : table.column(target, "target");
        int[] features = IntStream.range(0, header.size()).filter(c -> c != y).toArray();
        Matrix x = table.numbers(features);
        TargetColumn encoded = TargetColumn.of(table.values(y), task, j -> table.cellName(j, y));
        List<String> names = IntStream.of(features).mapToObj(header::get).toList();
        DataSet data = new DataSet(table.path(), names, x, encoded.targets(), encoded.task(), encoded.classes());
        return new Loaded(data, header.get(y),
                r -> "file " + table.name() + ", column " + (features[r] + 1) + " (" + names.get(r) + ")");
    }

    @Override
    public DataSet read(DataSchema schema) {
        int[] features = featureColumns(schema);
        int y = schema.target() == null ? table.header().size() - 1 : table.column(schema.target(), "target");
        if (IntStream.of(features).anyMatch(c -> c == y)) {
            throw new IllegalArgumentException(table.name() + ": the target column '" + table.header().get(y)
                    + "' is a feature of the model; name the target column");
        }
        Matrix x = table.numbers(features);
        double[] targets = TargetColumn.encode(table.values(y), schema.task(), schema.classes(), j -> table.cellName(j, y));
        return new DataSet(table.path(), schema.featureNames(), x, targets, schema.task(), schema.classes());
    }

    @Override
    public Matrix features(DataSchema schema) {
        return table.numbers(featureColumns(schema));
    }

    @Override
    public Scaling defaultScaling() {
        return Scaling.STANDARD;
    }

    private int[] featureColumns(DataSchema schema) {
        return schema.featureNames().stream().mapToInt(name -> table.column(name, "feature")).toArray();
    }
}
