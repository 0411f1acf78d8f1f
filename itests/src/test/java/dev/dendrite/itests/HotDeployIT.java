package dev.dendrite.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.tuning.TuningStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

/** Plug-in bundles arrive and leave while the platform runs: by installation, and through the deploy/ folder. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployIT {

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
    public void anInstalledActivationIsListedUsableAndGoneAfterUninstall() throws Exception {
        Shell shell = new Shell(processor);
        assertFalse(shell.run("ml:activations").contains("swish"));

        Bundle swish = context.installBundle(Path.of(System.getProperty("swish.jar")).toUri().toString());
        swish.start();
        Await.until("swish registered", () -> catalog.names(Activation.class).contains("swish"));

        String listed = shell.run("ml:activations");
        assertTrue(listed, listed.contains("swish") && listed.contains("dendrite-activation-swish 1.0.0"));
        String trained = shell.run("ml:train --activation swish --epochs 3 xor");
        assertTrue(trained, trained.contains("activation swish: dendrite-activation-swish 1.0.0"));

        swish.uninstall();
        Await.until("swish gone", () -> !catalog.names(Activation.class).contains("swish"));
        assertFalse(shell.run("ml:activations").contains("swish"));
        try {
            shell.run("ml:train --activation swish --epochs 3 xor");
            fail("training with an uninstalled activation must fail");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("unknown activation 'swish' (available: "));
        }
    }

    @Test
    public void anOptimizerDroppedIntoDeployIsPickedUpAndRemovedWithItsFile() throws Exception {
        Shell shell = new Shell(processor);
        Path deploy = Path.of(context.getProperty("felix.fileinstall.dir"));
        Path jar = deploy.resolve("lion.jar");
        Files.copy(Path.of(System.getProperty("lion.jar")), jar, StandardCopyOption.REPLACE_EXISTING);
        Await.until("lion deployed", () -> catalog.names(Optimizer.class).contains("lion"));

        String trained = shell.run("ml:train --optimizer lion --lr 0.01 --epochs 3 xor");
        assertTrue(trained, trained.contains("optimizer lion: dendrite-optimizer-lion 1.0.0"));

        Files.delete(jar);
        Await.until("lion removed", () -> !catalog.names(Optimizer.class).contains("lion"));
        assertEquals(-1, shell.run("ml:optimizers").indexOf("lion"));
    }

    /** A .cfg file in a watched folder reaches ConfigAdmin; changing it changes ml:train's defaults while the platform runs. */
    @Test
    public void configurationFilesApplyLive() throws Exception {
        Shell shell = new Shell(processor);
        Path cfg = Path.of(context.getProperty("felix.fileinstall.dir")).resolve("dev.dendrite.train.cfg");
        Files.writeString(cfg, "optimizer = adam\nepochs = 2\n");
        Await.until("adam is the default", () -> run(shell, "ml:train xor").contains("optimizer adam: "));
        Files.writeString(cfg, "optimizer = momentum\nepochs = 2\n");
        Await.until("momentum is the default", () -> run(shell, "ml:train xor").contains("optimizer momentum: "));
        assertTrue(run(shell, "ml:train --optimizer sgd xor").contains("optimizer sgd: "));
        Files.delete(cfg);
        Await.until("sgd is the default again", () -> run(shell, "ml:train --epochs 2 xor").contains("optimizer sgd: "));
    }

    private static String run(Shell shell, String command) {
        try {
            return shell.run(command);
        } catch (Exception e) {
            throw new AssertionError(command + ": " + e.getMessage(), e);
        }
    }

    /** The TPE strategy bundle arrives through deploy/ while the platform runs and ml:tune uses it. */
    @Test
    public void theTpeStrategyIsHotDeployedAndUsedByMlTune() throws Exception {
        Shell shell = new Shell(processor);
        for (Bundle b : context.getBundles()) {
            if ("dev.dendrite.tuning-tpe".equals(b.getSymbolicName())) {
                b.uninstall();
            }
        }
        Await.until("tpe gone", () -> !catalog.names(TuningStrategy.class).contains("tpe"));
        try {
            shell.run("ml:tune --strategy tpe --space \"lr=loguniform(1e-2,1)\" --trials 2 --epochs 2 xor");
            fail("tpe is not deployed");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("unknown strategy 'tpe' (available: grid, halving, random)"));
        }
        Path jar = Path.of(context.getProperty("felix.fileinstall.dir")).resolve("tpe.jar");
        Files.copy(Path.of(System.getProperty("tpe.jar")), jar, StandardCopyOption.REPLACE_EXISTING);
        Await.until("tpe deployed", () -> catalog.names(TuningStrategy.class).contains("tpe"));
        String out = shell.run("ml:tune --strategy tpe --options startup=3 --space \"lr=loguniform(1e-2,1); units=int(2,8)\" "
                + "--trials 8 --epochs 3 moons");
        assertTrue(out, out.contains("[8/8] trial ") && out.contains("8 trials: "));
        Files.delete(jar);
        Await.until("tpe removed", () -> !catalog.names(TuningStrategy.class).contains("tpe"));
    }
}
