package dev.dendrite.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.plugin.PluginInfo;
import dev.dendrite.itests.versioned.FailingActivator;
import dev.dendrite.itests.versioned.Gelu;
import dev.dendrite.itests.versioned.GeluActivator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Two versions of one plug-in bundle side by side in deploy/ ({@code gelu-1.0.0.jar} and
 * {@code gelu-1.1.0.jar}, symbolic name {@code org.example.gelu}): the newer serves new runs in
 * either install order, and the listing marks the older as shadowed. A jar that does not resolve,
 * and one that does not start, are reported by {@code ml:plugins --problems} with the cause.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginVersionsIT {
    private static final String GELU = "org.example.gelu";

    @Inject
    private BundleContext context;

    @Inject
    private PluginCatalog catalog;

    @Inject
    private CommandProcessor processor;

    @Configuration
    public Option[] config() {
        return Distribution.options();
    }

    @Test
    public void theNewerVersionServesWhenDeployedAfterTheOlder() throws Exception {
        sideBySide("1.0.0", "1.1.0");
    }

    @Test
    public void theNewerVersionServesWhenDeployedBeforeTheOlder() throws Exception {
        sideBySide("1.1.0", "1.0.0");
    }

    /** Every bundle of the distribution (and of the test container) works: nothing to report. */
    @Test
    public void theDistributionAloneHasNoProblems() throws Exception {
        Await.until("no test bundle left", () -> !problems().contains("org.example."));
        assertEquals("no problems: every installed bundle resolves, and every bundle asked to start is active", problems());
    }

    @Test
    public void aJarThatDoesNotResolveIsReportedWithTheMissingPackage() throws Exception {
        Path jar = TestBundles.write(deploy().resolve("unresolvable-1.0.0.jar"), Map.of(
                "Bundle-SymbolicName", "org.example.unresolvable", "Bundle-Version", "1.0.0",
                "Import-Package", "org.nobody.here;version=\"[1.0,2)\""));
        String problems = awaitProblem("org.example.unresolvable");
        System.out.println("ml:plugins --problems\n" + problems);
        assertTrue(problems, Pattern.compile("(?m)^org\\.example\\.unresolvable 1\\.0\\.0 \\[\\d+\\]  file:.*/unresolvable-1\\.0\\.0\\.jar$")
                .matcher(problems).find());
        assertTrue(problems, problems.contains("\n  does not resolve: missing osgi.wiring.package; "
                + "(&(osgi.wiring.package=org.nobody.here)(version>=1.0.0)(!(version>=2.0.0)))"));
        Files.delete(jar);
        Await.until("the unresolvable bundle uninstalled", () -> !problems().contains("org.example.unresolvable"));
    }

    @Test
    public void aJarThatDoesNotStartIsReportedWithTheError() throws Exception {
        Path jar = TestBundles.write(deploy().resolve("failing-1.0.0.jar"), Map.of(
                "Bundle-SymbolicName", "org.example.failing", "Bundle-Version", "1.0.0",
                "Bundle-Activator", FailingActivator.class.getName(), "Import-Package", "org.osgi.framework"), FailingActivator.class);
        String problems = awaitProblem("org.example.failing");
        System.out.println("ml:plugins --problems\n" + problems);
        assertTrue(problems, problems.contains("\n  does not start: ")
                && problems.contains("java.lang.IllegalStateException: fails to start on purpose"));
        Files.delete(jar);
        Await.until("the failing bundle uninstalled", () -> !problems().contains("org.example.failing"));
    }

    /** A bundle installed and never started (nothing asked for it) resolves when asked and is no problem. */
    @Test
    public void aBundleInstalledAndNotStartedIsNoProblem() throws Exception {
        Path jar = TestBundles.write(Files.createTempDirectory("dendrite-itest").resolve("idle-1.0.0.jar"), Map.of(
                "Bundle-SymbolicName", "org.example.idle", "Bundle-Version", "1.0.0", "Import-Package", "dev.dendrite.api.nn"));
        Bundle idle = context.installBundle(jar.toUri().toString());
        try {
            assertFalse(problems(), problems().contains("org.example.idle"));
            assertEquals(Bundle.RESOLVED, idle.getState());
        } finally {
            idle.uninstall();
        }
    }

    /** Deploys {@code first}, waits until it serves, deploys {@code second}: 1.1.0 serves and 1.0.0 is marked. */
    private void sideBySide(String first, String second) throws Exception {
        Path firstJar = deployGelu(first);
        Await.until("gelu " + first + " registered", () -> catalog.list(Activation.class).stream().anyMatch(p -> isGelu(p, first)));
        Path secondJar = deployGelu(second);
        Await.until("gelu " + second + " registered", () -> catalog.list(Activation.class).stream().anyMatch(p -> isGelu(p, second)));

        Shell shell = new Shell(processor);
        String listed = shell.run("ml:activations");
        System.out.println("deployed " + first + " then " + second + ": ml:activations\n" + listed);
        assertTrue(listed, Pattern.compile("(?m)^\\*  gelu +0 +org\\.example\\.gelu 1\\.1\\.0 \\[\\d+\\] +GELU, tanh form \\(test bundle 1\\.1\\.0\\)$")
                .matcher(listed).find());
        assertTrue(listed, Pattern.compile("(?m)^   gelu +0 +org\\.example\\.gelu 1\\.0\\.0 \\[\\d+\\] +"
                + "\\(shadowed by 1\\.1\\.0\\) GELU, tanh form \\(test bundle 1\\.0\\.0\\)$").matcher(listed).find());

        String trained = shell.run("ml:train --activation gelu --epochs 3 xor");
        String pluginLine = trained.lines().filter(l -> l.startsWith("  activation gelu: ")).findFirst().orElse("");
        System.out.println("deployed " + first + " then " + second + ": ml:train plug-in line\n" + pluginLine);
        assertTrue(trained, pluginLine.matches("  activation gelu: org\\.example\\.gelu 1\\.1\\.0 \\[\\d+\\]"));

        Files.delete(firstJar);
        Files.delete(secondJar);
        Await.until("gelu gone", () -> !catalog.names(Activation.class).contains("gelu"));
    }

    private static boolean isGelu(PluginInfo p, String version) {
        return p.name().equals("gelu") && p.bundleName().equals(GELU) && p.bundleVersion().equals(version);
    }

    private Path deployGelu(String version) throws Exception {
        return TestBundles.write(deploy().resolve("gelu-" + version + ".jar"), Map.of(
                "Bundle-SymbolicName", GELU, "Bundle-Version", version,
                "Bundle-Activator", GeluActivator.class.getName(),
                "Import-Package", "dev.dendrite.api.math,dev.dendrite.api.nn,org.osgi.framework"), Gelu.class, GeluActivator.class);
    }

    private String awaitProblem(String symbolicName) throws InterruptedException {
        Await.until(symbolicName + " reported", () -> problems().contains(symbolicName));
        return problems();
    }

    private String problems() {
        try {
            return new Shell(processor).run("ml:plugins --problems");
        } catch (Exception e) {
            throw new AssertionError("ml:plugins --problems: " + e.getMessage(), e);
        }
    }

    private Path deploy() {
        return Path.of(context.getProperty("felix.fileinstall.dir"));
    }
}
