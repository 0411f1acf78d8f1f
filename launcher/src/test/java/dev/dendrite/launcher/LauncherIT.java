package dev.dendrite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged {@code bin/dendrite.jar} non-interactively, as scripts and CI do. */
class LauncherIT {

    private static final Path DIST = Path.of(System.getProperty("dendrite.dist", "target/dendrite"));

    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {
    }

    private Run dendrite(String... args) throws IOException, InterruptedException {
        // the JVM flags ./dendrite passes too: Felix 7.0.5 uses sun.misc.Unsafe, which JDK 24+ warns
        // about; on JDK 21+ the fast maths back-ends need the Vector API module and native access
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsun.misc.unsafe.memory.access=allow"));
        if (Runtime.version().feature() >= 21) {
            command.addAll(List.of("--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"));
        }
        command.addAll(List.of("-jar", DIST.resolve("bin/dendrite.jar").toString()));
        command.addAll(List.of(args));
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "dendrite did not exit within 120 s");
        // the JVM's own note about incubator modules is not the launcher's output
        String errors = Files.readString(err).replaceAll("(?m)^WARNING: Using incubator modules: .*\\R", "");
        return new Run(process.exitValue(), Files.readString(out), errors);
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
        assertTrue(run.err().trim().endsWith("available: dendrite-runtime, dendrite-core, dendrite-shell, dendrite-demo, dendrite-tpe, dendrite"),
                run.err());
    }

    @Test
    void badCommandLineExitsTwo() throws Exception {
        Run run = dendrite("--bogus");

        assertEquals(2, run.status());
        assertEquals("error: unknown option '--bogus' (see --help)\n", run.err());
    }

    /** A copy of the distribution (system/ linked, not copied) that a test may change. */
    private Path privateDistribution() throws IOException {
        Path home = tmp.resolve("dist");
        Files.createDirectories(home.resolve("deploy"));
        Files.createSymbolicLink(home.resolve("system"), DIST.resolve("system").toAbsolutePath());
        Files.createSymbolicLink(home.resolve("bin"), DIST.resolve("bin").toAbsolutePath());
        Files.createDirectories(home.resolve("etc"));
        try (var files = Files.list(DIST.resolve("etc"))) {
            for (Path f : files.toList()) {
                Files.copy(f, home.resolve("etc").resolve(f.getFileName()));
            }
        }
        return home;
    }

    @Test
    void aPlugInInDeployIsStartedBeforeTheCommandsRun() throws Exception {
        Path home = privateDistribution();
        Files.copy(Path.of(System.getProperty("lion.jar")), home.resolve("deploy/lion.jar"));
        Run run = dendrite("--home", home.toString(), "-c", "ml:optimizers");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("lion") && run.out().contains("dendrite-optimizer-lion 1.0.0"), run.out());
    }

    @Test
    void configurationInEtcSetsTheDefaults() throws Exception {
        Path home = privateDistribution();
        Files.writeString(home.resolve("etc/dev.dendrite.train.cfg"), "optimizer = adam\nlayers = 5\nepochs = 2\n");
        Run run = dendrite("--home", home.toString(), "-c", "ml:train xor");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("optimizer adam: dev.dendrite.optimizers"), run.out());
        assertTrue(run.out().contains("network 2-5-1"), run.out());
        assertTrue(run.out().contains("trained 2 epochs"), run.out());
    }
}
