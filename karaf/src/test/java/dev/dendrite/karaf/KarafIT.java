package dev.dendrite.karaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dendrite in a real Apache Karaf 4.4: the distribution this module builds (target/assembly, a
 * fresh copy) started as a user starts it, bin/karaf in a terminal, and used through Karaf's own
 * console: its boot features installed, every bundle active, training, tuning, a plug-in dropped
 * into Karaf's deploy/, the configuration files in etc/, help, bad input and Ctrl-C.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KarafIT {

    /** The Dendrite bundles of dendrite-shell, dendrite-demo and dendrite-tpe. */
    private static final int DENDRITE_BUNDLES = 20;

    @TempDir
    static Path tmp;

    private static Path karaf;
    private static KarafConsole console;

    @BeforeAll
    static void startKaraf() throws IOException, InterruptedException {
        karaf = tmp.resolve("karaf");
        copy(Path.of(System.getProperty("karaf.assembly", "target/assembly")), karaf);
        console = KarafConsole.start(karaf);
    }

    @AfterAll
    static void stopKaraf() throws InterruptedException {
        if (console != null) {
            console.close();
        }
    }

    @Test
    @Order(1)
    void theBootFeaturesInstalledEveryDendriteBundleAndAllAreActive() throws Exception {
        // the console opens while the boot features still start
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> bundles;
        String list;
        do {
            list = console.run("bundle:list -t 0 -s --no-format");
            bundles = list.lines().filter(line -> line.contains("dev.dendrite.")).toList();
        } while ((bundles.size() < DENDRITE_BUNDLES || !bundles.stream().allMatch(KarafIT::active))
                && System.nanoTime() < deadline && sleep()); // (Karaf's own commands may not be there yet either)

        assertEquals(DENDRITE_BUNDLES, bundles.size(), list);
        assertTrue(bundles.stream().allMatch(KarafIT::active), list);
        String features = console.run("feature:list -i | grep dendrite");
        for (String feature : List.of("dendrite-core", "dendrite-shell", "dendrite-demo", "dendrite-tpe")) {
            assertTrue(features.contains(feature + " "), features);
        }
        String repositories = console.run("feature:list | grep dendrite-runtime");
        assertFalse(repositories.contains("dendrite-runtime "), repositories); // launcher-only features are not offered
    }

    @Test
    @Order(2)
    void theDefaultConfigurationIsInKarafsEtc() throws IOException {
        String train = Files.readString(karaf.resolve("etc/dev.dendrite.train.cfg"));
        assertTrue(train.contains("epochs = 100"), train);
        assertTrue(Files.readString(karaf.resolve("etc/dev.dendrite.math.ejml.mt.config")).contains("threads=I\"0\""));
        assertTrue(Files.readString(karaf.resolve("etc/dev.dendrite.studies.cfg")).contains("#storage = postgresql://"));
    }

    @Test
    @Order(3)
    void mlTrainXorReachesFullAccuracy() throws Exception {
        String run = console.run("ml:train xor");

        assertTrue(run.contains("trained 100 epochs"), run);
        assertTrue(run.contains("validation loss") && run.matches("(?s).*validation loss \\S+  accuracy 1\\.0000.*"), run);
    }

    @Test
    @Order(4)
    void aPlugInDroppedIntoKarafsDeployIsUsed() throws Exception {
        Files.copy(Path.of(System.getProperty("swish.jar")), karaf.resolve("deploy/swish.jar"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String activations;
        do {
            Thread.sleep(500);
            activations = console.run("ml:activations");
        } while (!activations.contains("swish") && System.nanoTime() < deadline);
        assertTrue(activations.contains("dendrite-activation-swish 1.0.0"), activations);

        String run = console.run("ml:train --activation swish --epochs 3 xor");
        assertTrue(run.contains("activation swish: dendrite-activation-swish 1.0.0"), run);
        assertTrue(run.contains("trained 3 epochs"), run);
    }

    @Test
    @Order(5)
    void mlTuneRunsAStudy() throws Exception {
        String run = console.run("ml:tune xor --strategy tpe --space 'lr=loguniform(0.01,1)' --trials 4 --epochs 5");

        assertTrue(run.contains("4 trials: 4 complete"), run);
        assertTrue(run.contains("rank  trial"), run);
    }

    @Test
    @Order(6)
    void helpListsTheOptionsWithTheirDefaults() throws Exception {
        String help = console.run("help ml:train");
        assertTrue(help.contains("--epochs N") && help.contains("(default 100)"), help);
        assertTrue(help.contains("--activation NAME") && help.contains("(default tanh)"), help);

        String usage = console.run("ml:train --help");
        assertTrue(usage.contains("usage: ml:train [options] DATASET"), usage);
    }

    @Test
    @Order(7)
    void badInputIsOneLineAndNoErrorInKarafsLog() throws Exception {
        String run = console.run("ml:train --epoch 5 xor");

        assertEquals(List.of("error: ml:train has no option --epoch; did you mean --epochs? (ml:train --help)"),
                output(run));
        String log = Files.readString(karaf.resolve("data/log/karaf.log"));
        assertFalse(log.contains("| ERROR |"), log);
    }

    @Test
    @Order(8)
    void ctrlCStopsATrainingWithinASecondAndTheLastEpochIsSaved() throws Exception {
        console.type("ml:train spirals --epochs 100000000 --save interrupted\r");
        console.await("epoch    1 "); // progress shows while the command runs
        List<String> running = trainingThreads(); // (jcmd attached once: the next dumps are quick)

        console.type(KarafConsole.CTRL_C); // before any assertion: a failure must not leave the training running
        long pressed = System.nanoTime();
        assertEquals(1, running.size(), "training threads before Ctrl-C: " + running);
        while (!trainingThreads().isEmpty()) {
            assertTrue(System.nanoTime() - pressed < TimeUnit.SECONDS.toNanos(1), "the training still runs 1 s after Ctrl-C");
            Thread.sleep(50);
        }
        String stopped = console.await(KarafConsole.PROMPT);
        Matcher kept = Pattern.compile("interrupted at epoch (\\d+); the model of epoch (\\d+) is kept as interrupted: (\\S+)")
                .matcher(stopped);
        assertTrue(kept.find(), stopped);
        Path model = Path.of(kept.group(3));
        assertEquals(karaf.resolve("data/dendrite/models/interrupted.model.json").toRealPath(), model.toRealPath());

        Thread.sleep(300);
        String eval = console.run("ml:eval interrupted spirals");
        assertTrue(eval.contains("accuracy"), eval);
    }

    @Test
    @Order(9)
    void ctrlCStopsAStudyAndItsRunningTrials() throws Exception {
        console.type("ml:tune spirals --strategy random --space 'lr=uniform(0.01,0.1)' --trials 2 --parallel 2 --epochs 100000000\r");
        console.await("study (not saved)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (trainingThreads().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<String> running = trainingThreads();

        console.type(KarafConsole.CTRL_C); // before any assertion: a failure must not leave the trials running
        assertEquals(2, running.size(), "the two trials did not start: " + running);
        long pressed = System.nanoTime();
        while (!trainingThreads().isEmpty()) {
            assertTrue(System.nanoTime() - pressed < TimeUnit.SECONDS.toNanos(2), "trials still run 2 s after Ctrl-C");
            Thread.sleep(50);
        }
        String stopped = console.await(KarafConsole.PROMPT);
        assertTrue(stopped.contains("interrupted"), stopped);
    }

    @Test
    @Order(10)
    void mlLogShowsTheEndOfKarafsLog() throws Exception {
        String log = console.run("ml:log --lines 200");

        assertTrue(log.contains("| saved model interrupted: "), log);
        assertTrue(log.contains("| bundle dendrite-activation-swish 1.0.0 ") && log.contains(" installed: "), log);
    }

    @Test
    @Order(11)
    void tabCompletesTheOptionsOfAnMlCommandAndTheirValues() throws Exception {
        try {
            tabCompletes();
        } finally {
            console.type(KarafConsole.CTRL_U); // the next test's line starts empty
        }
        // the hidden command Tab uses, run: the candidates of the last word
        assertEquals(List.of("random"), output(console.run("ml:_complete ml:tune --strategy r")));
    }

    private static void tabCompletes() throws Exception {
        console.type("ml:train --ep" + KarafConsole.TAB);
        console.await("ochs "); // the one option that starts so, completed
        console.type(KarafConsole.CTRL_U + "ml:train --" + KarafConsole.TAB);
        String options = console.await("--optimizer");
        assertTrue(options.contains("--epochs") && options.contains("--activation"), options);
        assertTrue(options.contains("(epochs: passes over the training data)"), options); // with their help

        console.type(KarafConsole.CTRL_U + "ml:train --optimizer " + KarafConsole.TAB);
        String optimizers = console.await("sgd");
        assertTrue(optimizers.contains("adam") && optimizers.contains("momentum") && optimizers.contains("rmsprop"), optimizers);

        // live: the plug-in dropped into deploy/ (4), a built-in data set
        console.type(KarafConsole.CTRL_U + "ml:train --activation sw" + KarafConsole.TAB);
        console.await("ish ");
        console.type(KarafConsole.CTRL_U + "train --epochs 3 spi" + KarafConsole.TAB);
        console.await("rals ");
    }

    @Test
    @Order(12)
    void helpMlListsTheMlCommandsWithALineOnEach() throws Exception {
        String help = console.run("help ml");

        assertTrue(help.matches("(?s).*\\bml:train\\W+trains a network on a data set; ml:train --help lists.*"), help);
        assertTrue(help.matches("(?s).*\\bml:tune\\W+searches hyperparameters.*"), help);
        assertTrue(help.matches("(?s).*\\bml:uat\\W+universal approximation demo.*"), help); // the demo bundle's commands too
        String train = console.run("ml:help train");
        assertTrue(train.contains("--epochs N") && train.contains("(default 100)"), train);
    }

    private static boolean active(String bundleLine) {
        return bundleLine.matches("\\s*\\d+\\s+Active\\s.*");
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(500);
        return true;
    }

    /** The lines a command printed: without the line typed and Karaf's marker line before the prompt ({@code ~}). */
    private static List<String> output(String run) {
        return run.lines().skip(1).filter(line -> !line.isBlank() && !line.strip().equals("~")).toList();
    }

    /**
     * How many threads of Karaf's JVM drive a training now (a thread dump by jcmd): threads in the epoch loop, not the
     * helpers a run lends work to (an evaluation's chunks run on other threads too).
     */
    private static List<String> trainingThreads() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(console.jvm().pid()), "Thread.print").redirectErrorStream(true).start();
        String dump = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        assertTrue(dump.contains("Full thread dump"), dump);
        return Stream.of(dump.split("\n\n")).filter(thread -> thread.contains("dev.dendrite.nn.TrainingRun.execute("))
                .map(thread -> thread.strip().lines().findFirst().orElseThrow()).toList(); // the thread's header line
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
