package dev.dendrite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the packaged {@code bin/dendrite.jar} non-interactively, as scripts and CI do. */
class LauncherIT {

    @TempDir
    Path tmp;

    private Path out;
    private Path err;

    @BeforeEach
    void outputFiles() {
        out = tmp.resolve("out");
        err = tmp.resolve("err");
    }

    private record Run(int status, String out, String err) {
    }

    private Process start(String... args) throws IOException {
        return new ProcessBuilder(Dendrite.command(args)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    private Run dendrite(String... args) throws IOException, InterruptedException {
        Process process = start(args);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "dendrite did not exit within 120 s");
        return new Run(process.exitValue(), Files.readString(out), errors());
    }

    /** Standard error, without the JVM's own note about incubator modules. */
    private String errors() throws IOException {
        return Files.readString(err).replaceAll(Dendrite.INCUBATOR_NOTE, "");
    }

    @Test
    void commandOutputAndResultsArePrinted() throws Exception {
        // lb prints through System.out inside Gogo; echo returns its value
        Run run = dendrite("-c", "lb -s", "--command", "echo done");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("|org.apache.felix.scr"), run.out());
        assertTrue(run.out().contains(Launcher.SHELL_BUNDLE), run.out());
        assertTrue(run.out().endsWith("done\n"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void theValueOfEveryStatementIsPrinted() throws Exception {
        // Gogo alone would show only the last statement's value
        Run run = dendrite("-c", "new java.lang.String one; new java.lang.String two");

        assertEquals(0, run.status(), run.err());
        assertEquals("one\ntwo\n", run.out());
    }

    @Test
    void aFailingCommandStopsTheRunWithItsMessageAndStatusOne() throws Exception {
        Run run = dendrite("-c", "echo first; no-such-command; echo never", "-c", "echo nor-this");

        assertEquals(1, run.status());
        assertEquals("first\n", run.out());
        assertEquals("error: Command not found: no-such-command\n", run.err());
    }

    @Test
    void unknownFeatureFailsBeforeStarting() throws Exception {
        Run run = dendrite("--feature", "no-such-feature", "-c", "lb");

        assertEquals(1, run.status());
        assertTrue(run.err().startsWith("error: unknown feature 'no-such-feature'"), run.err());
        // the launcher's features first, then those of the repository it names (Karaf's)
        assertTrue(run.err().matches("(?s).*available: dendrite-runtime, (.*, )?dendrite, dendrite-core, dendrite-shell, dendrite-demo, dendrite-tpe(, .*)?\\s*"),
                run.err());
    }

    @Test
    void badCommandLineExitsTwo() throws Exception {
        Run run = dendrite("--bogus");

        assertEquals(2, run.status());
        assertEquals("error: unknown option '--bogus' (see --help)\n", run.err());
    }

    @Test
    void aPlugInInDeployIsStartedBeforeTheCommandsRun() throws Exception {
        Path home = Dendrite.privateDistribution(tmp);
        Files.copy(Path.of(System.getProperty("lion.jar")), home.resolve("deploy/lion.jar"));
        Run run = dendrite("--home", home.toString(), "-c", "ml:optimizers");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("lion") && run.out().contains("dendrite-optimizer-lion 1.0.0"), run.out());
    }

    @Test
    void configurationInEtcSetsTheDefaults() throws Exception {
        Path home = Dendrite.privateDistribution(tmp);
        Files.writeString(home.resolve("etc/dev.dendrite.train.cfg"), "optimizer = adam\nlayers = 5\nepochs = 2\n");
        Run run = dendrite("--home", home.toString(), "-c", "ml:train xor");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("optimizer adam: dev.dendrite.optimizers"), run.out());
        assertTrue(run.out().contains("network 2-5-1"), run.out());
        assertTrue(run.out().contains("trained 2 epochs"), run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalStopsTheRunningCommandWhichSaysWhatItKeptAndTheRunEndsWith130(String signal) throws Exception {
        Path home = Dendrite.privateDistribution(tmp);
        Process process = start("--home", home.toString(), "-c", "ml:train spirals --epochs 100000000 --save y; echo never-run");
        Dendrite.await("the first epoch's line", () -> ConsoleIT.FIRST_EPOCH.matcher(Files.readString(out)).find());

        // the shell's own kill (procps' /bin/kill is not on every Debian)
        new ProcessBuilder("sh", "-c", "kill -" + signal + " " + process.pid()).inheritIO().start().waitFor();

        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "dendrite did not stop within 30 s of SIG" + signal);
        String output = Files.readString(out);
        String errors = errors();
        assertEquals(Interruption.STATUS, process.exitValue(), errors);
        assertEquals(1, errors.lines().count(), errors); // the command's word on what it kept, alone
        assertTrue(errors.startsWith("interrupted"), errors);
        assertTrue(output.substring(output.indexOf("\nepoch")).lines().skip(1).allMatch(line -> line.startsWith("epoch")), output);
        assertTrue(Files.exists(home.resolve("models/y.model.json")), errors);
    }

    @Test
    void theStorageAKillLeftIsRemovedAtTheNextStartAndARunningPlatformsIsKept() throws Exception {
        Path home = Dendrite.privateDistribution(tmp);
        Process running = start("--home", home.toString(), "-c", "ml:train spirals --epochs 100000000");
        Path storage = home.resolve("cache").resolve(String.valueOf(running.pid()));
        Dendrite.await("the first epoch's line", () -> ConsoleIT.FIRST_EPOCH.matcher(Files.readString(out)).find());

        assertEquals(0, dendrite("--home", home.toString(), "-c", "echo done").status(), errors());
        assertTrue(Files.exists(storage.resolve(FrameworkStorage.STARTED)), "the running platform's storage");

        running.destroyForcibly().waitFor(); // kill -9: no shutdown hook runs
        assertTrue(Files.exists(storage), "left by kill -9");
        assertEquals(0, dendrite("--home", home.toString(), "-c", "echo done").status(), errors());
        assertFalse(Files.exists(storage), "removed at the next start");
    }
}
