package dev.dendrite.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** How the integration tests start the packaged launcher ({@code bin/dendrite.jar}) of the distribution. */
final class Dendrite {

    /** The distribution the build assembled. */
    static final Path DIST = Path.of(System.getProperty("dendrite.dist", "target/dendrite")).toAbsolutePath();

    /** The JVM's own note about incubator modules (on JDK 21+, standard error), which is not the launcher's output. */
    static final String INCUBATOR_NOTE = "(?m)^WARNING: Using incubator modules: .*\\R";

    private static final Duration AWAIT_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MS = 20;

    /** A condition a test awaits. */
    interface Condition {
        boolean holds() throws Exception;
    }

    private Dendrite() {
    }

    /** Waits until {@code condition} holds, polling; fails, naming {@code what}, after a minute. */
    static void await(String what, Condition condition) throws Exception {
        await(what, AWAIT_TIMEOUT, condition);
    }

    static void await(String what, Duration timeout, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(POLL_MS);
        }
    }

    /**
     * The command line running the launcher with {@code args}, with the JVM flags ./dendrite passes
     * too: Felix 7.0.5 uses sun.misc.Unsafe, which JDK 24+ warns about; on JDK 21+ the fast maths
     * back-ends need the Vector API module and native access. It starts through perl (perl-base,
     * in every Debian), which gives SIGINT and SIGTERM their default action back: a build started
     * in the background of a script runs with SIGINT ignored, and its children inherit that, so a
     * test of Ctrl-C would test nothing.
     */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of("perl", "-e", "$SIG{INT} = $SIG{TERM} = 'DEFAULT'; exec {$ARGV[0]} @ARGV or die \"exec: $!\\n\"",
                "--", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dsun.misc.unsafe.memory.access=allow"));
        if (Runtime.version().feature() >= 21) {
            command.addAll(List.of("--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"));
        }
        command.addAll(List.of("-jar", DIST.resolve("bin/dendrite.jar").toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** A copy of the distribution in {@code dir/dist} that a test may change: bin/ and system/ linked, etc/ copied. */
    static Path privateDistribution(Path dir) throws IOException {
        Path home = dir.resolve("dist");
        Files.createDirectories(home.resolve("deploy"));
        Files.createSymbolicLink(home.resolve("system"), DIST.resolve("system"));
        Files.createSymbolicLink(home.resolve("bin"), DIST.resolve("bin"));
        Files.createDirectories(home.resolve("etc"));
        try (Stream<Path> files = Files.list(DIST.resolve("etc"))) {
            for (Path f : files.toList()) {
                Files.copy(f, home.resolve("etc").resolve(f.getFileName()));
            }
        }
        return home;
    }
}
