package dev.dendrite.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.DenseLayer;
import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.Metrics;
import dev.dendrite.api.nn.Model;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingInterruptedException;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.nn.TrainingSpec;
import dev.dendrite.models.ModelStore;
import dev.dendrite.models.store.FileModelStore;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ml:train's option handling, called the way Gogo calls it: every {@code @Parameter} gets its
 * absent value unless the test gives one.
 */
class TrainCommandTest {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    private ModelStore store;
    private TrainingSpec received;
    private boolean interrupt;

    private final Trainer trainer = new Trainer() {
        @Override
        public TrainingResult train(TrainingSpec spec, DataSplit data, TrainingListener listener) {
            received = spec;
            Model model = new Model(List.of(new DenseLayer(new Matrix(1, 2), new Matrix(1, 1), "sigmoid")),
                    "binary_crossentropy", data.schema(), Map.of());
            Metrics m = new Metrics(0.5, Map.of("accuracy", 0.75), new int[][] {{1, 1}, {0, 2}});
            TrainingResult result = new TrainingResult(model, List.of(new EpochReport(1, 1, 0.1, m, null, "accuracy", 3)), 1,
                    List.of("activation tanh: test 1.0"), m, null, "completed");
            if (interrupt) {
                throw new TrainingInterruptedException("the activation 'swish' of bundle swish 1.0.0 [9] went away during epoch 2; "
                        + "the model of epoch 1 is kept", result);
            }
            return result;
        }

        @Override
        public Matrix predict(Model model, Matrix x) {
            throw new AssertionError("not used");
        }

        @Override
        public Metrics evaluate(Model model, DataSet data) {
            throw new AssertionError("not used");
        }
    };

    private final XorData data = new XorData(false);

    private String run(String dataset, String... options) throws Throwable {
        return Gogo.call(new TrainCommand(trainer, data, store, defaults(Map.of())), "train", dataset, options);
    }

    @org.junit.jupiter.api.BeforeEach
    void store() {
        store = new FileModelStore(dir.resolve("models"));
    }

    @Test
    void anInterruptedRunStillSavesTheLastCompletedEpochAndFails() {
        interrupt = true;
        TrainingInterruptedException e = assertThrows(TrainingInterruptedException.class, () -> run("xor", "--save", "partial"));
        assertTrue(e.getMessage().contains("went away during epoch 2"), e.getMessage());
        assertEquals(List.of("partial"), store.list().stream().map(i -> i.name()).toList());
    }

    @Test
    void saveWritesTheModel() throws Throwable {
        String out = run("xor", "--save", "xor-model");
        assertTrue(out.contains("saved model xor-model: "), out);
        assertEquals(List.of("xor-model"), store.list().stream().map(i -> i.name()).toList());
        assertEquals("sigmoid", store.load("xor-model").layers().get(0).activation());
    }

    /** The configuration DS would pass: the annotation's defaults, overridden by {@code values}. */
    static TrainCommand.Defaults defaults(Map<String, String> values) {
        return (TrainCommand.Defaults) java.lang.reflect.Proxy.newProxyInstance(TrainCommand.Defaults.class.getClassLoader(),
                new Class<?>[] {TrainCommand.Defaults.class},
                (proxy, method, args) -> values.getOrDefault(method.getName(), (String) method.getDefaultValue()));
    }

    @Test
    void configuredDefaultsApplyWhenAnOptionIsNotGiven() throws Throwable {
        TrainCommand command = new TrainCommand(trainer, data, store, defaults(Map.of()));
        command.configure(defaults(Map.of("optimizer", "adam", "layers", "8,4", "epochs", "7")));
        Gogo.call(command, "train", "xor", "--optimizer", "sgd");
        assertEquals("sgd", received.optimizer(), "a given option wins");
        assertEquals(List.of(8, 4), received.hiddenLayers());
        assertEquals(7, received.epochs());
        assertEquals("tanh", received.activation());
    }

    @Test
    void defaultsAreSensible() throws Throwable {
        String out = run("xor");
        assertEquals(List.of(16), received.hiddenLayers());
        assertEquals("tanh", received.activation());
        assertEquals("sgd", received.optimizer());
        assertEquals(null, received.outputActivation());
        assertEquals(32, received.batchSize());
        assertEquals(0.2, data.lastOptions.validationFraction());
        assertTrue(out.contains("training   loss 0.5000  accuracy 0.7500"), out);
        assertTrue(out.contains("confusion matrix (validation)") == false, "no validation split, no matrix: " + out);
        assertEquals(0.0, received.l2());
        assertEquals(0, received.patience());
        assertEquals("constant", received.schedule().kind());
    }

    @Test
    void optionsReachTheSpec() throws Throwable {
        run("iris.csv", "--layers", "64,32", "--activation", "relu", "--lr", "0.05", "--batch", "all",
                "--epochs", "7", "--seed", "9", "--val", "0.3", "--target", "species", "--optimizer", "adam");
        assertEquals(List.of(64, 32), received.hiddenLayers());
        assertEquals("relu", received.activation());
        assertEquals(0.05, received.hyperparameters().get("lr"));
        assertEquals(0, received.batchSize(), "all = the whole training set");
        assertEquals(7, received.epochs());
        assertEquals(9, received.seed());
        assertEquals("species", data.lastOptions.target());
        assertEquals(0.3, data.lastOptions.validationFraction());
        assertEquals(9, data.lastOptions.seed());
    }

    @Test
    void regularizationScheduleEarlyStoppingAndHyperparametersReachTheSpec() throws Throwable {
        run("xor", "--l2", "0.01", "--dropout", "0.2", "--schedule", "step:0.5:10", "--patience", "5",
                "--monitor", "val_accuracy", "--init", "he", "--optimizer", "momentum", "--hp", "momentum=0.8,nesterov=1",
                "--task", "classification", "--scaling", "minmax");
        assertEquals(0.01, received.l2());
        assertEquals(0.2, received.dropout());
        assertEquals("step", received.schedule().kind());
        assertEquals(5, received.patience());
        assertEquals("val_accuracy", received.monitor());
        assertEquals("he", received.initializer());
        assertEquals(Map.of("momentum", 0.8, "nesterov", 1.0), received.hyperparameters());
        assertEquals(Task.CLASSIFICATION, data.lastOptions.task());
        assertEquals("minmax", data.lastOptions.scaling());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--layers|16,0|--layers: layer width must be positive, got 0",
        "--layers|16,x|--layers: 'x' is not an integer",
        "--lr|0|--lr: learning rate must be positive, got 0",
        "--lr|-0.1|--lr: learning rate must be positive, got -0.1",
        "--lr|fast|--lr: 'fast' is not a number",
        "--batch|0|--batch must be a positive integer or 'all', got 0",
        "--batch|-5|--batch must be a positive integer or 'all', got -5",
        "--epochs|0|--epochs must be positive, got 0",
        "--val|1.5|--val must be in [0, 1), got 1.5",
        "--iterations|-1|--iterations must be positive, got -1",
        "--dropout|1|dropout must be in [0, 1), got 1.0",
        "--l2|-1|L2 strength λ must be >= 0, got -1.0",
        "--schedule|cosine|unknown learning-rate schedule 'cosine' (use constant, step:FACTOR:EVERY or exponential:FACTOR)",
        "--hp|momentum|--hp: expected name=value, got 'momentum'",
        "--task|clustering|--task must be classification or regression, got clustering",
        "--scaling|zscore|unknown scaling 'zscore' (available: standard, minmax, none)"})
    void badOptionsAreNamedInOneLine(String option, String value, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run("xor", option, value));
        assertEquals(message, e.getMessage());
        assertEquals(null, received, "nothing was trained");
    }
}
