package dev.dendrite.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.math.Precision;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.FloatActivation;
import dev.dendrite.api.nn.FloatUpdater;
import dev.dendrite.api.nn.Metrics;
import dev.dendrite.api.nn.Model;
import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.nn.Updater;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * float32 runs: the same data, seed and network reach the accuracy of float64; a plug-in written
 * only for double serves a float32 run unchanged; a model remembers its precision and is evaluated
 * at it.
 */
class PrecisionTest {
    /** How far float32's held-out accuracy may fall from float64's (one or two samples of the smaller sets). */
    private static final double TOLERANCE = 0.02;

    private final NetworkTrainer trainer = new NetworkTrainer(new LocalPlugins());

    @ParameterizedTest
    @CsvSource({
            "xor,    16,    tanh, sgd,  0.5,   40, 0.95",
            "moons,  16,    tanh, sgd,  0.5,   40, 0.95",
            "iris,   16,    tanh, adam, 0.01,  60, 0.90",
            "digits, 64,    relu, sgd,  0.05,  15, 0.90"})
    void float32ReachesTheAccuracyOfFloat64(String data, int width, String activation, String optimizer, double lr, int epochs,
                                            double floor) throws IOException {
        DataSplit split = data(data);
        TrainingRequest spec = TrainingRequest.builder().hiddenLayers(List.of(width)).activation(activation).optimizer(optimizer)
                .learningRate(lr).epochs(epochs).batchSize(32).build();
        double float64 = accuracy(trainer.train(spec, split, TrainingListener.NONE));
        double float32 = accuracy(trainer.train(spec.toBuilder().precision(Precision.FLOAT32).build(), split, TrainingListener.NONE));
        assertTrue(float64 >= floor, data + ": float64 accuracy " + float64 + " below " + floor);
        assertEquals(float64, float32, TOLERANCE, data + ": float32 accuracy against float64's");
    }

    /** An activation and an optimizer written for double only (as plug-ins of API 1.1 are) train a float32 run, through adapters. */
    @Test
    void pluginsWrittenForDoubleServeAFloat32Run() throws IOException {
        LocalPlugins builtIn = new LocalPlugins();
        Activation tanh = builtIn.resolve(Activation.class, "tanh").service();
        Optimizer adam = builtIn.resolve(Optimizer.class, "adam").service();
        Activation doubleTanh = new Activation() {
            @Override
            public void forward(Matrix z, Matrix a) {
                tanh.forward(z, a);
            }

            @Override
            public void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) {
                tanh.backward(z, a, dA, dZ);
            }
        };
        Optimizer doubleAdam = new Optimizer() {
            @Override
            public Map<String, Double> defaults() {
                return adam.defaults();
            }

            @Override
            public Updater newUpdater(Map<String, Double> hyperparameters) {
                Updater updater = adam.newUpdater(hyperparameters);
                return new Updater() {
                    @Override
                    public void update(Matrix[] params, Matrix[] grads, double learningRate) {
                        updater.update(params, grads, learningRate);
                    }
                };
            }
        };
        assertTrue(tanh instanceof FloatActivation && adam.newUpdater(adam.defaults()) instanceof FloatUpdater, "built-ins have float paths");
        PluginResolver withLegacy = new PluginResolver() {
            @Override
            public <T> Plugin<T> resolve(Class<T> kind, String name) {
                Object legacy = "tanh_double".equals(name) ? doubleTanh : "adam_double".equals(name) ? doubleAdam : null;
                return legacy != null ? Plugin.of(name, kind.cast(legacy)) : builtIn.resolve(kind, name);
            }
        };
        DataSplit iris = data("iris");
        TrainingRequest spec = TrainingRequest.builder().hiddenLayers(List.of(16)).learningRate(0.01).epochs(40)
                .precision(Precision.FLOAT32).build();
        TrainingResult floatPaths = trainer.train(spec.toBuilder().activation("tanh").optimizer("adam").build(), iris, TrainingListener.NONE);
        TrainingResult adapted = new NetworkTrainer(withLegacy)
                .train(spec.toBuilder().activation("tanh_double").optimizer("adam_double").build(), iris, TrainingListener.NONE);
        assertEquals(accuracy(floatPaths), accuracy(adapted), TOLERANCE);
        assertEquals(floatPaths.validation().cost(), adapted.validation().cost(), 1e-3, "the same maths, rounded at other places");
    }

    /** The model's provenance records float32; evaluating and predicting with it compute at float32, as training did. */
    @Test
    void aFloat32ModelIsEvaluatedAtFloat32() throws IOException {
        DataSplit moons = data("moons");
        TrainingRequest spec = TrainingRequest.builder().hiddenLayers(List.of(16)).learningRate(0.5).epochs(20)
                .precision(Precision.FLOAT32).build();
        TrainingResult result = trainer.train(spec, moons, TrainingListener.NONE);
        Model model = result.model();
        assertEquals("float32", model.provenance().get("precision"));
        assertEquals(Precision.FLOAT32, NetworkTrainer.precision(model));
        Metrics evaluated = trainer.evaluate(model, moons.validation());
        assertEquals(result.validation().cost(), evaluated.cost(), 0.0, "the same float32 computation as the run's own evaluation");
        assertEquals(result.validation().values().get("accuracy"), evaluated.values().get("accuracy"));

        Matrix predicted = trainer.predict(model, moons.validation().x());
        Map<String, String> asFloat64 = new LinkedHashMap<>(model.provenance());
        asFloat64.remove("precision");
        Matrix inDouble = trainer.predict(new Model(model.layers(), model.loss(), model.schema(), asFloat64), moons.validation().x());
        double largest = 0;
        for (int i = 0; i < predicted.data().length; i++) {
            largest = Math.max(largest, Math.abs(predicted.data()[i] - inDouble.data()[i]));
        }
        assertTrue(largest > 0 && largest < 1e-5, "float32 predictions differ from float64's by rounding only: " + largest);
        assertEquals(Precision.FLOAT64, NetworkTrainer.precision(new Model(model.layers(), model.loss(), model.schema(), asFloat64)),
                "a model without a recorded precision (every model saved before) is float64");
    }

    /**
     * Values that overflow a float (3.4e38) but not a double (linear layers after a step of 1e36): the
     * run diverged, it is not blamed on a plug-in, although every value the failing step read was
     * far below the 1e100 under which a double run blames the plug-in.
     */
    @Test
    void aFloat32RunWhoseValuesOverflowFloatsHasDiverged() throws IOException {
        TrainingRequest spec = TrainingRequest.builder().hiddenLayers(List.of(16, 16)).activation("linear").learningRate(1e36).epochs(3)
                .precision(Precision.FLOAT32).build();
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> trainer.train(spec, data("moons"), TrainingListener.NONE));
        org.junit.jupiter.api.Assertions.assertInstanceOf(TrainingRun.DivergedException.class, e, e.getMessage());
        assertTrue(e.getMessage().startsWith("training diverged at epoch 1, iteration 2 (cost "), e.getMessage());
    }

    private static double accuracy(TrainingResult result) {
        return result.validation().values().get("accuracy");
    }

    /** xor and moons (the built-ins, 20 % held out), iris (../shared/data) or synthetic 8×8 digits. */
    static DataSplit data(String name) throws IOException {
        return switch (name) {
            case "iris" -> DivergenceTest.split(iris(), 0.2);
            case "digits" -> DivergenceTest.split(digits(2000, 5), 0.2);
            default -> DivergenceTest.builtIn(name, 0.2);
        };
    }

    /** Fisher's iris from the repository's shared data: 150 flowers, 4 measurements, 3 species. */
    static DataSet iris() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../../../../shared/data/iris.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int m = lines.size() - 1;
        Matrix x = new Matrix(4, m);
        double[] t = new double[m];
        Map<String, Integer> species = new HashMap<>();
        for (int j = 0; j < m; j++) {
            String[] cells = lines.get(j + 1).split(",");
            for (int r = 0; r < 4; r++) {
                x.set(r, j, Double.parseDouble(cells[r]));
            }
            t[j] = species.computeIfAbsent(cells[4], s -> species.size());
        }
        List<String> classes = new ArrayList<>(species.keySet());
        classes.sort((a, b) -> species.get(a) - species.get(b));
        return new DataSet("iris", header.subList(0, 4), x, t, Task.CLASSIFICATION, classes);
    }

    /**
     * Digits-like data: 10 classes, each a random 8×8 prototype of pixel intensities in [0, 16] (the
     * range of scikit-learn's digits), samples are their prototype with Gaussian noise of deviation 4.
     */
    static DataSet digits(int m, long seed) {
        Random random = new Random(seed);
        double[][] prototypes = new double[10][64];
        for (double[] p : prototypes) {
            for (int i = 0; i < 64; i++) {
                p[i] = random.nextDouble() < 0.4 ? 16 * random.nextDouble() : 0;
            }
        }
        Matrix x = new Matrix(64, m);
        double[] t = new double[m];
        for (int j = 0; j < m; j++) {
            int digit = random.nextInt(10);
            t[j] = digit;
            for (int i = 0; i < 64; i++) {
                x.set(i, j, Math.max(0, Math.min(16, prototypes[digit][i] + 4 * random.nextGaussian())));
            }
        }
        List<String> pixels = java.util.stream.IntStream.range(0, 64).mapToObj(i -> "p" + i).toList();
        return new DataSet("digits", pixels, x, t, Task.CLASSIFICATION, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    }
}
