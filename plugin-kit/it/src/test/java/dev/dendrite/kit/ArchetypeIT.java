package dev.dendrite.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;

/**
 * The author kit as an author meets it. A project of every kind, generated from the archetype
 * into a temporary folder, builds with {@code mvn verify} and runs its tests; the activation's
 * and the optimizer's jars, copied unchanged into a distribution's deploy/ folder, train; and
 * each project with its maths broken on purpose fails its build in a test. The nested builds run
 * offline on the local repository of this build, into which invoker:install put the reactor's
 * plug-in parent, archetype, API and test support.
 */
class ArchetypeIT {

    private static final Path DIST = Path.of(System.getProperty("dendrite.dist"));
    private static final String VERSION = System.getProperty("dendrite.version");
    private static final String ARCHETYPE_PLUGIN =
            "org.apache.maven.plugins:maven-archetype-plugin:" + System.getProperty("archetype.version") + ":generate";

    /**
     * A kind of plug-in: its generated class, a change to that class that makes its result wrong,
     * and the ml:train option that uses it (null when this test does not train with it).
     */
    enum Kind {
        ACTIVATION("MyActivation", "dz[i] = da[i] * sigmoid(zv[i]);", "dz[i] = da[i] * sigmoid(zv[i]) * 1.01;",
                "ml:train --activation %s --epochs 3 xor", "activation %s: %<s 1.0.0 ["),
        LOSS("MyLoss", "da[i] = Math.tanh(av[i] - yv[i]);", "da[i] = Math.tanh(av[i] - yv[i]) * 1.01;",
                "ml:train --loss %s --epochs 3 sine", "loss %s: %<s 1.0.0 ["),
        OPTIMIZER("MyOptimizer", "theta[i] -= learningRate", "theta[i] += learningRate",
                "ml:train --optimizer %s --epochs 3 xor", "optimizer %s: %<s 1.0.0 ["),
        BACKEND("MyMatrixMath", "Arrays.fill(cv, 0);", "", "ml:train --backend %s --epochs 3 xor", "backend %s: %<s 1.0.0 ["),
        DATASET("MyDataSetProvider", "new Random(seed)", "new Random()", "ml:train --epochs 3 %s", "data %s: "),
        STRATEGY("MyStrategy", ".min(Comparator", ".max(Comparator",
                "ml:tune --strategy %s --space \"lr=loguniform(0.01,1)\" --trials 2 --epochs 2 xor", "[2/2] trial ");

        final String className;
        final String correct;
        final String broken;
        /** A command that uses the plug-in by its name ({@code %s}), and what its output then shows. */
        final String use;
        final String evidence;

        Kind(String className, String correct, String broken, String use, String evidence) {
            this.className = className;
            this.correct = correct;
            this.broken = broken;
            this.use = use;
            this.evidence = evidence;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Also the plug-in's name and its bundle's symbolic name: the archetype takes both from it. */
        String artifactId() {
            return "kit-" + id();
        }

        String jarName() {
            return artifactId() + "-1.0.0.jar";
        }
    }

    private record Run(int status, String out) {
    }

    private record TestCounts(int run, int failed) {
    }

    /** A Maven build of every generated project: its output and each project's test counts. */
    private record Build(Run run, Map<Kind, TestCounts> tests) {
    }

    @TempDir
    static Path tmp;
    private static Path jars;
    private static Build correct;
    private static Build broken;

    /**
     * Generates a project of every kind, builds them, keeps their jars, breaks each one and builds
     * them again. The projects build in one Maven run, as modules of an aggregator that only lists
     * them (each keeps dendrite-plugin-parent as its only parent): one Maven start instead of six.
     */
    @BeforeAll
    static void generateBuildBreakAndBuildAgain() throws Exception {
        Path projects = Files.createDirectories(tmp.resolve("projects"));
        for (Kind kind : Kind.values()) {
            Run generated = generate(projects, kind.artifactId(), kind.id());
            assertEquals(0, generated.status(), generated.out());
        }
        Files.writeString(projects.resolve("pom.xml"), aggregator());

        correct = build(projects);
        jars = Files.createDirectories(tmp.resolve("jars"));
        for (Kind kind : Kind.values()) {
            Path jar = projects.resolve(kind.artifactId() + "/target/" + kind.jarName());
            if (Files.isRegularFile(jar)) {
                Files.copy(jar, jars.resolve(kind.jarName()));
            }
            Path source = projects.resolve(kind.artifactId() + "/src/main/java/org/example/kit/" + kind.className + ".java");
            String code = Files.readString(source);
            assertTrue(code.contains(kind.correct), "the code to break is no longer in " + source + ":\n" + code);
            Files.writeString(source, code.replace(kind.correct, kind.broken));
        }
        broken = build(projects);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aGeneratedProjectBuildsRunsItsTestsAndMakesAJar(Kind kind) {
        TestCounts counts = correct.tests().get(kind);
        assertTrue(counts.run() > 0 && counts.failed() == 0, kind + ": " + counts + "\n" + correct.run().out());
        assertTrue(Files.isRegularFile(jars.resolve(kind.jarName())), correct.run().out());
        assertEquals(0, correct.run().status(), correct.run().out());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void itsBuildFailsInATestWhenItsMathsAreBroken(Kind kind) {
        assertTrue(broken.tests().get(kind).failed() > 0, kind + ": no test failed\n" + broken.run().out());
        assertNotEquals(0, broken.run().status(), broken.run().out());
    }

    @Test
    void anUnknownKindFailsTheGenerationAndLeavesNoProject() throws IOException, InterruptedException {
        Path folder = Files.createDirectories(tmp.resolve("unknown"));
        Run run = generate(folder, "kit-unknown", "activations");
        assertNotEquals(0, run.status(), run.out());
        assertTrue(run.out().contains("-Dkind must be one of activation, loss, optimizer, backend, dataset, strategy;"
                + " got 'activations'"), run.out());
        assertFalse(Files.exists(folder.resolve("kit-unknown")), "a project without code was left behind");
    }

    /**
     * Copies the jars of every kind, unchanged, into deploy/ of a private distribution and runs a
     * command that uses each by name (trains with the activation, loss, optimizer, back-end and data
     * set; tunes with the strategy); the launcher starts the bundles of deploy/ before it runs commands.
     */
    @Test
    void everyKindServesACommandInARunningDistribution() throws IOException, InterruptedException {
        Path home = privateDistribution();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsun.misc.unsafe.memory.access=allow"));
        if (Runtime.version().feature() >= 21) {
            command.addAll(List.of("--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"));
        }
        command.addAll(List.of("-jar", DIST.resolve("bin/dendrite.jar").toString(), "--home", home.toString()));
        for (Kind kind : Kind.values()) {
            Files.copy(jars.resolve(kind.jarName()), home.resolve("deploy").resolve(kind.jarName()));
            command.addAll(List.of("-c", String.format(kind.use, kind.artifactId())));
        }

        Run run = run(new ProcessBuilder(command), 180);

        assertEquals(0, run.status(), run.out());
        for (Kind kind : Kind.values()) {
            // e.g. the plug-ins section of a training run names it with its bundle: symbolic name, version, id
            assertTrue(run.out().contains(String.format(kind.evidence, kind.artifactId())), kind + ": " + run.out());
        }
        assertEquals(5, run.out().split("trained 3 epochs", -1).length - 1, run.out());
    }

    /** archetype:generate of a project of that kind into {@code folder}, as an author runs it. */
    private static Run generate(Path folder, String artifactId, String kind) throws IOException, InterruptedException {
        return mvn(folder, "-q", ARCHETYPE_PLUGIN, "-DinteractiveMode=false", "-DarchetypeGroupId=dev.dendrite",
                "-DarchetypeArtifactId=dendrite-plugin-archetype", "-DarchetypeVersion=" + VERSION,
                "-DgroupId=org.example.kit", "-DartifactId=" + artifactId, "-Dversion=1.0.0", "-Dkind=" + kind);
    }

    /** A distribution of its own (system/ and bin/ linked, etc/ copied), with an empty deploy/. */
    private static Path privateDistribution() throws IOException {
        Path home = tmp.resolve("dist");
        Files.createDirectories(home.resolve("deploy"));
        Files.createSymbolicLink(home.resolve("system"), DIST.resolve("system").toAbsolutePath());
        Files.createSymbolicLink(home.resolve("bin"), DIST.resolve("bin").toAbsolutePath());
        Files.createDirectories(home.resolve("etc"));
        try (Stream<Path> files = Files.list(DIST.resolve("etc"))) {
            for (Path f : files.toList()) {
                Files.copy(f, home.resolve("etc").resolve(f.getFileName()));
            }
        }
        return home;
    }

    private static String aggregator() {
        String modules = Arrays.stream(Kind.values())
                .map(k -> "    <module>" + k.artifactId() + "</module>")
                .collect(Collectors.joining("\n"));
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.example.kit</groupId>
                  <artifactId>kit-all</artifactId>
                  <version>1.0.0</version>
                  <packaging>pom</packaging>
                  <modules>
                %s
                  </modules>
                </project>
                """.formatted(modules);
    }

    /** {@code mvn verify --fail-at-end}: a project whose tests fail does not stop the others. */
    private static Build build(Path projects) throws Exception {
        Run run = mvn(projects, "verify", "--fail-at-end");
        Map<Kind, TestCounts> tests = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            tests.put(kind, testCounts(projects.resolve(kind.artifactId())));
        }
        return new Build(run, tests);
    }

    /** The Maven of the build that runs this test, offline, on that build's local repository. */
    private static Run mvn(Path folder, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("maven.bin"), "-B", "-o",
                "-Dmaven.repo.local=" + System.getProperty("maven.repo.local")));
        command.addAll(List.of(args));
        return run(new ProcessBuilder(command).directory(folder.toFile()), 600);
    }

    private static Run run(ProcessBuilder process, int seconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile(tmp, "out", ".log");
        Process p = process.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(process.command() + " did not end within " + seconds + " s:\n" + Files.readString(out));
        }
        return new Run(p.exitValue(), Files.readString(out));
    }

    /** The sums over a project's surefire reports; none when its tests did not run. */
    private static TestCounts testCounts(Path project) throws Exception {
        Path reports = project.resolve("target/surefire-reports");
        if (!Files.isDirectory(reports)) {
            return new TestCounts(0, 0);
        }
        int run = 0;
        int failed = 0;
        try (Stream<Path> files = Files.list(reports)) {
            for (Path report : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile()).getDocumentElement();
                run += Integer.parseInt(suite.getAttribute("tests"));
                failed += Integer.parseInt(suite.getAttribute("failures")) + Integer.parseInt(suite.getAttribute("errors"));
            }
        }
        return new TestCounts(run, failed);
    }
}
