package dev.dendrite.data;

import dev.dendrite.api.data.DataSchema;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A source whose data set is fixed, a built-in generator or an IDX pair: there is no target column
 * to choose and the task is the data set's own. With a schema, features are matched by name and
 * class labels mapped to the schema's class indices.
 */
final class FixedSource implements Source {
    private final String name;
    private final String kind;
    private final Supplier<DataSet> data;
    private final Scaling defaultScaling;

    /**
     * @param name           the source for messages, e.g. {@code 'xor'}
     * @param kind           what it is for messages, e.g. {@code a built-in data set}
     * @param data           reads or generates the data set, fresh on every call
     * @param defaultScaling the scaling used when the options name none
     */
    FixedSource(String name, String kind, Supplier<DataSet> data, Scaling defaultScaling) {
        this.name = name;
        this.kind = kind;
        this.data = data;
        this.defaultScaling = defaultScaling;
    }

    @Override
    public Loaded read(String target, Task task, double validationFraction, long seed) {
        if (target != null) {
            throw new IllegalArgumentException(name + " is " + kind + " with a fixed target; a target column applies to CSV files only");
        }
        DataSet set = data.get();
        if (task != null && task != set.task()) {
            throw new IllegalArgumentException(name + " is " + kind + " for " + lower(set.task()) + "; the task "
                    + lower(task) + " applies to CSV files only");
        }
        return Loaded.split(set, validationFraction, seed);
    }

    @Override
    public DataSet read(DataSchema schema) {
        DataSet set = data.get();
        if (set.task() != schema.task()) {
            throw new IllegalArgumentException(name + " is " + kind + " for " + lower(set.task()) + ", the model does "
                    + lower(schema.task()));
        }
        double[] targets = set.task() == Task.CLASSIFICATION ? classIndices(set, schema.classes()) : set.targets();
        return new DataSet(set.name(), schema.featureNames(), features(set, schema), targets, schema.task(), schema.classes());
    }

    @Override
    public Matrix features(DataSchema schema) {
        return features(data.get(), schema);
    }

    @Override
    public Scaling defaultScaling() {
        return defaultScaling;
    }

    /** The rows of X named by the schema, in its order (X itself when the names already match). */
    private Matrix features(DataSet set, DataSchema schema) {
        List<String> names = schema.featureNames();
        if (names.equals(set.featureNames())) {
            return set.x();
        }
        int m = set.samples();
        Matrix x = new Matrix(names.size(), m);
        for (int i = 0; i < names.size(); i++) {
            int row = set.featureNames().indexOf(names.get(i));
            if (row < 0) {
                throw new IllegalArgumentException(name + " has no feature '" + names.get(i) + "'; its features are: "
                        + String.join(", ", set.featureNames()));
            }
            System.arraycopy(set.x().data(), row * m, x.data(), i * m, m);
        }
        return x;
    }

    /** Each sample's class index in {@code classes}, found by label. */
    private double[] classIndices(DataSet set, List<String> classes) {
        int[] index = new int[set.classes().size()];
        Arrays.fill(index, -1);
        double[] targets = new double[set.samples()];
        for (int j = 0; j < targets.length; j++) {
            int own = (int) set.targets()[j];
            if (index[own] < 0) {
                index[own] = TargetColumn.classIndex(set.classes().get(own), classes, name + " sample " + (j + 1));
            }
            targets[j] = index[own];
        }
        return targets;
    }

    private static String lower(Task task) {
        return task.name().toLowerCase(Locale.ROOT);
    }
}
