package dev.dendrite.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import dev.dendrite.api.nn.Model;
import dev.dendrite.api.nn.Propagation;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.models.ModelStore;
import dev.dendrite.models.store.FileModelStore;
import dev.dendrite.nn.LocalPlugins;
import dev.dendrite.options.CommandCatalog;
import dev.dendrite.options.CommandException;
import dev.dendrite.options.Option;
import dev.dendrite.options.TrainingOptions;
import dev.dendrite.testing.ComponentDescriptors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceCommandTest {
    private static final Pattern TABLE = Pattern.compile("^dW\\[(\\d+)] = ");
    private static final Pattern ROW = Pattern.compile("^ +(\\d+) +(\\d+) +(-?\\d+\\.\\d{10}) +(-?\\d+\\.\\d{10}) +\\S+$");

    private final Trainer trainer = LocalPlugins.trainer();

    @TempDir
    Path dir;

    /** A data service that serves one fixed set, scaled by identity, for any source. */
    private static DataService serving(DataSet set) {
        return new DataService() {
            @Override
            public DataSplit load(String source, DataOptions options) {
                return new DataSplit(set, null, FeatureScaling.identity(set.features()));
            }

            @Override
            public DataSet load(String source, DataSchema schema, long seed) {
                return set;
            }

            @Override
            public Matrix features(String source, DataSchema schema) {
                return set.x();
            }
        };
    }

    private TraceCommand command(DataService data, ModelStore models) {
        return new TraceCommand(trainer, data, models);
    }

    /** The request of a command line, as ml:trace reads it; an option followed by an empty value is left out. */
    private static TraceRequest request(String... options) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < options.length; i += 2) {
            if (!options[i + 1].isEmpty()) {
                words.addAll(List.of(options[i], options[i + 1]));
            }
        }
        return TraceCommand.request(TraceCommand.SYNTAX.parse(words));
    }

    /** The one line ml:trace answers a refused command line with; it prints nothing before it. */
    private static String refusal(TraceCommand command, String... words) {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            CommandException e = assertThrows(CommandException.class, () -> command.trace(words));
            assertEquals("error: " + e.getMessage(), e.toString());
            return e.getMessage();
        } finally {
            System.setOut(console);
            assertEquals("", printed.toString(StandardCharsets.UTF_8), "nothing is printed before the refusal");
        }
    }

    private static String run(TraceCommand command, TraceRequest request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        command.execute(request, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The printed dW tables: per layer, rows {i, j, dW, finite difference} as printed. */
    private static Map<Integer, List<String[]>> gradientTables(String out) {
        Map<Integer, List<String[]>> tables = new TreeMap<>();
        Integer layer = null;
        for (String line : out.lines().toList()) {
            Matcher header = TABLE.matcher(line);
            Matcher row = ROW.matcher(line);
            if (header.find()) {
                layer = Integer.parseInt(header.group(1));
                tables.put(layer, new ArrayList<>());
            } else if (layer != null && row.matches()) {
                tables.get(layer).add(new String[] {row.group(1), row.group(2), row.group(3), row.group(4)});
            } else if (!line.contains("finite difference")) {
                layer = null;
            }
        }
        return tables;
    }

    /** dW[l] of the first iteration of a second, independent run with the same spec and samples. */
    private List<Matrix> trainersGradients(Tracer.Plan plan) {
        List<Matrix> gradients = new ArrayList<>();
        trainer.train(plan.request(), plan.split(), new TrainingListener() {
            @Override
            public void backpropagated(Propagation p) {
                for (int l = 1; l <= p.layers(); l++) {
                    gradients.add(p.weightGradient(l).copy());
                }
            }
        }, plan.start());
        return gradients;
    }

    private void assertPrintedGradientsAreTheTrainersAndMatchFiniteDifferences(TraceRequest request, String out, Tracer.Plan plan) {
        List<Matrix> expected = trainersGradients(plan);
        Map<Integer, List<String[]>> tables = gradientTables(out);
        assertEquals(expected.size(), tables.size(), out);
        for (int l = 1; l <= expected.size(); l++) {
            Matrix dW = expected.get(l - 1);
            List<String[]> rows = tables.get(l);
            assertEquals(dW.rows() * dW.cols(), rows.size(), "one row per element of dW[" + l + "]");
            for (String[] row : rows) {
                int i = Integer.parseInt(row[0]) - 1;
                int j = Integer.parseInt(row[1]) - 1;
                assertEquals(String.format(Locale.ROOT, "%.10f", dW.get(i, j)), row[2], "dW[" + l + "] " + (i + 1) + "," + (j + 1));
                double difference = Math.abs(Double.parseDouble(row[2]) - Double.parseDouble(row[3]));
                assertTrue(difference <= 1e-6, "dW[" + l + "] " + (i + 1) + "," + (j + 1) + ": finite difference off by " + difference);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "'', tanh, '', '', 2",              // the course's 4-4-2-1, sigmoid output fused with cross-entropy
        "3, relu, softmax, '', 3",          // softmax fused with categorical cross-entropy, one-hot Y
        "5;3, sigmoid, sigmoid, mse, 4",    // not fused: dA[L] from the loss, then dZ[L] = dA[L] ⊙ g'(Z[L])
    })
    void printsTheTrainersGradientsWithAgreeingFiniteDifferences(String layers, String activation, String output, String loss,
                                                                 int samples) {
        TraceCommand command = command(null, null);
        TraceRequest request = request("--layers", layers.replace(';', ','), "--activation", activation, "--output", output,
                "--loss", loss, "--samples", "" + samples, "--seed", "7", "--lr", "0.5");
        String out = run(command, request);
        assertPrintedGradientsAreTheTrainersAndMatchFiniteDifferences(request, out, new Tracer(trainer, null, null).plan(request));
        assertEquals(!loss.equals("mse"), out.contains("fused with"), out);
        assertEquals(loss.equals("mse"), out.contains("dA[" + (request.training().hiddenLayers().size() + 1) + "] = ∂L/∂A"), out);
    }

    @Test
    void theDefaultIsTheCoursesNetworkOnTwoGeneratedSamples() {
        String out = run(command(null, null), request());
        assertTrue(out.startsWith("network 4-4-2-1: L = 3; hidden tanh, output sigmoid; loss binary_crossentropy; optimizer sgd"), out);
        assertTrue(out.contains("A[0] = X (4, 2)"), out);
        for (String shape : List.of("W[1] (4, 4)", "b[1] (4, 1)", "Z[1] = W[1]·A[0] + b[1] (4, 2)", "A[2] = tanh(Z[2]) (2, 2)",
                "W[3] (1, 2)", "dZ[3] = A[3] − Y", "dA[2] = W[3]ᵀ·dZ[3]", "dZ[1] = dA[1] ⊙ g'(Z[1])", "dA[0] is not computed")) {
            assertTrue(out.contains(shape), shape);
        }
        assertEquals(4 * 4 + 2 * 4 + 2, gradientTables(out).values().stream().mapToInt(List::size).sum());
    }

    @Test
    void theUnitsSumIsTheTrainersZ() {
        String out = run(command(null, null), request("--unit", "2,2"));
        Matcher m = Pattern.compile("= (-?[0-9.]+) {3}\\(the trainer's Z\\[2] row 2, column 1: (-?[0-9.]+)\\)").matcher(out);
        assertTrue(m.find(), out);
        assertEquals(m.group(2), m.group(1));
        assertTrue(out.contains("z_2 = Σ_i w_2i·a_i + b_2  with w = row 2 of W[2], a = column 1 of A[1]"), out);
    }

    @Test
    void lossesAddUpToTheTrainersCostAndSgdStepsAgainstTheGradient() {
        TraceRequest request = request("--samples", "4", "--lr", "0.3");
        Trace t = new Tracer(trainer, null, null).trace(request);
        assertEquals(t.cost(), t.evaluated(), 1e-12);
        assertEquals(t.cost(), Arrays.stream(t.sampleLosses()).average().orElseThrow(), 1e-12);
        assertEquals(0.3, t.learningRate());
        for (Trace.Layer layer : t.layers()) {
            for (int k = 0; k < layer.w().data().length; k++) {
                double expected = layer.w().data()[k] - 0.3 * layer.dW().data()[k];
                assertEquals(expected, layer.wAfter().data()[k], 1e-15, "W[" + layer.l() + "] element " + k);
            }
            assertNull(layer.l() == t.depth() ? layer.dA() : null, "dA[L] is not computed when the loss is fused");
        }
        assertNotNull(t.layer(1).dA());
    }

    @Test
    void tracesASavedModelFromItsWeightsOnItsData() {
        DataSet data = Tracer.generated(4, 3);
        TrainingRequest request = TrainingRequest.builder().hiddenLayers(List.of(3)).epochs(5).build();
        Model trained = trainer.train(request, new DataSplit(data, null, FeatureScaling.identity(4)), TrainingListener.NONE).model();
        ModelStore store = new FileModelStore(dir);
        store.save("tiny", trained);
        TraceCommand command = command(serving(data), store);
        TraceRequest traced = request("--model", "tiny", "--samples", "3");
        String out = run(command, traced);
        assertTrue(out.startsWith("network 4-3-1: L = 2"), out);
        assertTrue(out.contains("samples: the first 3 samples of generated, scaled as model tiny says"), out);
        double w11 = trained.layers().get(0).weights().get(0, 0);
        assertTrue(out.contains(String.format(Locale.ROOT, "W[1] (3, 4)%n  [ %10.6f", w11)), "starts from the saved weights");
        assertPrintedGradientsAreTheTrainersAndMatchFiniteDifferences(traced, out, new Tracer(trainer, serving(data), store).plan(traced));
    }

    @Test
    void refusesWhatIsTooLargeToPrintWithOneLineAndNoOutput() {
        DataSet wide = new DataSet("wide.csv", java.util.stream.IntStream.range(0, 20).mapToObj(i -> "f" + i).toList(),
                new Matrix(20, 3), new double[] {0, 1, 0}, Task.CLASSIFICATION, List.of("0", "1"));
        TraceCommand command = command(serving(wide), null);
        assertEquals("--samples: ml:trace prints 1 to 4 samples, got 10",
                assertThrows(IllegalArgumentException.class, () -> request("--samples", "10")).getMessage());
        assertEquals("a hidden layer of 64 units is too large to print: ml:trace prints at most 16 units per layer",
                assertThrows(IllegalArgumentException.class, () -> request("--layers", "64")).getMessage());
        assertEquals("a network of 5 layers is too large to print: ml:trace prints at most 4 layers (3 hidden)",
                assertThrows(IllegalArgumentException.class, () -> request("--layers", "4,4,4,4")).getMessage());
        assertEquals("ml:trace: give --layers or --model, not both",
                assertThrows(IllegalArgumentException.class, () -> request("--layers", "4", "--model", "m")).getMessage());
        assertEquals("--unit: must be l,k, layer l and unit k from 1, e.g. 1,1; got 2",
                assertThrows(IllegalArgumentException.class, () -> request("--unit", "2")).getMessage());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertEquals("the input layer n[0] of 20 units is too large to print: ml:trace prints at most 16 units per layer",
                assertThrows(IllegalArgumentException.class, () -> command.execute(request("--data", "wide.csv"), out)).getMessage());
        assertEquals("--unit 2,3: layer 2 has 2 units",
                assertThrows(IllegalArgumentException.class, () -> command.execute(request("--unit", "2,3"), out)).getMessage());
        assertEquals("--unit 4,1: the network has layers 1 to 3",
                assertThrows(IllegalArgumentException.class, () -> command.execute(request("--unit", "4,1"), out)).getMessage());
        assertEquals("wide.csv has only 3 samples, --samples asks for 4", assertThrows(IllegalArgumentException.class,
                () -> command.execute(request("--data", "wide.csv", "--samples", "4"), out)).getMessage());
        assertEquals("", bytes.toString(StandardCharsets.UTF_8), "nothing is printed before the message");
    }

    @Test
    void refusesWhatItOnceReplacedByADefault() {
        assertEquals("--lr: 'NaN' is not a finite number", refusal(command(null, null), "--lr", "NaN"));
    }

    @Test
    void refusesEveryEmptyZeroOrNegativeValueWithItsOptionNamed() {
        Map<List<String>, String> refused = new LinkedHashMap<>();
        refused.put(List.of("--layers", ""), "--layers: needs a value, got ''");
        refused.put(List.of("--layers", "4,0"), "--layers: a layer width must be a positive integer, got 0");
        refused.put(List.of("--activation", ""), "--activation: needs a value, got ''");
        refused.put(List.of("--output", ""), "--output: needs a value, got ''");
        refused.put(List.of("--loss", ""), "--loss: needs a value, got ''");
        refused.put(List.of("--optimizer", ""), "--optimizer: needs a value, got ''");
        refused.put(List.of("--lr", "0"), "--lr: the learning rate must be a positive number, got 0.0");
        refused.put(List.of("--lr", "abc"), "--lr: 'abc' is not a number");
        refused.put(List.of("--seed", ""), "--seed: '' is not an integer");
        refused.put(List.of("--samples", "0"), "--samples: ml:trace prints 1 to 4 samples, got 0");
        refused.put(List.of("--data", ""), "--data: needs a value, got ''");
        refused.put(List.of("--model", ""), "--model: invalid model name '': use letters, digits, '.', '_' and '-' only, starting with"
                + " a letter or digit, at most 200 characters");
        refused.put(List.of("--unit", "0,1"), "--unit: must be l,k, layer l and unit k from 1, e.g. 1,1; got 0,1");
        refused.put(List.of("--unit", ""), "--unit: needs a value, got ''");
        refused.put(List.of("--backend", ""), "--backend: needs a value, got ''");
        TraceCommand command = command(null, null);
        refused.forEach((words, message) -> assertEquals(message, refusal(command, words.toArray(String[]::new)), words.toString()));
    }

    @Test
    void namesAnUnknownOptionAndARepeatedOne() {
        TraceCommand command = command(null, null);
        assertEquals("ml:trace has no option --bogus (ml:trace --help)", refusal(command, "--bogus", "3"));
        assertEquals("ml:trace has no option --layer; did you mean --layers? (ml:trace --help)", refusal(command, "--layer", "3"));
        assertEquals("ml:trace: --lr is given twice", refusal(command, "--lr", "0.1", "--lr", "0.2"));
    }

    @Test
    void sharesMlTrainsOptionsAndHelpListsEachWithItsDefault() {
        List<String> names = TraceCommand.SYNTAX.options().stream().map(Option::name).toList();
        assertEquals(List.of("layers", "activation", "output", "loss", "optimizer", "lr", "seed", "samples", "data", "model", "unit",
                "backend"), names);
        for (Option<?> option : TraceCommand.SYNTAX.options()) {
            assertEquals(TrainingOptions.isOption(option.name()), TrainingOptions.all().contains(option), option + " is ml:train's own");
        }
        String help = (String) command(null, null).trace("--help");
        for (Option<?> option : TraceCommand.SYNTAX.options()) {
            String line = help.lines().filter(l -> l.startsWith("  " + option.flagName() + " ")).findFirst().orElseThrow(
                    () -> new AssertionError(option + " is not listed:\n" + help));
            assertTrue(line.contains("(default "), line);
        }
        for (String shown : List.of("(default 4,2)", "(default tanh)", "(default by task)", "(default sgd)", "(default the optimizer's)",
                "(default 42)", "(default 2)", "(default 1,1)", "(default the highest ranked)")) {
            assertTrue(help.contains(shown), shown + " in\n" + help);
        }
    }

    @Test
    void isRegisteredAsTheGogoCommandMlTraceWithItsSyntaxForTheConsole() {
        List<ComponentDescriptors.Descriptor> commands = ComponentDescriptors.providing(CommandCatalog.class, TraceCommand.class);
        assertEquals(1, commands.size());
        assertTrue(commands.get(0).provides(TraceCommand.class));
        assertEquals("ml", commands.get(0).properties().get("osgi.command.scope"));
        assertEquals("trace", commands.get(0).properties().get("osgi.command.function"));
        assertEquals(List.of(TraceCommand.SYNTAX), command(null, null).commands());
    }
}
