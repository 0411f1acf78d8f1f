package dev.dendrite.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.dendrite.itests.broken.BrokenActivator;
import dev.dendrite.itests.broken.BrokenForward;
import dev.dendrite.itests.broken.BrokenUpdate;
import dev.dendrite.itests.broken.NanBackward;
import dev.dendrite.itests.broken.Tanh;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
 * Plug-ins that fail during a run, built as real bundles (classes of dev.dendrite.itests.broken,
 * registered by a plain activator) and installed the way a user installs one, with Gogo's
 * {@code start file:…}: the run ends with one line naming the plug-in, its bundle, the phase and
 * the iteration; the last completed epoch is saved with {@code --save}; the platform trains on.
 *
 * <p>{@code ml:train xor} with its defaults: 160 training samples in batches of 32, 5 iterations an
 * epoch; the hidden activation's forward runs once to evaluate the starting weights, then 7 times an
 * epoch (5 iterations, the training and the validation split), so call 18 is iteration 3 of epoch 3.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginFailureIT {

    @Inject
    private BundleContext context;

    @Inject
    private CommandProcessor processor;

    @Configuration
    public Option[] config() {
        return Distribution.options();
    }

    @Test
    public void anActivationFailingMidRunIsNamedAndTheKeptEpochIsSaved() throws Exception {
        Bundle broken = install("org.example.broken", BrokenForward.class, "broken", 18);
        String message = failure("ml:train --activation broken --save k xor");
        assertMatches("the activation 'broken' of bundle " + plugin(broken) + " failed in the forward of layer 1 at epoch 3,"
                + " iteration 13: forward is broken on purpose; the model of epoch 2 is kept as k: ", ".*k\\.model\\.json", message);
        assertTrue(run("ml:models"), listsModel("k"));
        assertTrainsXor();
    }

    @Test
    public void anActivationFailingFromItsFirstCallKeepsAndSavesNothing() throws Exception {
        Bundle broken = install("org.example.broken.forward", BrokenForward.class, "broken_forward", 1);
        String message = failure("ml:train --activation broken_forward --save nothing xor");
        assertEquals("the activation 'broken_forward' of bundle " + plugin(broken) + " failed in the forward of layer 1 while"
                + " evaluating the starting weights: forward is broken on purpose; no epoch was completed", message);
        assertFalse(run("ml:models"), listsModel("nothing"));
        assertTrainsXor();
    }

    @Test
    public void nanFromABackwardIsTracedToItsLayer() throws Exception {
        // two hidden layers: the backward of layer 2, then of layer 1, each iteration; call 3 is layer 2's of iteration 2
        Bundle nan = install("org.example.nan", NanBackward.class, "nan_backward", 3);
        String message = failure("ml:train --layers 8,8 --activation nan_backward xor");
        assertEquals("the activation 'nan_backward' of bundle " + plugin(nan) + " produced NaN in the backward of layer 2 at epoch 1,"
                + " iteration 2; no epoch was completed", message);
        assertTrainsXor();
    }

    @Test
    public void aThrowingOptimizerIsNamedInTheUpdateAndTheKeptEpochIsSaved() throws Exception {
        Bundle update = install("org.example.broken.optimizer", BrokenUpdate.class, "broken_update", 8);
        String message = failure("ml:train --optimizer broken_update --save u xor");
        assertMatches("the optimizer 'broken_update' of bundle " + plugin(update) + " failed in the update at epoch 2, iteration 8:"
                + " update is broken on purpose; the model of epoch 1 is kept as u: ", ".*u\\.model\\.json", message);
        assertTrainsXor();
    }

    @Test
    public void aHugeLearningRateEndsInDivergenceNotInCompletion() throws Exception {
        String message = failure("ml:train --optimizer adam --lr 1e9 --save huge xor");
        assertTrue(message, message.startsWith("training diverged at epoch 1 (the weights' norm "));
        assertTrue(message, message.endsWith("): try a smaller learning rate"));
        assertFalse(run("ml:models"), listsModel("huge"));
    }

    /** The other side of the divergence rules: the built-in data sets and the README's example train to the end. */
    @Test
    public void healthyRunsOfTheBuiltInDataSetsComplete() throws Exception {
        for (String command : new String[] {"ml:train xor", "ml:train moons", "ml:train circles", "ml:train spirals", "ml:train sine",
                "ml:train --layers 4,2 xor", "ml:train --optimizer adam spirals"}) {
            String output = run(command);
            assertTrue(command + ":\n" + output, output.contains(" (completed)"));
        }
    }

    /** Writes a bundle of the broken plug-in {@code type} registered as {@code name}, failing from call {@code from}, and starts it from the shell. */
    private Bundle install(String symbolicName, Class<?> type, String name, int from) throws Exception {
        Path jar = TestBundles.write(Files.createTempDirectory("dendrite-itest").resolve(symbolicName + "-1.0.0.jar"), Map.of(
                "Bundle-SymbolicName", symbolicName, "Bundle-Version", "1.0.0",
                "Bundle-Activator", BrokenActivator.class.getName(),
                "Import-Package", "dev.dendrite.api.math,dev.dendrite.api.nn,org.osgi.framework",
                "Broken-Plugin", type.getName(), "Broken-Name", name, "Broken-From", Integer.toString(from)),
                BrokenActivator.class, type, Tanh.class);
        run("start " + jar.toUri());
        Bundle bundle = Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError(symbolicName + " not installed"));
        Await.until(name + " registered", () -> run("ml:activations").contains(name) || run("ml:optimizers").contains(name));
        return bundle;
    }

    /** After a failed run the platform goes on: the next run trains to the end. */
    private void assertTrainsXor() {
        String output = run("ml:train xor");
        assertTrue(output, output.contains(" (completed)"));
    }

    /** The one line a failing command ends with. */
    private String failure(String command) {
        String output;
        try {
            output = new Shell(processor).run(command);
        } catch (Exception e) {
            System.out.println("PluginFailureIT: " + command + " -> " + e.getMessage());
            assertEquals(e.getMessage(), 1, e.getMessage().lines().count());
            return e.getMessage();
        }
        throw new AssertionError(command + " did not fail:\n" + output);
    }

    /** Whether ml:models lists a model of that name (the first column). */
    private boolean listsModel(String name) {
        return run("ml:models").lines().anyMatch(l -> l.split(" +")[0].equals(name));
    }

    private String run(String command) {
        try {
            return new Shell(processor).run(command);
        } catch (Exception e) {
            throw new AssertionError(command + ": " + e.getMessage(), e);
        }
    }

    private static void assertMatches(String prefix, String restPattern, String actual) {
        assertTrue(actual, actual.startsWith(prefix) && Pattern.matches(restPattern, actual.substring(prefix.length())));
    }

    /** How messages name a bundle: symbolic name, version, id. */
    private static String plugin(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]";
    }
}
