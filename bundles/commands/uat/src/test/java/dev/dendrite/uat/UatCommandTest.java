package dev.dendrite.uat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UatCommandTest {

    private final UatCommand command = new UatCommand(new UatDemo(LocalPlugins.trainer()), Path.of("").toAbsolutePath());

    /** The settings of a command line, as ml:uat reads it. */
    private static UatSettings settings(String... words) {
        return UatCommand.settings(UatCommand.SYNTAX.parse(List.of(words)));
    }

    /** The one line ml:uat answers a refused command line with; it prints nothing before it. */
    private String refusal(String... words) {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            CommandException e = assertThrows(CommandException.class, () -> command.uat(words));
            assertEquals("error: " + e.getMessage(), e.toString());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            return e.getMessage();
        } finally {
            System.setOut(console);
            assertEquals("", printed.toString(StandardCharsets.UTF_8), "nothing runs before the refusal");
        }
    }

    @Test
    void choosesABuiltInOrAnExpression() {
        assertEquals("sin", settings().target().name());
        assertEquals("step", settings("--function", "step").target().name());
        Target expr = settings("--expr", "x*y").target();
        assertEquals(2, expr.dimensions());
        assertEquals(-Math.PI, expr.lo());
    }

    @Test
    void parsesADomain() {
        Target wide = settings("--function", "sin", "--domain", "-2*pi, 2*pi").target();
        assertEquals(-2 * Math.PI, wide.lo(), 1e-15);
        assertEquals(2 * Math.PI, wide.hi(), 1e-15);
        assertEquals(0.5, settings("--expr", "x", "--domain", "0,0.5").target().hi());
    }

    @Test
    void trainsWithTheDemosDefaultsForTheTargetsNumberOfVariables() {
        assertEquals(UatSettings.defaults(Target.named("sin")), settings());
        assertEquals(UatSettings.defaults(Target.named("sincos2d")), settings("--function", "sincos2d"));
    }

    @Test
    void readsTheTrainingOptionsOfMlTrainOverTheDemosDefaults() {
        UatSettings given = settings("--activation", "tanh", "--optimizer", "sgd", "--lr", "0.1", "--epochs", "3", "--batch", "16",
                "--seed", "7", "--backend", "ejml", "--widths", "3,5", "--samples", "20");
        TrainingRequest expected = UatSettings.defaultTraining(1).toBuilder().activation("tanh").optimizer("sgd").learningRate(0.1)
                .byEpochs().epochs(3).batchSize(16).seed(7).backend("ejml").build();
        assertEquals(new UatSettings(Target.named("sin"), List.of(3, 5), expected, 20), given);
        assertEquals(5, settings("--iterations", "5").training().iterations());
        assertEquals(0, settings("--batch", "all").training().batchSize());
    }

    @Test
    void refusesWhatItOnceReplacedByADefault() {
        assertEquals("--samples: the number of samples must be at least 2, got 0", refusal("--samples", "0"));
        assertEquals("--iterations: the number of iterations must be a positive integer, got 0", refusal("--iterations", "0"));
        assertEquals("--lr: 'abc' is not a number", refusal("--lr", "abc"));
        assertEquals("--lr: 'NaN' is not a finite number", refusal("--lr", "NaN"));
        assertEquals("--epochs and --iterations are both given: a run trains for a number of epochs or for a number of"
                + " iterations, give one of them", refusal("--iterations", "5", "--epochs", "3"));
    }

    @Test
    void refusesEveryEmptyZeroOrNegativeValueWithItsOptionNamed() {
        Map<List<String>, String> refused = new LinkedHashMap<>();
        refused.put(List.of("--function", ""), "--function: unknown function ''; available: sin, abs, square, sawtooth, step,"
                + " sincos2d (or --expr EXPRESSION)");
        refused.put(List.of("--expr", ""), "--expr: expression '': empty expression at position 1");
        refused.put(List.of("--domain", ""), "--domain: must be LO,HI, e.g. -1,1 or -pi,pi; got ''");
        refused.put(List.of("--widths", ""), "--widths: needs a value, got ''");
        refused.put(List.of("--widths", "none"), "--widths: give at least one hidden width, e.g. 1,4,16");
        refused.put(List.of("--widths", "4,0"), "--widths: a layer width must be a positive integer, got 0");
        refused.put(List.of("--widths", "1,two"), "--widths: 'two' is not an integer");
        refused.put(List.of("--activation", ""), "--activation: needs a value, got ''");
        refused.put(List.of("--optimizer", ""), "--optimizer: needs a value, got ''");
        refused.put(List.of("--lr", "0"), "--lr: the learning rate must be a positive number, got 0.0");
        refused.put(List.of("--lr", "-1"), "--lr: the learning rate must be a positive number, got -1.0");
        refused.put(List.of("--iterations", "-5"), "--iterations: the number of iterations must be a positive integer, got -5");
        refused.put(List.of("--epochs", "0"), "--epochs: the number of epochs must be a positive integer, got 0");
        refused.put(List.of("--batch", "0"), "--batch: the batch size must be a positive integer, got 0");
        refused.put(List.of("--batch", ""), "--batch: needs a value, got ''");
        refused.put(List.of("--samples", "-3"), "--samples: the number of samples must be at least 2, got -3");
        refused.put(List.of("--seed", ""), "--seed: '' is not an integer");
        refused.put(List.of("--out", ""), "--out: needs a value, got ''");
        refused.put(List.of("--backend", ""), "--backend: needs a value, got ''");
        refused.forEach((words, message) -> assertEquals(message, refusal(words.toArray(String[]::new)), words.toString()));
    }

    @Test
    void refusesBadTargets() {
        assertEquals("ml:uat: give --function or --expr, not both", refusal("--function", "sin", "--expr", "x"));
        assertTrue(refusal("--function", "tan").startsWith("--function: unknown function 'tan'; available: sin, abs"));
        assertEquals("--expr: expression 'sin(x': expected ')' at position 6", refusal("--expr", "sin(x"));
        assertEquals("--expr: expression '" + "(".repeat(60) + "… (4001 characters)': nesting deeper than 200 at position 201",
                refusal("--expr", "(".repeat(2000) + "x" + ")".repeat(2000)));
        assertEquals("--domain: must be LO,HI, e.g. -1,1 or -pi,pi; got '1'", refusal("--domain", "1"));
        assertEquals("--domain: must be finite with LO < HI, got '1,-1'", refusal("--domain", "1,-1"));
    }

    @Test
    void namesAnUnknownOptionARepeatedOneAndAMissingValue() {
        assertEquals("ml:uat has no option --bogus (ml:uat --help)", refusal("--bogus", "3"));
        assertEquals("ml:uat has no option --sample; did you mean --samples? (ml:uat --help)", refusal("--sample", "3"));
        assertEquals("ml:uat: --lr is given twice", refusal("--lr", "0.1", "--lr", "0.2"));
        assertEquals("ml:uat: --samples needs a value (N: training samples m, spread over the domain)", refusal("--samples"));
        assertEquals("ml:uat takes no argument, got sin too (ml:uat --help)", refusal("sin"));
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        String help = (String) command.uat("--help");
        assertTrue(help.startsWith("ml:uat - universal approximation"), help);
        for (Option<?> option : UatCommand.SYNTAX.options()) {
            String line = help.lines().filter(l -> l.startsWith("  " + option.flagName() + " ")).findFirst().orElseThrow(
                    () -> new AssertionError(option + " is not listed:\n" + help));
            assertTrue(line.contains("(default "), line);
        }
        for (String shown : List.of("(default sin)", "(default 1,2,4,8,16,32,64)", "(default relu for one variable, tanh for two)",
                "(default adam)", "(default 0.005 for one variable, 0.01 for two)", "(default 10000 for one variable, 3000 for two)",
                "(default all)", "(default 128 for one variable, 256 for two)", "(default 42)", "(default plots in the platform's home)",
                "(default the highest ranked)")) {
            assertTrue(help.contains(shown), shown + " in\n" + help);
        }
    }

    @Test
    void printsTheTableThePlotAndTheExplanationAndWritesThePictures(@TempDir Path folder) {
        UatSettings settings = settings("--function", "square", "--widths", "1,16", "--iterations", "2000", "--samples", "64");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        command.execute(settings, folder, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(out.startsWith("Universal approximation: x^2 on [-1.000, 1.000]\nrelu hidden units"), out);
        List<String> rows = out.lines().filter(l -> l.matches(" +\\d+ +[0-9.]+ +[0-9.]+ +\\d+")).toList();
        assertEquals(2, rows.size(), out);
        double rms1 = Double.parseDouble(rows.get(0).trim().split(" +")[1]);
        double rms16 = Double.parseDouble(rows.get(1).trim().split(" +")[1]);
        assertTrue(out.contains(String.format(java.util.Locale.ROOT, "(%.0fx smaller)", rms1 / rms16)), out);
        assertTrue(out.contains("* best fit: width 16"), out);
        assertTrue(out.contains(UatCommand.explanation()), "the explanation follows the table");
        assertFalse(out.contains("note:"), "x^2 is continuous");
        for (String file : List.of("square-fit.svg", "square-fit.png", "square-error.svg", "square-error.png")) {
            assertTrue(out.contains("plot " + folder.resolve(file)), file);
            assertTrue(Files.isRegularFile(folder.resolve(file)), file);
        }
    }

    @Test
    void flagsADiscontinuousTargetAndWritesNothingWithoutAFolder() {
        UatSettings settings = settings("--function", "step", "--widths", "2", "--iterations", "10", "--samples", "16", "--seed", "1");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        command.execute(settings, null, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("note: step is not continuous"), out);
        assertFalse(out.contains("plot "), out);
    }

    @Test
    void isRegisteredAsTheGogoCommandMlUatWithItsSyntaxForTheConsole() {
        List<ComponentDescriptors.Descriptor> commands = ComponentDescriptors.providing(CommandCatalog.class, UatCommand.class);
        assertEquals(1, commands.size());
        assertEquals(UatCommand.class.getName(), commands.get(0).implementation());
        assertTrue(commands.get(0).provides(UatCommand.class));
        assertEquals(List.of(UatCommand.SYNTAX), command.commands());
        assertEquals("ml:uat", UatCommand.SYNTAX.name());
        assertEquals("ml", commands.get(0).properties().get("osgi.command.scope"));
        assertEquals("uat", commands.get(0).properties().get("osgi.command.function"));
    }

    @Test
    void readmeCarriesTheExplanation() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String explanation = UatCommand.explanation();
        assertTrue(explanation.contains("universal approximation theorem"));
        for (String paragraph : explanation.split("\n\n")) {
            assertTrue(normalize(readme).contains(normalize(paragraph)), "README.md lacks: " + paragraph);
        }
    }

    private static String normalize(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
