package dev.dendrite.shell;

import dev.dendrite.nn.runs.RunRegistry;
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
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.options.CommandException;
import dev.dendrite.models.ModelStore;
import dev.dendrite.models.store.FileModelStore;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ml:train's command line: options reach the request, bad ones are refused in one line before anything is trained. */
class TrainCommandTest {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    private ModelStore store;
    private TrainingRequest received;
    private boolean interrupt;
    private String refusal;

    private static final Metrics METRICS = new Metrics(0.5, Map.of("accuracy", 0.75), new int[][] {{1, 1}, {0, 2}});

    private final Trainer trainer = new Trainer() {
        @Override
        public TrainingResult train(TrainingRequest spec, DataSplit data, TrainingListener listener, Model start) {
            received = spec;
            if (refusal != null) {
                throw new IllegalArgumentException(refusal);
            }
            Model model = new Model(List.of(new DenseLayer(new Matrix(1, 2), new Matrix(1, 1), "sigmoid")),
                    "binary_crossentropy", data.schema(), Map.of());
            TrainingResult result = new TrainingResult(model, List.of(new EpochReport(1, 1, 0.1, METRICS, null, "accuracy", 3)), 1,
                    List.of("activation tanh: test 1.0"), METRICS, null, "completed");
            listener.epoch(result.history().get(0));
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
            return METRICS;
        }
    };

    private final XorData data = new XorData(false);

    private String run(String dataset, String... options) {
        String[] words = java.util.stream.Stream.concat(java.util.Arrays.stream(options), java.util.stream.Stream.of(dataset))
                .toArray(String[]::new);
        return (String) new TrainCommand(trainer, data, store, new RunRegistry(), defaults(Map.of())).train(words);
    }

    @org.junit.jupiter.api.BeforeEach
    void store() {
        store = new FileModelStore(dir.resolve("models"));
    }

    @Test
    void anInterruptedRunStillSavesTheLastCompletedEpochAndFailsInOneLine() {
        interrupt = true;
        CommandException e = assertThrows(CommandException.class, () -> run("xor", "--save", "partial"));
        assertTrue(e.getMessage().startsWith("the activation 'swish' of bundle swish 1.0.0 [9] went away during epoch 2; "
                + "the model of epoch 1 is kept as partial: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("partial.model.json"), e.getMessage());
        assertEquals(List.of("partial"), store.list().stream().map(i -> i.name()).toList());
    }

    @Test
    void saveWritesTheModel() {
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
    void configuredDefaultsApplyWhenAnOptionIsNotGiven() {
        TrainCommand command = new TrainCommand(trainer, data, store, new RunRegistry(), defaults(Map.of()));
        command.configure(defaults(Map.of("optimizer", "adam", "layers", "8,4", "epochs", "7")));
        command.train("--optimizer", "sgd", "xor");
        assertEquals("sgd", received.optimizer(), "a given option wins");
        assertEquals(List.of(8, 4), received.hiddenLayers());
        assertEquals(7, received.epochs());
        assertEquals("tanh", received.activation());
    }

    @Test
    void defaultsAreSensible() {
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
        assertTrue(received.learningRate().isEmpty(), "the optimizer's own rate");
    }

    @Test
    void aBadConfiguredDefaultIsReportedWhenTheCommandRunsNamingTheFile() {
        TrainCommand command = new TrainCommand(trainer, data, store, new RunRegistry(), defaults(Map.of("epochs", "0")));
        CommandException e = assertThrows(CommandException.class, () -> command.train("xor"));
        assertEquals("configuration dev.dendrite.train (etc/dev.dendrite.train.cfg): --epochs: the number of epochs must be a"
                + " positive integer, got 0", e.getMessage());
    }

    @Test
    void helpListsEveryOptionWithItsCurrentDefault() {
        TrainCommand command = new TrainCommand(trainer, data, store, new RunRegistry(), defaults(Map.of("optimizer", "adam", "layers", "8,4")));
        String help = (String) command.train("--help");
        assertTrue(help.startsWith("ml:train - trains a network"), help);
        assertTrue(help.contains("usage: ml:train [options] DATASET"), help);
        for (String option : List.of("--layers", "--activation", "--output", "--loss", "--optimizer", "--lr", "--hp", "--batch",
                "--epochs", "--iterations", "--init", "--l2", "--dropout", "--schedule", "--patience", "--monitor", "--seed",
                "--backend", "--val", "--target", "--task", "--scaling", "--test", "--save", "--curve", "--history")) {
            assertTrue(help.contains("\n  " + option + " "), option + " in\n" + help);
        }
        assertTrue(help.contains("(default adam)"), help);
        assertTrue(help.contains("(default 8,4)"), help);
        assertTrue(help.contains("(default 0.2)"), help);
        assertEquals(null, received, "nothing was trained");
    }

    @Test
    void anUnknownOptionIsNamedWithTheNearestOne() {
        assertEquals("ml:train has no option --bogus (ml:train --help)",
                assertThrows(CommandException.class, () -> run("xor", "--bogus", "3")).getMessage());
        assertEquals("ml:train has no option --epoch; did you mean --epochs? (ml:train --help)",
                assertThrows(CommandException.class, () -> run("xor", "--epoch", "3")).getMessage());
        assertEquals("error: ml:train: --lr is given twice",
                assertThrows(CommandException.class, () -> run("xor", "--lr", "0.1", "--lr", "0.2")).toString());
        assertEquals(null, received);
    }

    @Test
    void optionsReachTheRequest() {
        run("iris.csv", "--layers", "64,32", "--activation", "relu", "--lr", "0.05", "--batch", "all",
                "--epochs", "7", "--seed", "9", "--val", "0.3", "--target", "species", "--optimizer", "adam");
        assertEquals(List.of(64, 32), received.hiddenLayers());
        assertEquals("relu", received.activation());
        assertEquals(0.05, received.learningRate().getAsDouble());
        assertEquals(0, received.batchSize(), "all = the whole training set");
        assertEquals(7, received.epochs());
        assertEquals(9, received.seed());
        assertEquals("species", data.lastOptions.target());
        assertEquals(0.3, data.lastOptions.validationFraction());
        assertEquals(9, data.lastOptions.seed());
    }

    @Test
    void regularizationScheduleEarlyStoppingAndHyperparametersReachTheRequest() {
        run("xor", "--l2", "0.01", "--dropout", "0.2", "--schedule", "step:0.5:10", "--patience", "5",
                "--monitor", "val_accuracy", "--init", "he", "--optimizer", "momentum", "--hp", "momentum=0.8,nesterov=1",
                "--task", "classification", "--scaling", "minmax");
        assertEquals(0.01, received.l2());
        assertEquals(0.2, received.dropout());
        assertEquals("step", received.schedule().kind());
        assertEquals(5, received.patience());
        assertEquals("val_accuracy", received.monitor());
        assertEquals("he", received.initializer());
        assertEquals(Map.of("momentum", 0.8, "nesterov", 1.0), received.optimizerHyperparameters());
        assertEquals(Task.CLASSIFICATION, data.lastOptions.task());
        assertEquals("minmax", data.lastOptions.scaling());
    }

    /** Each value once silently replaced by a default, and each malformed one, is refused naming the option. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--layers|16,0|--layers: a layer width must be a positive integer, got 0",
        "--layers|''|--layers: needs a value, got ''",
        "--layers|16,x|--layers: 'x' is not an integer",
        "--lr|0|--lr: the learning rate must be a positive number, got 0.0",
        "--lr|-0.1|--lr: the learning rate must be a positive number, got -0.1",
        "--lr|fast|--lr: 'fast' is not a number",
        "--lr|NaN|--lr: 'NaN' is not a finite number",
        "--hp|lr=0.5|--hp: the learning rate is not an optimizer hyperparameter: set it as the learning rate (--lr)",
        "--batch|0|--batch: the batch size must be a positive integer, got 0",
        "--batch|-5|--batch: the batch size must be a positive integer, got -5",
        "--epochs|0|--epochs: the number of epochs must be a positive integer, got 0",
        "--iterations|0|--iterations: the number of iterations must be a positive integer, got 0",
        "--iterations|-1|--iterations: the number of iterations must be a positive integer, got -1",
        "--val|1.5|--val: validation fraction must be in [0, 1), got 1.5",
        "--dropout|1|--dropout: the dropout probability must be in [0, 1), got 1.0",
        "--l2|-1|--l2: the L2 strength λ must be a number >= 0, got -1.0",
        "--schedule|cosine|--schedule: unknown learning-rate schedule 'cosine' (use constant, step:FACTOR:EVERY or exponential:FACTOR)",
        "--hp|momentum|--hp: expected name=value, got 'momentum'",
        "--task|clustering|--task: must be classification or regression, got 'clustering'",
        "--scaling|zscore|--scaling: unknown scaling 'zscore' (available: standard, minmax, none)",
        "--save|''|--save: invalid model name '': use letters, digits, '.', '_' and '-' only, starting with a letter or digit, at most 200 characters",
        "--curve|plot.png|--curve: 'plot.png' must name an .svg file",
        "--history|h.txt|--history: 'h.txt' must end in .csv or .jsonl"})
    void badOptionsAreNamedInOneLine(String option, String value, String message) {
        String given = value.equals("''") ? "" : value;
        CommandException e = assertThrows(CommandException.class, () -> run("xor", option, given));
        assertEquals(message, e.getMessage());
        assertEquals(null, received, "nothing was trained");
        assertEquals(null, data.lastOptions, "nothing was loaded");
    }

    @Test
    void aMissingTestFileIsRefusedBeforeTraining() {
        assertEquals("--test: no such file: nope.csv",
                assertThrows(CommandException.class, () -> run("xor", "--test", "nope.csv")).getMessage());
        assertEquals(null, received, "nothing was trained");
    }

    @Test
    void theTestFileIsReportedAfterTraining() {
        String out = run("xor", "--test", "xor-test");
        assertTrue(out.contains("test       loss 0.5000  accuracy 0.7500  (4 samples)"), out);
        assertTrue(out.contains("confusion matrix (test)"), out);
    }

    /** What is written after training is checked before anything is loaded or trained. */
    @Test
    void anOutputThatCannotBeWrittenIsRefusedBeforeLoading() throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(dir.resolve("taken.svg"));
        java.nio.file.Path plain = java.nio.file.Files.writeString(dir.resolve("plain"), "a file");
        assertEquals("--curve: cannot write " + folder + ": it is a folder",
                assertThrows(CommandException.class, () -> run("xor", "--curve", folder.toString())).getMessage());
        assertEquals("--curve: cannot write in " + plain + ": " + plain + " is not a folder",
                assertThrows(CommandException.class, () -> run("xor", "--curve", plain.resolve("c.svg").toString())).getMessage());
        java.nio.file.Path history = java.nio.file.Files.createDirectories(dir.resolve("h.csv"));
        assertEquals("--history: cannot write " + history + ": it is a folder",
                assertThrows(CommandException.class, () -> run("xor", "--history", history.toString())).getMessage());
        store = new FileModelStore(plain.resolve("models"));
        assertEquals("--save: cannot write in " + plain.resolve("models") + ": " + plain + " is not a folder",
                assertThrows(CommandException.class, () -> run("xor", "--save", "m")).getMessage());
        assertEquals(null, data.lastOptions, "nothing was loaded");
        assertEquals(null, received, "nothing was trained");
    }

    @Test
    void aRunTheTrainerRefusesAtItsStartAnswersWithItsErrorAlone() {
        refusal = "--layers 10000,10000,10000 needs about 6.1 GB for weights and workspaces; the heap is 1.0 GB (set DENDRITE_OPTS=-Xmx8g)";
        java.io.PrintStream console = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true));
        try {
            assertEquals("error: " + refusal, assertThrows(CommandException.class, () -> run("xor")).toString());
        } finally {
            System.setOut(console);
        }
        assertEquals("", printed.toString(), "no data line before the error");
    }

    @Test
    void historyWritesOneRowPerEpoch() throws Exception {
        java.nio.file.Path csv = dir.resolve("h.csv");
        java.nio.file.Path jsonl = dir.resolve("h.jsonl");
        run("xor", "--history", csv.toString());
        run("xor", "--history", jsonl.toString());
        assertEquals(List.of("epoch,iteration,lr,loss,accuracy,millis", "1,1,0.1,0.5,0.75,3"), java.nio.file.Files.readAllLines(csv));
        assertEquals(List.of("{\"epoch\":1,\"iteration\":1,\"lr\":0.1,\"loss\":0.5,\"accuracy\":0.75,\"millis\":3}"),
                java.nio.file.Files.readAllLines(jsonl));
    }
}
