package dev.dendrite.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataService;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.DenseLayer;
import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingInterruptedException;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.plugin.PluginInfo;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Implementations swap while the platform runs: ranking, updates, removal mid-run, back-ends. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class LiveSwapIT {

    @Inject
    private BundleContext context;

    @Inject
    private PluginCatalog catalog;

    @Inject
    private Trainer trainer;

    @Inject
    private DataService data;

    @Inject
    private CommandProcessor processor;

    @Configuration
    public Option[] config() {
        return Distribution.options();
    }

    private PluginInfo selectedRelu() {
        return catalog.list(Activation.class).stream().filter(p -> p.name().equals("relu") && p.selected()).findFirst().orElseThrow();
    }

    @Test
    public void aHigherRankedReluTakesOverNewRunsAndRemovingItSwitchesBack() throws Exception {
        Shell shell = new Shell(processor);
        assertEquals("dev.dendrite.activations", selectedRelu().bundleName());

        Path jar = deployFolder().resolve("relu.jar");
        Files.copy(Path.of(System.getProperty("relu.jar")), jar, StandardCopyOption.REPLACE_EXISTING);
        Await.until("the ranked relu selected", () -> selectedRelu().bundleName().equals("dendrite-activation-relu-override"));

        String listed = shell.run("ml:activations");
        assertTrue(listed, listed.contains("dendrite-activation-relu-override 1.0.0") && listed.contains("dev.dendrite.activations"));
        assertEquals(2, catalog.list(Activation.class).stream().filter(p -> p.name().equals("relu")).count());
        assertEquals(100, selectedRelu().ranking());
        String trained = shell.run("ml:train --activation relu --epochs 2 xor");
        assertTrue(trained, trained.contains("activation relu: dendrite-activation-relu-override 1.0.0"));

        Files.delete(jar);
        Await.until("the platform's relu selected again", () -> selectedRelu().bundleName().equals("dev.dendrite.activations"));
        trained = shell.run("ml:train --activation relu --epochs 2 xor");
        assertTrue(trained, trained.contains("activation relu: dev.dendrite.activations"));
    }

    @Test
    public void replacingADeployedJarWithANewerVersionUpdatesTheBundle() throws Exception {
        Path jar = deployFolder().resolve("swish.jar");
        Files.copy(Path.of(System.getProperty("swish.jar")), jar, StandardCopyOption.REPLACE_EXISTING);
        Await.until("swish 1.0.0", () -> swishVersion().equals("1.0.0"));
        long id = catalog.list(Activation.class).stream().filter(p -> p.name().equals("swish")).findFirst().orElseThrow().bundleId();

        Path newer = Files.createTempFile("swish-1.1.0", ".jar");
        withVersion(Path.of(System.getProperty("swish.jar")), newer, "1.1.0");
        Files.copy(newer, jar, StandardCopyOption.REPLACE_EXISTING);
        Await.until("swish 1.1.0", () -> swishVersion().equals("1.1.0"));
        PluginInfo swish = catalog.list(Activation.class).stream().filter(p -> p.name().equals("swish")).findFirst().orElseThrow();
        assertEquals("updated in place, same bundle", id, swish.bundleId());
        String trained = new Shell(processor).run("ml:train --activation swish --epochs 2 xor");
        assertTrue(trained, trained.contains("activation swish: dendrite-activation-swish 1.1.0"));
        Files.delete(jar);
        Await.until("swish gone", () -> swishVersion().isEmpty());
    }

    @Test
    public void removingAPluginDuringARunStopsItCleanlyAndKeepsTheLastCompletedEpoch() throws Exception {
        Bundle swish = context.installBundle(Path.of(System.getProperty("swish.jar")).toUri().toString());
        swish.start();
        Await.until("swish registered", () -> !swishVersion().isEmpty());
        DataSplit split = data.load("spirals", new DataOptions(null, 0.2, 1));
        TrainingRequest spec = TrainingRequest.builder().activation("swish").epochs(500).hiddenLayers(List.of(32)).build();
        CountDownLatch secondEpochDone = new CountDownLatch(1);
        CountDownLatch removed = new CountDownLatch(1);
        TrainingListener pauseAfterEpochTwo = new TrainingListener() {
            @Override
            public void epoch(EpochReport report) {
                if (report.epoch() == 2) {
                    secondEpochDone.countDown();
                    try {
                        removed.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        Throwable[] outcome = new Throwable[1];
        Thread run = new Thread(() -> {
            try {
                trainer.train(spec, split, pauseAfterEpochTwo);
            } catch (Throwable t) {
                outcome[0] = t;
            }
        });
        run.start();
        assertTrue(secondEpochDone.await(30, TimeUnit.SECONDS));
        long id = swish.getBundleId();
        swish.uninstall();
        removed.countDown();
        run.join(30_000);
        assertTrue("the run stopped promptly", !run.isAlive());

        if (!(outcome[0] instanceof TrainingInterruptedException)) {
            fail("expected a TrainingInterruptedException, got " + outcome[0]);
        }
        TrainingInterruptedException e = (TrainingInterruptedException) outcome[0];
        assertEquals("the activation 'swish' of bundle dendrite-activation-swish 1.0.0 [" + id + "] went away during epoch 3; "
                + "the model of epoch 2 is kept", e.getMessage());
        assertNotNull(e.partial());
        assertEquals(2, e.partial().history().size());
        assertEquals("swish", e.partial().model().layers().get(0).activation());

        // the platform stays healthy: the next run trains normally
        TrainingResult next = trainer.train(TrainingRequest.builder().epochs(3).build(), split, TrainingListener.NONE);
        assertEquals(3, next.history().size());
    }

    @Test
    public void theConcurrentBackEndGivesTheSameResultsAsTheDefault() {
        assertTrue(catalog.names(MatrixMath.class).containsAll(List.of("ejml", "ejml-mt")));
        DataSplit split = data.load("spirals", new DataOptions(null, 0.2, 3));
        TrainingRequest spec = TrainingRequest.builder().hiddenLayers(List.of(64, 32)).epochs(10).build();
        TrainingResult single = trainer.train(spec.toBuilder().backend("ejml").build(), split, TrainingListener.NONE);
        TrainingResult concurrent = trainer.train(spec.toBuilder().backend("ejml-mt").build(), split, TrainingListener.NONE);
        assertTrue(concurrent.plugins().toString(), concurrent.plugins().stream().anyMatch(p -> p.startsWith("backend ejml-mt:")));
        double worst = 0;
        for (int l = 0; l < single.model().layers().size(); l++) {
            DenseLayer a = single.model().layers().get(l);
            DenseLayer b = concurrent.model().layers().get(l);
            for (int i = 0; i < a.weights().data().length; i++) {
                double x = a.weights().data()[i];
                worst = Math.max(worst, Math.abs(x - b.weights().data()[i]) / Math.max(Math.abs(x), 1e-12));
            }
        }
        assertTrue("relative difference " + worst, worst < 1e-9);
        assertEquals(single.validation().cost(), concurrent.validation().cost(), 1e-9 * single.validation().cost());
    }

    private Path deployFolder() {
        return Path.of(context.getProperty("felix.fileinstall.dir"));
    }

    private String swishVersion() {
        return catalog.list(Activation.class).stream().filter(p -> p.name().equals("swish")).map(PluginInfo::bundleVersion)
                .findFirst().orElse("");
    }

    /** Copies a bundle jar with another Bundle-Version. */
    private static void withVersion(Path source, Path target, String version) throws Exception {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(source))) {
            Manifest manifest = in.getManifest();
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    copy(in, out);
                    out.closeEntry();
                }
            }
        }
    }

    private static void copy(InputStream in, OutputStream out) throws java.io.IOException {
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
        }
    }
}
