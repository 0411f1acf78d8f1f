package dev.dendrite.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataSchema;
import dev.dendrite.api.data.DataService;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.DenseLayer;
import dev.dendrite.api.nn.Metrics;
import dev.dendrite.api.nn.Model;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.models.ModelStore;
import dev.dendrite.models.store.FileModelStore;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ml:models, ml:eval and ml:predict with a real model store in a temporary folder and stub trainer
 * and data services, called the way Gogo calls them.
 */
class ModelCommandsTest {
    @TempDir
    Path dir;

    private ModelStore store;
    private ModelCommands commands;

    private Matrix output;
    private Metrics metrics;
    private Model evaluated;
    private Model predicted;
    private Matrix predictedInputs;
    private DataSchema schemaGiven;
    private long seedGiven;
    private DataSet evalData;

    private final Trainer trainer = new Trainer() {
        @Override
        public TrainingResult train(TrainingRequest spec, DataSplit data, TrainingListener listener, Model start) {
            throw new AssertionError("not used");
        }

        @Override
        public Matrix predict(Model model, Matrix x) {
            predicted = model;
            predictedInputs = x;
            return output;
        }

        @Override
        public Metrics evaluate(Model model, DataSet data) {
            evaluated = model;
            assertEquals(evalData, data);
            return metrics;
        }
    };

    private final Matrix features = Matrix.of(new double[] {1, 2, 3}, new double[] {4, 5, 6});

    private final DataService data = new DataService() {
        @Override
        public DataSplit load(String source, DataOptions options) {
            throw new AssertionError("not used");
        }

        @Override
        public DataSet load(String source, DataSchema schema, long seed) {
            schemaGiven = schema;
            seedGiven = seed;
            evalData = new DataSet(source, schema.featureNames(), features, new double[3], schema.task(), schema.classes());
            return evalData;
        }

        @Override
        public Matrix features(String source, DataSchema schema) {
            schemaGiven = schema;
            return features;
        }
    };

    @BeforeEach
    void setUp() {
        store = new FileModelStore(dir.resolve("models"));
        commands = new ModelCommands(store, trainer, data);
    }

    private static Model model(Task task, int outputs, List<String> classes) {
        DataSchema schema = new DataSchema(List.of("a", "b"), "y", task, classes,
                new FeatureScaling(new double[] {0.5, -1}, new double[] {2, 0.25}));
        Matrix w1 = Matrix.of(new double[] {0.1, -0.2}, new double[] {0.3, 0.4}, new double[] {-0.5, 0.6});
        Matrix w2 = new Matrix(outputs, 3);
        for (int i = 0; i < w2.data().length; i++) {
            w2.data()[i] = 0.01 * (i + 1);
        }
        return new Model(List.of(new DenseLayer(w1, new Matrix(3, 1), "relu"),
                new DenseLayer(w2, new Matrix(outputs, 1), outputs == 1 && task == Task.CLASSIFICATION ? "sigmoid" : "softmax")),
                task == Task.REGRESSION ? "mse" : "categorical_crossentropy", schema, Map.of("seed", "7"));
    }

    /** Invokes a command like Gogo: each {@code @Parameter} gets its value from {@code options} or its absent value. */
    private String run(String command, Map<String, String> options, String... positional) throws Throwable {
        return Gogo.call(commands, command, options, positional);
    }

    @Test
    void everyCommandAndParameterIsDescribed() {
        for (String name : List.of("models", "eval", "predict")) {
            Method m = Stream.of(ModelCommands.class.getMethods()).filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
            assertNotNull(m.getAnnotation(Descriptor.class), name);
            for (java.lang.reflect.Parameter p : m.getParameters()) {
                assertNotNull(p.getAnnotation(Descriptor.class), name + " " + p.getName());
            }
        }
    }

    @Test
    void modelsListsTheSavedModelsOrSaysThereAreNone() throws Throwable {
        assertEquals("(no models in " + dir.resolve("models") + ")", run("models", Map.of()));
        store.save("iris", model(Task.CLASSIFICATION, 3, List.of("setosa", "versicolor", "virginica")));
        store.save("houses", model(Task.REGRESSION, 1, List.of()));
        Files.writeString(dir.resolve("models/broken.model.json"), "{");
        String[] lines = run("models", Map.of()).split("\n");
        assertEquals("models in " + dir.resolve("models"), lines[0]);
        assertTrue(lines[1].matches("name +task +layers +created +size"), lines[1]);
        assertTrue(lines[2].matches("broken +- +- +- +1 B"), lines[2]);
        long size = Files.size(dir.resolve("models/houses.model.json"));
        assertTrue(size < 1000, "a small model: its size is shown in bytes");
        assertTrue(lines[3].matches("houses +regression +2-3-1 +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ +" + size + " B"), lines[3]);
        assertTrue(lines[4].matches("iris +classification +2-3-3 +\\S+Z +\\d+ B"), lines[4]);
        assertTrue(lines[5].startsWith("cannot read broken: model file " + dir.resolve("models/broken.model.json") + ": line 1, column 2:"), lines[5]);
        assertEquals(6, lines.length);
    }

    @Test
    void evalPrintsTheLossMetricsAndConfusionMatrixOfTheSavedModel() throws Throwable {
        Model saved = model(Task.CLASSIFICATION, 3, List.of("setosa", "versicolor", "virginica"));
        store.save("iris", saved);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("accuracy", 29 / 30.0);
        values.put("precision", 0.97);
        values.put("recall", 0.9666666);
        values.put("f1", 0.96658);
        metrics = new Metrics(0.123449, values, new int[][] {{10, 0, 0}, {0, 9, 1}, {0, 0, 10}});
        String out = run("eval", Map.of("--seed", "7"), "iris", "iris.csv");
        assertEquals(String.join("\n",
                "model iris on iris.csv: 3 samples",
                "loss 0.1234",
                "accuracy 0.9667",
                "precision 0.9700",
                "recall 0.9667",
                "f1 0.9666",
                "confusion matrix:",
                "true \\ predicted  setosa  versicolor  virginica",
                "setosa            10      0           0",
                "versicolor        0       9           1",
                "virginica         0       0           10"), out);
        assertEquals(7, seedGiven);
        assertEquals(saved.schema().featureNames(), schemaGiven.featureNames());
        assertArrayEquals(saved.schema().scaling().scale(), schemaGiven.scaling().scale());
        assertArrayEquals(saved.layers().get(1).weights().data(), evaluated.layers().get(1).weights().data());
    }

    @Test
    void evalOfARegressionModelPrintsItsErrorsWithoutAConfusionMatrix() throws Throwable {
        store.save("houses", model(Task.REGRESSION, 1, List.of()));
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("mse", 0.0041);
        values.put("mae", 0.05);
        values.put("r2", 0.81234);
        metrics = new Metrics(0.0041, values, null);
        assertEquals("model houses on h.csv: 3 samples\nloss 0.0041\nmse 0.0041\nmae 0.0500\nr2 0.8123",
                run("eval", Map.of(), "houses", "h.csv"));
        assertEquals(42, seedGiven, "the default seed");
    }

    @Test
    void evalRefusesUnknownModelsAndBadSeeds() {
        assertEquals("no model named nope in " + dir.resolve("models") + " (saved: none)",
                assertThrows(IllegalArgumentException.class, () -> run("eval", Map.of(), "nope", "x.csv")).getMessage());
        store.save("m", model(Task.REGRESSION, 1, List.of()));
        assertEquals("--seed: 'x' is not an integer",
                assertThrows(IllegalArgumentException.class, () -> run("eval", Map.of("--seed", "x"), "m", "x.csv")).getMessage());
    }

    @Test
    void predictGivesTheLabelOfTheLargestOutput() throws Throwable {
        store.save("iris", model(Task.CLASSIFICATION, 3, List.of("setosa", "versicolor", "virginica")));
        output = Matrix.of(new double[] {0.7, 0.1, 0.2}, new double[] {0.2, 0.3, 0.2}, new double[] {0.1, 0.6, 0.6});
        assertEquals("setosa\nvirginica\nvirginica", run("predict", Map.of(), "iris", "new.csv"));
        assertEquals(List.of("a", "b"), schemaGiven.featureNames());
        assertTrue(features == predictedInputs, "the data service's scaled features go to the trainer");
        assertEquals("relu", predicted.layers().get(0).activation());
    }

    @Test
    void predictThresholdsASingleSigmoidOutputAtOneHalf() throws Throwable {
        store.save("spam", model(Task.CLASSIFICATION, 1, List.of("ham", "spam")));
        output = Matrix.of(new double[] {0.5, 0.4999, 0.93});
        assertEquals("spam\nham\nspam", run("predict", Map.of(), "spam", "mail.csv"));
    }

    @Test
    void predictPrintsRegressionValuesExactly() throws Throwable {
        store.save("houses", model(Task.REGRESSION, 1, List.of()));
        output = Matrix.of(new double[] {151.25, -0.1, 1.0 / 3});
        assertEquals("151.25\n-0.1\n" + (1.0 / 3), run("predict", Map.of(), "houses", "h.csv"));
    }

    @Test
    void predictWritesAFileWithAHeaderReplacingAnOldOne() throws Throwable {
        store.save("m", model(Task.CLASSIFICATION, 3, List.of("a, b", "say \"hi\"", "c")));
        output = Matrix.of(new double[] {0.9, 0.0, 0.1}, new double[] {0.05, 0.9, 0.1}, new double[] {0.05, 0.1, 0.8});
        Path file = dir.resolve("out/predictions.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "old content\n");
        assertEquals("wrote 3 predictions to " + file, run("predict", Map.of("--out", file.toString()), "m", "in.csv"));
        assertEquals(List.of("prediction", "\"a, b\"", "\"say \"\"hi\"\"\"", "c"), Files.readAllLines(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void predictLoadsAModelFileByPath() throws Throwable {
        Path file = store.save("houses", model(Task.REGRESSION, 1, List.of()));
        Path elsewhere = Files.move(file, dir.resolve("copy.model.json"));
        output = Matrix.of(new double[] {2.5, 3.5, 4.5});
        assertEquals("2.5\n3.5\n4.5", run("predict", Map.of(), elsewhere.toString(), "h.csv"));
    }

    @Test
    void predictRefusesSeveralRegressionOutputs() {
        store.save("two", model(Task.REGRESSION, 2, List.of()));
        output = new Matrix(2, 3);
        assertEquals("model two has 2 regression outputs; ml:predict handles one",
                assertThrows(IllegalArgumentException.class, () -> run("predict", Map.of(), "two", "h.csv")).getMessage());
    }
}
