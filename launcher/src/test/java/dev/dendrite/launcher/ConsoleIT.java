package dev.dendrite.launcher;

import static dev.dendrite.launcher.Console.CTRL_C;
import static dev.dendrite.launcher.Console.CTRL_D;
import static dev.dendrite.launcher.Console.PROMPT;
import static dev.dendrite.launcher.Console.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive console of the packaged launcher, typed at in a pseudo-terminal (see
 * {@link Console}), each test on its own copy of the distribution: Tab completion, Ctrl-C while a
 * command runs and at the prompt, {@code exit} and Ctrl-D, history across restarts.
 */
class ConsoleIT {

    /** The line of a completed first epoch (README, "A first session"). */
    static final Pattern FIRST_EPOCH = Pattern.compile("epoch +1 +iteration");

    @TempDir
    Path tmp;

    private Path home;

    @BeforeEach
    void distribution() throws Exception {
        home = Dendrite.privateDistribution(tmp);
    }

    @Test
    void tabCompletesOptionNamesAndTheActivationsIncludingOneDeployedMeanwhile() throws Exception {
        try (Console console = Console.start(home)) {
            console.type("ml:train --act\t");
            console.await("--activation ");
            console.type(CTRL_C);
            console.await(PROMPT);

            Files.copy(Path.of(System.getProperty("swish.jar")), home.resolve("deploy/swish.jar"));
            awaitListed(console, "ml:activations", "swish");

            console.type("ml:train --activation \t");
            List<String> activations = List.of("sigmoid", "tanh", "relu", "swish");
            String listed = console.awaitShown("the activations", shown -> activations.stream().allMatch(shown::contains));
            console.type(CTRL_C);
            console.await(PROMPT);
            assertTrue(activations.stream().allMatch(listed::contains), listed);
        }
    }

    @Test
    void ctrlCStopsTheRunningCommandWhichKeepsItsModel() throws Exception {
        try (Console console = Console.start(home)) {
            console.type("ml:train spirals --epochs 100000000 --save x\r");
            console.awaitShown("the first epoch", shown -> FIRST_EPOCH.matcher(shown).find());

            long interrupted = System.nanoTime();
            console.type(CTRL_C);
            String stopped = console.await(PROMPT);
            Duration back = Duration.ofNanos(System.nanoTime() - interrupted);
            assertTrue(back.compareTo(Duration.ofSeconds(1)) < 0, "the prompt came back after " + back.toMillis() + " ms");
            assertTrue(Pattern.compile("error: interrupted at epoch (\\d+); the model of epoch \\d+ is kept as x: \\S*x\\.model\\.json")
                    .matcher(stopped).find(), "the command says what it kept, in one line: " + stopped);
            assertFalse(stopped.contains("Exception"), stopped);
            assertTrue(Files.exists(home.resolve("models/x.model.json")), "saved before the prompt came back");
            console.type("ml:models\r");
            String models = console.await(PROMPT);
            assertTrue(Pattern.compile("(?m)^x +classification").matcher(models).find(), models);
        }
    }

    @Test
    void ctrlCAtThePromptClearsTheLineAndTheConsoleGoesOn() throws Exception {
        try (Console console = Console.start(home)) {
            console.type("echo never-run");
            console.await("never-run");
            console.type(CTRL_C);
            console.await(PROMPT);
            console.type("echo still-here\r");
            String shown = console.await(PROMPT);

            assertTrue(shown.lines().anyMatch("still-here"::equals), shown);
            assertFalse(console.shown().lines().anyMatch("never-run"::equals), console.shown());
            assertTrue(console.isRunning());
        }
    }

    @Test
    void ctrlDAndExitEndWithStatusZeroAndTheHistoryIsKeptInTheDistribution() throws Exception {
        try (Console console = Console.start(home)) {
            console.type("echo remembered\r");
            console.await(PROMPT);
            console.type(CTRL_D);
            assertEquals(0, console.awaitExit(), console.shown());
            assertCleanEnd(console);
        }
        assertTrue(Files.readString(home.resolve("history")).contains("echo remembered"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("history"))));

        try (Console console = Console.start(home)) {
            console.type(UP);
            console.await("echo remembered");
            console.type("\r");
            String shown = console.await(PROMPT);
            assertTrue(shown.lines().anyMatch("remembered"::equals), shown);
            console.type("exit\r");
            assertEquals(0, console.awaitExit(), console.shown());
            assertCleanEnd(console);
        }
    }

    @Test
    void withoutTheMlCommandsTheProfileStillSetsUpTheConsole() throws Exception {
        try (Console console = Console.start(home, "--feature", "dendrite-runtime")) {
            console.type("echo plain\r");
            console.await(PROMPT);
            console.type("exit\r");
            assertEquals(0, console.awaitExit(), console.shown());
            assertTrue(console.shown().contains("Dendrite: neural networks"), console.shown()); // the motd, after the completion setup
            assertCleanEnd(console);
        }
    }

    /** Runs {@code command} until it lists {@code name}: FileInstall picks up deploy/ within a poll interval. */
    private static void awaitListed(Console console, String command, String name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            console.type(command + "\r");
            if (console.await(PROMPT).contains(name)) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, command + " did not list " + name + ":\n" + console.shown());
        }
    }

    /**
     * Ended as Ctrl-D and exit end (Gogo says it stops the framework), on a real terminal, with
     * neither an error of etc/gosh_profile nor a stack trace.
     */
    private static void assertCleanEnd(Console console) {
        String shown = console.shown();
        assertFalse(shown.contains("dumb terminal"), shown); // JLine found its terminal providers
        assertTrue(shown.endsWith("gosh: stopping framework\n"), shown);
        assertFalse(shown.contains("ERROR") || shown.contains("Exception") || shown.contains("\tat "), shown);
    }
}
