package dev.dendrite.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * Plug-ins built against an earlier API keep installing and training: the example plug-ins as
 * built on commit ae10079 (API packages dev.dendrite.api.math and .nn at 1.0.0), kept as binaries
 * in src/test/resources/legacy-plugins (see its README.txt). Training goes through the shell's
 * command lines only, and services are looked up by interface name, so this test compiles
 * against no API type and pins what a user of an old plug-in sees.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LegacyPluginsIT {

    /** Relative to the itests module, failsafe's working directory. */
    private static final Path LEGACY = Path.of("src/test/resources/legacy-plugins").toAbsolutePath();

    /** The jars as built on ae10079 (their SHA-256, as in README.txt): never rebuilt, never replaced. */
    private static final Map<String, String> BUILT = Map.of(
            "dendrite-activation-swish-1.0.0.jar", "6147da8f3c52bea60f6d73b1569558f30ff3566a5145e938b1677e980e152b85",
            "dendrite-optimizer-lion-1.0.0.jar", "e96eff2698e5c3c0ecb30a1404dfd5d0315c4bb9aa1330d49684bc25e21ad2f2",
            "dendrite-activation-relu-override-1.0.0.jar", "8808462d4abb7dedc0ac06f12fbf9a372202b0f47c246bfc98fe631bb1dca161");

    /** Accuracy on xor's training and validation splits that a run must reach: every run measured reached 1.0000. */
    private static final double ACCURACY = 0.95;
    private static final double VAL_ACCURACY = 0.9;

    private static final String ACTIVATION = "dev.dendrite.api.nn.Activation";
    private static final String OPTIMIZER = "dev.dendrite.api.nn.Optimizer";

    private static final Pattern FIRST_EPOCH = Pattern.compile("(?m)^epoch +1  iteration +\\d+  loss (\\S+)  accuracy (\\S+)");
    private static final Pattern TRAINING = Pattern.compile("(?m)^training   loss (\\S+)  accuracy (\\S+)");
    private static final Pattern VALIDATION = Pattern.compile("(?m)^validation loss (\\S+)  accuracy (\\S+)");
    private static final Pattern TIMING = Pattern.compile("  \\d+ ms$");

    @Inject
    private BundleContext context;

    @Inject
    private CommandProcessor processor;

    @Configuration
    public Option[] config() {
        return Distribution.options();
    }

    @Test
    public void pluginJarsBuiltAgainstApi1_0InstallStartAndRegisterTheirServices() throws Exception {
        assertRegistered(install("dendrite-activation-swish-1.0.0.jar"), ACTIVATION, "swish");
        assertRegistered(install("dendrite-optimizer-lion-1.0.0.jar"), OPTIMIZER, "lion");
        assertRegistered(install("dendrite-activation-relu-override-1.0.0.jar"), ACTIVATION, "relu");
    }

    @Test
    public void aLegacyActivationTrainsFromTheShell() throws Exception {
        Bundle swish = install("dendrite-activation-swish-1.0.0.jar");
        assertRegistered(swish, ACTIVATION, "swish");

        Run run = train("ml:train --activation swish --epochs 30 --seed 1 xor");
        run.assertUses("activation swish", swish);
        run.assertLearned();
    }

    @Test
    public void aLegacyOptimizerIsListedWithItsBundle() throws Exception {
        Bundle lion = install("dendrite-optimizer-lion-1.0.0.jar");
        assertRegistered(lion, OPTIMIZER, "lion");

        String listed = new Shell(processor).run("ml:optimizers");
        String line = lineOf(listed, "lion");
        assertTrue(listed, line.contains(plugin(lion)));
        assertTrue(listed, line.contains("sign of interpolated momentum"));
    }

    @Test
    public void aLegacyOptimizerListingLrInItsDefaultsTrainsWithItsOwnDefaultRate() throws Exception {
        Bundle lion = install("dendrite-optimizer-lion-1.0.0.jar");
        assertRegistered(lion, OPTIMIZER, "lion");

        // lion's defaults() says lr = 0.001, small for sign updates: 100 epochs (500 updates) to learn xor
        Run byDefault = train("ml:train --optimizer lion --epochs 100 --seed 1 xor");
        byDefault.assertUses("optimizer lion", lion);
        byDefault.assertLearned();
        // the run without --lr is the run with --lr 0.001, epoch for epoch, number for number
        Run explicit = train("ml:train --optimizer lion --lr 0.001 --epochs 100 --seed 1 xor");
        assertEquals(byDefault.output + "\n---\n" + explicit.output, explicit.curve(), byDefault.curve());
    }

    @Test
    public void aLegacyOptimizerTrainsWithTheLearningRateTheUserGives() throws Exception {
        Bundle lion = install("dendrite-optimizer-lion-1.0.0.jar");
        assertRegistered(lion, OPTIMIZER, "lion");

        Run user = train("ml:train --optimizer lion --lr 0.01 --epochs 30 --seed 1 xor");
        user.assertUses("optimizer lion", lion);
        user.assertLearned();
        // the same run at lion's own rate (0.001) is another run, and ends with a higher loss
        Run byDefault = train("ml:train --optimizer lion --epochs 30 --seed 1 xor");
        assertNotEquals(user.output + "\n---\n" + byDefault.output, byDefault.curve(), user.curve());
        assertTrue(byDefault.output, user.finalLoss < byDefault.finalLoss);
    }

    @Test
    public void aLegacyActivationOutranksTheBuiltInOneOfTheSameName() throws Exception {
        Bundle relu = install("dendrite-activation-relu-override-1.0.0.jar");
        assertRegistered(relu, ACTIVATION, "relu");

        Shell shell = new Shell(processor);
        String listed = shell.run("ml:activations");
        List<String> relus = Arrays.stream(listed.split("\\R")).filter(l -> l.matches("[* ] +relu .*")).collect(Collectors.toList());
        assertEquals(listed, 2, relus.size());
        String selected = relus.stream().filter(l -> l.startsWith("*")).findFirst().orElseThrow(() -> new AssertionError(listed));
        assertTrue(listed, selected.matches("\\* +relu +100 +" + Pattern.quote(plugin(relu)) + " .*"));
        assertTrue(listed, relus.stream().anyMatch(l -> l.matches(" +relu +0 +dev\\.dendrite\\.activations .*")));

        Run run = train("ml:train --activation relu --epochs 30 --seed 1 xor");
        run.assertUses("activation relu", relu);
        run.assertLearned();
    }

    /** Installs (once per framework) and starts a legacy jar, and waits until it is ACTIVE. */
    private Bundle install(String jar) throws Exception {
        Path file = LEGACY.resolve(jar);
        assertTrue("missing " + file, Files.isRegularFile(file));
        assertEquals(file + " is not the jar built on ae10079 (see README.txt there)", BUILT.get(jar), sha256(file));
        Bundle bundle = context.installBundle(file.toUri().toString());
        bundle.start();
        Await.until(jar + " active", () -> bundle.getState() == Bundle.ACTIVE);
        return bundle;
    }

    /** The bundle registers a service of that interface with that name (DS registers it asynchronously). */
    private void assertRegistered(Bundle bundle, String type, String name) throws InterruptedException {
        assertEquals(Bundle.ACTIVE, bundle.getState());
        Await.until(bundle.getSymbolicName() + " registers " + type + " " + name, () -> registers(bundle, type, name));
    }

    private static boolean registers(Bundle bundle, String type, String name) {
        ServiceReference<?>[] services = bundle.getRegisteredServices();
        if (services == null) {
            return false;
        }
        for (ServiceReference<?> s : services) {
            if (Arrays.asList((String[]) s.getProperty(Constants.OBJECTCLASS)).contains(type) && name.equals(s.getProperty("name"))) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** How the shell names a plug-in's bundle: symbolic name, version, id. */
    private static String plugin(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]";
    }

    private static String lineOf(String listing, String name) {
        return Arrays.stream(listing.split("\\R")).filter(l -> l.matches("[* ] +" + name + " .*")).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not listed:\n" + listing));
    }

    private Run train(String command) throws Exception {
        Run run = new Run(command, new Shell(processor).run(command));
        System.out.printf("LegacyPluginsIT: %s -> first epoch loss %s; training loss %s accuracy %s; validation loss %s accuracy %s%n",
                command, run.firstLoss, run.finalLoss, run.finalAccuracy, run.validationLoss, run.validationAccuracy);
        return run;
    }

    /** What a run printed, with the numbers of its first epoch and of its final metrics. */
    private static final class Run {
        final String command;
        final String output;
        final double firstLoss;
        final double finalLoss;
        final double finalAccuracy;
        final double validationLoss;
        final double validationAccuracy;

        Run(String command, String output) {
            this.command = command;
            this.output = output;
            Matcher first = find(FIRST_EPOCH);
            Matcher training = find(TRAINING);
            Matcher validation = find(VALIDATION);
            firstLoss = Double.parseDouble(first.group(1));
            finalLoss = Double.parseDouble(training.group(1));
            finalAccuracy = Double.parseDouble(training.group(2));
            validationLoss = Double.parseDouble(validation.group(1));
            validationAccuracy = Double.parseDouble(validation.group(2));
        }

        private Matcher find(Pattern pattern) {
            Matcher m = pattern.matcher(output);
            if (!m.find()) {
                fail(command + ": no line matching " + pattern + " in\n" + output);
            }
            return m;
        }

        /** The run's printed epochs (without their timings) and final metrics. */
        List<String> curve() {
            return Arrays.stream(output.split("\\R"))
                    .filter(l -> l.startsWith("epoch ") || l.startsWith("training ") || l.startsWith("validation "))
                    .map(l -> TIMING.matcher(l).replaceFirst("")).collect(Collectors.toList());
        }

        void assertUses(String plugin, Bundle bundle) {
            assertTrue(command + ":\n" + output, output.contains("\n  " + plugin + ": " + plugin(bundle) + "\n"));
        }

        /** The loss fell below the first epoch's and the accuracies reached their thresholds. */
        void assertLearned() {
            assertTrue(command + ": final loss " + finalLoss + " not below the first epoch's " + firstLoss + "\n" + output,
                    finalLoss < firstLoss);
            assertTrue(command + ": training accuracy " + finalAccuracy + " < " + ACCURACY + "\n" + output, finalAccuracy >= ACCURACY);
            assertTrue(command + ": validation accuracy " + validationAccuracy + " < " + VAL_ACCURACY + "\n" + output,
                    validationAccuracy >= VAL_ACCURACY);
        }
    }
}
