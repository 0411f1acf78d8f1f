package dev.dendrite.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.nn.LocalPlugins;
import dev.dendrite.options.CommandCatalog;
import dev.dendrite.options.CommandException;
import dev.dendrite.options.Option;
import dev.dendrite.testing.ComponentDescriptors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class DepthCommandTest {

    private final DepthCommand command = new DepthCommand(LocalPlugins.trainer(), Path.of("").toAbsolutePath());

    /** The settings of a command line, as ml:depth reads it. */
    private static DepthSettings settings(String... words) {
        return DepthCommand.settings(DepthCommand.SYNTAX.parse(List.of(words)));
    }

    private static DepthSettings small(DepthTask task, int seeds) {
        return settings("--task", task.label(), "--params", "120", "--depths", "1,2,3", "--seeds", "" + seeds, "--epochs", "15",
                "--samples", "120", "--seed", "7", "--threads", "2");
    }

    private String run(DepthSettings settings, Path folder) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        command.execute(settings, folder, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The one line ml:depth answers a refused command line with; it prints nothing before it. */
    private String refusal(String... words) {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            CommandException e = assertThrows(CommandException.class, () -> command.depth(words));
            assertEquals("error: " + e.getMessage(), e.toString());
            return e.getMessage();
        } finally {
            System.setOut(console);
            assertEquals("", printed.toString(StandardCharsets.UTF_8), "nothing runs before the refusal");
        }
    }

    /** The polylines' and dots' point counts of each series group, by id. */
    private static Map<String, int[]> series(Path svg) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(Files.readString(svg))));
        NodeList groups = doc.getElementsByTagName("g");
        Map<String, int[]> found = new TreeMap<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            NodeList lines = g.getElementsByTagName("polyline");
            int points = 0;
            for (int k = 0; k < lines.getLength(); k++) {
                points += ((Element) lines.item(k)).getAttribute("points").split(" ").length;
            }
            found.put(g.getAttribute("id"), new int[] {points, g.getElementsByTagName("circle").getLength()});
        }
        return found;
    }

    @Test
    void printsOneRowPerDepthAVerdictTheCurvesAndWritesThePlots(@TempDir Path folder) throws Exception {
        DepthSettings settings = small(DepthTask.SPIRALS, 2);
        String out = run(settings, folder);

        List<String[]> rows = new ArrayList<>();
        for (String line : out.lines().toList()) {
            if (line.matches(" +\\d +[0-9,]+ +\\d+ +\\d+ +[0-9.]+ ± [0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+")) {
                rows.add(line.trim().split(" +"));
            }
        }
        assertEquals(3, rows.size(), out);
        List<Architecture> compared = DepthStudy.architectures(settings);
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            assertEquals(String.valueOf(i + 1), row[0]);
            assertEquals(compared.get(i).widths(), row[1]);
            long parameters = Long.parseLong(row[2]);
            assertEquals(compared.get(i).parameters(), parameters);
            assertTrue(Math.abs(parameters - 120) <= 6, "within 5 % of the budget: " + parameters);
            double mean = Double.parseDouble(row[4]);
            assertTrue(mean >= Double.parseDouble(row[7]) && mean <= Double.parseDouble(row[8]), "mean between min and max");
            assertTrue(mean > 0.3 && mean <= 1, "an accuracy: " + mean);
        }
        assertTrue(out.contains("best: ") || out.contains("no deeper network beat 1 hidden layer"), out);
        assertTrue(out.contains("validation accuracy per epoch, mean of 2 seeds"), out);

        Path svg = folder.resolve("depth-spirals.svg");
        assertTrue(out.contains("plot " + svg), out);
        Map<String, int[]> series = series(svg);
        assertEquals(0, series.get("seeds")[0], "seeds are dots");
        assertEquals(3 * 2, series.get("seeds")[1], "one dot per depth and seed");
        assertEquals(3, series.get("mean")[0]);
        assertEquals(3, series.get("mean")[1]);
        for (int depth = 1; depth <= 3; depth++) {
            assertEquals(15, series.get("depth-" + depth)[0], "a point per epoch");
        }
        assertNotNull(ImageIO.read(folder.resolve("depth-spirals.png").toFile()));
    }

    @Test
    void theSameSeedsGiveTheSameTableWhateverTheThreads() {
        List<String> words = List.of("--task", "sawtooth", "--params", "100", "--depths", "1,2", "--seeds", "2", "--epochs", "5",
                "--samples", "50", "--seed", "3", "--threads");
        DepthSettings one = settings(Stream.concat(words.stream(), Stream.of("1")).toArray(String[]::new));
        DepthSettings two = settings(Stream.concat(words.stream(), Stream.of("2")).toArray(String[]::new));
        String a = run(one, null).replaceAll(" +[0-9.]+\\n", "\n");
        String b = run(two, null).replaceAll(" +[0-9.]+\\n", "\n");
        assertEquals(a, b, "only the times differ");
        assertTrue(a.contains("val mse mean ± sd"), a);
        assertFalse(a.contains("plot "), "no folder, no files");
    }

    @Test
    void verdictMeasuresTheGapByTheSpread() {
        DepthSettings s = small(DepthTask.SPIRALS, 2);
        DepthReport.Row shallow = row(1, 0.70, 0.74);
        DepthReport.Row deep = row(3, 0.98, 0.99);
        assertEquals("best: 3 hidden layers, accuracy 0.9850 ± 0.0071, against 0.7200 ± 0.0283 with 1: a gap of 0.2650,"
                + " 9.4 times the larger seed-to-seed spread", DepthCommand.verdict(new DepthReport(s, List.of(shallow, deep))));
        assertEquals("best: 3 hidden layers, accuracy 0.7300 ± 0.0141, against 0.7200 ± 0.0283 with 1: a gap of 0.0100,"
                + " within the seed-to-seed spread: no clear difference",
                DepthCommand.verdict(new DepthReport(s, List.of(shallow, row(3, 0.72, 0.74)))));
        assertEquals("best: 3 hidden layers, accuracy 0.9800 ± 0.0000, against 0.7000 ± 0.0000 with 1: a gap of 0.2800,"
                + " one seed per depth: no spread to measure it by",
                DepthCommand.verdict(new DepthReport(small(DepthTask.SPIRALS, 1), List.of(row(1, 0.70), row(3, 0.98)))));
        assertEquals("no deeper network beat 1 hidden layer here (accuracy 0.7200 ± 0.0283)",
                DepthCommand.verdict(new DepthReport(s, List.of(shallow, row(2, 0.60, 0.62)))));
    }

    private static DepthReport.Row row(int depth, double... metrics) {
        List<DepthReport.Run> runs = new ArrayList<>();
        for (double m : metrics) {
            runs.add(new DepthReport.Run(runs.size(), m, new double[] {m}, 1));
        }
        return new DepthReport.Row(new Architecture(2, java.util.Collections.nCopies(depth, 4), 1), runs);
    }

    @Test
    void trainsWithTheStudysDefaultsOrTheTrainingOptionsOfMlTrain() {
        assertEquals(new DepthSettings(DepthTask.SPIRALS, 200, List.of(1, 2, 3, 4), 10, DepthSettings.DEFAULT_TRAINING, 600,
                Runtime.getRuntime().availableProcessors()), settings());
        DepthSettings given = settings("--activation", "tanh", "--optimizer", "sgd", "--lr", "0.1", "--batch", "all", "--epochs", "3",
                "--seed", "5", "--backend", "ejml");
        assertEquals(DepthSettings.DEFAULT_TRAINING.toBuilder().activation("tanh").optimizer("sgd").learningRate(0.1).fullBatch()
                .epochs(3).seed(5).backend("ejml").build(), given.training());
        TrainingRequest network = small(DepthTask.SAWTOOTH, 1).network(new Architecture(1, List.of(4, 4), 1), 9);
        assertEquals(List.of(List.of(4, 4), "linear", "mse", 9L, 15),
                List.of(network.hiddenLayers(), network.outputActivation(), network.loss(), network.seed(), network.epochs()));
    }

    @Test
    void refusesWhatItOnceReplacedByADefault() {
        assertEquals("--threads: must be a positive integer, got 0", refusal("--threads", "0"));
        assertEquals("--lr: 'NaN' is not a finite number", refusal("--lr", "NaN"));
    }

    @Test
    void refusesEveryEmptyZeroOrNegativeValueWithItsOptionNamed() {
        Map<List<String>, String> refused = new LinkedHashMap<>();
        refused.put(List.of("--task", ""), "--task: unknown task '' (available: spirals, sawtooth)");
        refused.put(List.of("--params", "0"), "--params: must be a positive integer, got 0");
        refused.put(List.of("--depths", ""), "--depths: needs a value, got ''");
        refused.put(List.of("--depths", "1,1"), "--depths: must be distinct numbers of hidden layers from 1 to 9, got 1,1");
        refused.put(List.of("--depths", "0,2"), "--depths: must be distinct numbers of hidden layers from 1 to 9, got 0,2");
        refused.put(List.of("--depths", "1,x"), "--depths: 'x' is not an integer");
        refused.put(List.of("--seeds", "0"), "--seeds: must be a positive integer, got 0");
        refused.put(List.of("--epochs", "0"), "--epochs: the number of epochs must be a positive integer, got 0");
        refused.put(List.of("--activation", ""), "--activation: needs a value, got ''");
        refused.put(List.of("--optimizer", ""), "--optimizer: needs a value, got ''");
        refused.put(List.of("--lr", "-0.1"), "--lr: the learning rate must be a positive number, got -0.1");
        refused.put(List.of("--batch", "0"), "--batch: the batch size must be a positive integer, got 0");
        refused.put(List.of("--samples", "0"), "--samples: the number of samples must be at least 10, got 0");
        refused.put(List.of("--seed", "x"), "--seed: 'x' is not an integer");
        refused.put(List.of("--threads", "-2"), "--threads: must be a positive integer, got -2");
        refused.put(List.of("--out", ""), "--out: needs a value, got ''");
        refused.put(List.of("--backend", ""), "--backend: needs a value, got ''");
        refused.forEach((words, message) -> assertEquals(message, refusal(words.toArray(String[]::new)), words.toString()));
    }

    @Test
    void aBudgetTooBigForTheHeapIsRefusedBeforeTheNetworksAreSought() {
        String message = refusal("--params", "2000000000");
        assertTrue(message.startsWith("--params 2000000000 needs about 59.6 GB for weights and workspaces; the heap is "), message);
    }

    @Test
    void namesAnUnknownOptionAndARepeatedOne() {
        assertEquals("ml:depth has no option --bogus (ml:depth --help)", refusal("--bogus", "3"));
        assertEquals("ml:depth has no option --thread; did you mean --threads? (ml:depth --help)", refusal("--thread", "3"));
        assertEquals("ml:depth: --seeds is given twice", refusal("--seeds", "2", "--seeds", "3"));
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        String help = (String) command.depth("--help");
        for (Option<?> option : DepthCommand.SYNTAX.options()) {
            String line = help.lines().filter(l -> l.startsWith("  " + option.flagName() + " ")).findFirst().orElseThrow(
                    () -> new AssertionError(option + " is not listed:\n" + help));
            assertTrue(line.contains("(default "), line);
        }
        for (String shown : List.of("(default spirals)", "(default 200)", "(default 1,2,3,4)", "(default 10)", "(default 500)",
                "(default relu)", "(default adam)", "(default 0.01)", "(default 32)", "(default 600)", "(default 42)",
                "(default the number of processors)", "(default plots in the platform's home)", "(default the highest ranked)")) {
            assertTrue(help.contains(shown), shown + " in\n" + help);
        }
    }

    @Test
    void isRegisteredAsTheGogoCommandMlDepthWithItsSyntaxForTheConsole() {
        List<ComponentDescriptors.Descriptor> commands = ComponentDescriptors.providing(CommandCatalog.class, DepthCommand.class);
        assertEquals(1, commands.size());
        assertTrue(commands.get(0).provides(DepthCommand.class));
        assertEquals("ml", commands.get(0).properties().get("osgi.command.scope"));
        assertEquals("depth", commands.get(0).properties().get("osgi.command.function"));
        assertEquals(List.of(DepthCommand.SYNTAX), command.commands());
    }
}
