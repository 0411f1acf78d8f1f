package dev.dendrite.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandSyntaxTest {
    private static final Option<Integer> SAMPLES = Option.positiveInteger("samples", "training samples m").defaultText("200");
    private static final Option<Boolean> QUIET = Option.flag("quiet", "print less");
    private static final CommandSyntax SYNTAX = CommandSyntax.command("ml:demo", "a demo")
            .options(TrainingOptions.only("activation", "lr", "epochs"))
            .option(SAMPLES)
            .option(QUIET)
            .argument("DATASET", "the data", Completion.DATASET)
            .argument("MODEL", "a saved model", Completion.MODEL)
            .build();

    private static String refusal(String... words) {
        return assertThrows(CommandException.class, () -> SYNTAX.parse(List.of(words))).getMessage();
    }

    @Test
    void valuesAreReadTypedInEitherSpelling() {
        Arguments a = SYNTAX.parse(List.of("--lr", "0.5", "--samples=30", "--quiet", "xor", "--activation", "relu", "m"));
        assertEquals(0.5, a.get(TrainingOptions.LR));
        assertEquals(30, a.get(SAMPLES));
        assertTrue(a.get(QUIET));
        assertEquals("relu", a.get(TrainingOptions.ACTIVATION));
        assertEquals(List.of("xor", "m"), a.positional());
        assertFalse(a.has(TrainingOptions.EPOCHS));
        assertEquals(7, a.get(TrainingOptions.EPOCHS, 7));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--bogus 3 xor|ml:demo has no option --bogus (ml:demo --help)",
        "--sample 3 xor|ml:demo has no option --sample; did you mean --samples? (ml:demo --help)",
        "--activaton relu xor|ml:demo has no option --activaton; did you mean --activation? (ml:demo --help)",
        "-x xor|ml:demo has no option -x (ml:demo --help)",
        "--lr 0.1 --lr 0.2 xor|ml:demo: --lr is given twice",
        "xor --lr|ml:demo: --lr needs a value (α: learning rate α > 0)",
        "--lr abc xor|--lr: 'abc' is not a number",
        "--lr NaN xor|--lr: 'NaN' is not a finite number",
        "--samples 0 xor|--samples: must be a positive integer, got 0",
        "--epochs 2.5 xor|--epochs: '2.5' is not an integer",
        "--quiet=yes xor|ml:demo: --quiet takes no value, got 'yes'",
        "--lr 0.1|ml:demo needs DATASET (ml:demo --help)",
        "xor|ml:demo needs MODEL (ml:demo --help)",
        "xor m extra|ml:demo takes 2 arguments, got extra too (ml:demo --help)"})
    void aBadCommandLineIsRefusedInOneLineNamingTheProblem(String line, String message) {
        assertEquals(message, refusal(line.split(" ")));
    }

    @Test
    void anEmptyValueIsRefusedNotTakenForTheDefault() {
        assertEquals("--activation: needs a value, got ''", refusal("--activation", "", "xor"));
    }

    @Test
    void aNegativeNumberIsAValueAndAnArgumentNotAnOption() {
        assertEquals("--samples: must be a positive integer, got -5", refusal("--samples", "-5", "xor"));
        assertEquals(List.of("-1", "m"), SYNTAX.parse(List.of("--", "-1", "m")).positional());
    }

    @Test
    void helpNeedsNoArgumentAndListsEveryOptionWithItsDefault() {
        Arguments a = SYNTAX.parse(List.of("--help"));
        assertTrue(a.helpRequested());
        String usage = SYNTAX.usage(option -> option == TrainingOptions.ACTIVATION ? "tanh" : null);
        assertTrue(usage.startsWith("ml:demo - a demo"), usage);
        assertTrue(usage.contains("usage: ml:demo [options] DATASET MODEL"), usage);
        assertTrue(usage.contains("--activation NAME"), usage);
        assertTrue(usage.contains("hidden-layer activation (ml:activations) (default tanh)"), usage);
        assertTrue(usage.contains("(default the optimizer's)"), usage);
        assertTrue(usage.contains("--samples N"), usage);
        assertTrue(usage.contains("(default 200)"), usage);
        assertTrue(usage.contains("--quiet "), usage);
        assertTrue(usage.contains("--help"), usage);
    }

    @Test
    void runAnswersHelpAndTurnsFailuresIntoOneLineErrors() {
        String[] help = {"--help"};
        assertTrue(((String) SYNTAX.run(help, o -> null, a -> "ran")).contains("usage: ml:demo"));
        assertEquals("ran", SYNTAX.run(new String[] {"xor", "m"}, o -> null, a -> "ran"));
        CommandException e = assertThrows(CommandException.class, () -> SYNTAX.run(new String[] {"xor", "m"}, o -> null, a -> {
            throw new IllegalStateException("file x.csv, line 3, column 2: 'abc' is not a number");
        }));
        assertEquals("error: file x.csv, line 3, column 2: 'abc' is not a number", e.toString());
        CommandException memory = assertThrows(CommandException.class, () -> SYNTAX.run(new String[] {"xor", "m"}, o -> null, a -> {
            throw new OutOfMemoryError("Java heap space");
        }));
        assertTrue(memory.getMessage().startsWith("ml:demo ran out of memory: the heap ("), memory.getMessage());
        assertTrue(memory.getMessage().endsWith("GB) cannot hold what it was asked for; ask for less, or give more with"
                + " DENDRITE_OPTS=-Xmx…"), memory.getMessage());
    }

    @Test
    void completionFollowsTheWordBefore() {
        assertEquals(Completion.ACTIVATION, SYNTAX.completionAfter(List.of("ml:demo", "--activation")));
        assertEquals(Completion.DATASET, SYNTAX.completionAfter(List.of("ml:demo", "--activation", "relu")));
        assertEquals(Completion.MODEL, SYNTAX.completionAfter(List.of("ml:demo", "--lr", "0.1", "xor", "--quiet")));
        assertEquals(Completion.NONE, SYNTAX.completionAfter(List.of("ml:demo", "xor", "m")));
        assertEquals(Completion.NONE, SYNTAX.completionAfter(List.of("ml:demo", "--lr")));
    }

    @Test
    void distanceIsLevenshtein() {
        assertEquals(0, CommandSyntax.distance("lr", "lr"));
        assertEquals(1, CommandSyntax.distance("sample", "samples"));
        assertEquals(3, CommandSyntax.distance("kitten", "sitting"));
    }
}
