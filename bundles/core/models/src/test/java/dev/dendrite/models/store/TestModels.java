package dev.dendrite.models.store;

import dev.dendrite.api.data.DataSchema;
import dev.dendrite.api.data.FeatureColumn;
import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.DenseLayer;
import dev.dendrite.api.nn.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Models with seeded random weights (including awkward doubles) for the tests. */
final class TestModels {
    private TestModels() {
    }

    /** A 4-5-3 softmax classifier of iris-like data. */
    static Model classifier(long seed) {
        Random random = new Random(seed);
        return model(random, List.of(5, 3), List.of("relu", "softmax"), "categorical_crossentropy",
                new DataSchema(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), "species",
                        Task.CLASSIFICATION, List.of("setosa", "versi\"color", "virginica é"), scaling(random, 4)));
    }

    /** A 3-4-1 regression model without a named target (a built-in data set). */
    static Model regressor(long seed) {
        Random random = new Random(seed);
        return model(random, List.of(4, 1), List.of("tanh", "linear"), "mse",
                new DataSchema(List.of("x1", "x2", "x3"), null, Task.REGRESSION, List.of(), scaling(random, 3)));
    }

    /** A 4-3-2 sigmoid classifier of a numeric column filled with 2.5 and a one-hot column of 3 categories filled with "red". */
    static Model categorical(long seed) {
        Random random = new Random(seed);
        List<FeatureColumn> columns = List.of(new FeatureColumn("size", List.of(), 2.5),
                new FeatureColumn("colour", List.of("blue", "red", "ü \"x\""), 1));
        return model(random, List.of(3, 1), List.of("tanh", "sigmoid"), "binary_crossentropy",
                new DataSchema(FeatureColumn.featureNames(columns), "y", Task.CLASSIFICATION, List.of("no", "yes"), scaling(random, 4),
                        columns));
    }

    /** The same model with one weight replaced. */
    static Model withWeight(Model model, int layer, int index, double value) {
        List<DenseLayer> layers = new ArrayList<>(model.layers());
        DenseLayer l = layers.get(layer);
        Matrix w = l.weights().copy();
        w.data()[index] = value;
        layers.set(layer, new DenseLayer(w, l.bias(), l.activation()));
        return new Model(layers, model.loss(), model.schema(), model.provenance());
    }

    private static Model model(Random random, List<Integer> units, List<String> activations, String loss, DataSchema schema) {
        List<DenseLayer> layers = new ArrayList<>();
        int inputs = schema.featureNames().size();
        for (int l = 0; l < units.size(); l++) {
            layers.add(new DenseLayer(matrix(random, units.get(l), inputs), matrix(random, units.get(l), 1), activations.get(l)));
            inputs = units.get(l);
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("platform", "dev.dendrite 0.1.0");
        provenance.put("seed", Long.toString(random.nextLong()));
        provenance.put("activation relu", "dev.dendrite.activations 0.1.0");
        return new Model(layers, loss, schema, provenance);
    }

    private static Matrix matrix(Random random, int rows, int cols) {
        double[] data = new double[rows * cols];
        double[] awkward = {-0.0, Double.MIN_VALUE, 1e-300, -Double.MAX_VALUE, 0.1, 1.0 / 3};
        for (int i = 0; i < data.length; i++) {
            data[i] = i < awkward.length && random.nextBoolean() ? awkward[i] : random.nextGaussian() * Math.exp(random.nextGaussian() * 5);
        }
        return Matrix.wrap(rows, cols, data);
    }

    private static FeatureScaling scaling(Random random, int n) {
        double[] offset = new double[n];
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            offset[i] = random.nextGaussian();
            scale[i] = 0.5 + random.nextDouble();
        }
        return new FeatureScaling(offset, scale);
    }

    /** Whether two models are the same bit for bit. */
    static boolean identical(Model a, Model b) {
        if (a.layers().size() != b.layers().size()) {
            return false;
        }
        for (int l = 0; l < a.layers().size(); l++) {
            DenseLayer x = a.layers().get(l);
            DenseLayer y = b.layers().get(l);
            if (!x.activation().equals(y.activation()) || !sameBits(x.weights(), y.weights()) || !sameBits(x.bias(), y.bias())) {
                return false;
            }
        }
        DataSchema s = a.schema();
        DataSchema t = b.schema();
        return a.loss().equals(b.loss()) && a.provenance().equals(b.provenance())
                && List.copyOf(a.provenance().keySet()).equals(List.copyOf(b.provenance().keySet()))
                && s.featureNames().equals(t.featureNames()) && java.util.Objects.equals(s.target(), t.target())
                && s.task() == t.task() && s.classes().equals(t.classes())
                && Arrays.equals(s.scaling().offset(), t.scaling().offset()) && Arrays.equals(s.scaling().scale(), t.scaling().scale());
    }

    private static boolean sameBits(Matrix a, Matrix b) {
        return a.rows() == b.rows() && a.cols() == b.cols() && Arrays.equals(a.data(), b.data());
    }
}
