package dev.dendrite.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.DenseLayer;
import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.LearningRateSchedule;
import dev.dendrite.api.nn.Metrics;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.nn.TrainingRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Schedules, early stopping, metrics, initializers and evaluation of the trainer. */
class TrainingFeaturesTest {
    private final NetworkTrainer trainer = new NetworkTrainer(new LocalPlugins());

    private static DataSplit noisyXor() {
        DataSet all = NetworkTrainerTest.xor(300, 9);
        // flip 20 % of the validation labels so validation metrics stop improving at some point
        double[] t = all.targets();
        Random random = new Random(4);
        for (int j = 200; j < 300; j++) {
            if (random.nextDouble() < 0.2) {
                t[j] = 1 - t[j];
            }
        }
        return new DataSplit(all.select(range(0, 200)), all.select(range(200, 300)), FeatureScaling.identity(2));
    }

    @Test
    void stepScheduleHalvesTheRateEveryTwoEpochs() {
        List<Double> rates = new ArrayList<>();
        TrainingRequest spec = TrainingRequest.builder().epochs(5).learningRate(0.1)
                .schedule(LearningRateSchedule.parse("step:0.5:2")).build();
        trainer.train(spec, NetworkTrainerTest.split(NetworkTrainerTest.xor(64, 1)), new TrainingListener() {
            @Override
            public void epoch(EpochReport report) {
                rates.add(report.learningRate());
            }
        });
        assertEquals(List.of(0.1, 0.1, 0.05, 0.05, 0.025), rates);
        assertEquals(0.1 * 0.9 * 0.9, LearningRateSchedule.parse("exponential:0.9").rate(0.1, 3), 1e-15);
    }

    @Test
    void earlyStoppingOnLossKeepsTheLowestValidationLoss() {
        TrainingRequest spec = TrainingRequest.builder().epochs(300).optimizer("adam").learningRate(0.05)
                .hiddenLayers(List.of(32)).patience(5).build();
        DataSplit data = noisyXor();
        TrainingResult result = trainer.train(spec, data, TrainingListener.NONE);
        double best = result.history().stream().mapToDouble(EpochReport::validationCost).min().orElseThrow();
        assertEquals(best, result.validation().cost(), 0.0, "the kept model is the best epoch's");
        assertTrue(result.history().size() < 300, "stopped early after " + result.history().size());
        assertTrue(result.stopReason().startsWith("early stopping after epoch"), result.stopReason());
        // the returned weights really are the best epoch's: evaluating them gives its metrics
        Metrics again = trainer.evaluate(result.model(), data.validation());
        assertEquals(result.validation().cost(), again.cost(), 1e-12);
    }

    @Test
    void earlyStoppingOnAccuracyKeepsTheHighestAccuracy() {
        TrainingRequest spec = TrainingRequest.builder().epochs(200).optimizer("adam").learningRate(0.05)
                .patience(4).monitor("val_accuracy").build();
        TrainingResult result = trainer.train(spec, noisyXor(), TrainingListener.NONE);
        double best = result.history().stream().mapToDouble(EpochReport::validationMetric).max().orElseThrow();
        assertEquals(best, result.validation().get("accuracy"), 0.0);
        EpochReport first = result.history().stream().filter(r -> r.validationMetric() == best).findFirst().orElseThrow();
        assertTrue(result.stopReason().contains("best epoch " + first.epoch()), result.stopReason());
    }

    @Test
    void anUnknownMonitorListsTheChoices() {
        TrainingRequest spec = TrainingRequest.builder().patience(3).monitor("val_r2").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer.train(spec, noisyXor(), TrainingListener.NONE));
        assertEquals("cannot monitor 'val_r2' (available: loss, accuracy, precision, recall, f1, val_loss, val_accuracy, "
                + "val_precision, val_recall, val_f1)", e.getMessage());
    }

    @Test
    void classificationMetricsFromAKnownConfusionMatrix() {
        // three classes, true labels and predictions chosen by hand
        int[] truth = {0, 0, 0, 1, 1, 2, 2, 2, 2, 2};
        int[] predicted = {0, 0, 1, 1, 2, 2, 2, 2, 0, 2};
        Matrix a = new Matrix(3, truth.length);
        double[] t = new double[truth.length];
        for (int j = 0; j < truth.length; j++) {
            a.set(predicted[j], j, 1);
            t[j] = truth[j];
        }
        Targets.Tally tally = new Targets(Task.CLASSIFICATION, 3, 3).tally();
        tally.add(a, 0.5, t, Evaluation.identity(truth.length), 0);
        Metrics m = tally.metrics();
        assertArrayEquals(new int[] {2, 1, 0}, m.confusion()[0]);
        assertArrayEquals(new int[] {0, 1, 1}, m.confusion()[1]);
        assertArrayEquals(new int[] {1, 0, 4}, m.confusion()[2]);
        assertEquals(0.7, m.get("accuracy"), 1e-15);
        // precision per class: 2/3, 1/2, 4/5; recall: 2/3, 1/2, 4/5
        double p = (2.0 / 3 + 0.5 + 0.8) / 3;
        assertEquals(p, m.get("precision"), 1e-15);
        assertEquals(p, m.get("recall"), 1e-15);
        assertEquals(p, m.get("f1"), 1e-15);
        assertEquals(0.5, m.cost(), 0);
    }

    @Test
    void regressionMetrics() {
        Matrix a = Matrix.of(new double[] {1, 2, 4});
        double[] t = {1, 3, 3};
        Targets.Tally tally = new Targets(Task.REGRESSION, 1, 0).tally();
        tally.add(a, 0.1, t, Evaluation.identity(3), 0);
        Metrics m = tally.metrics();
        assertEquals(2.0 / 3, m.get("mse"), 1e-15);
        assertEquals(2.0 / 3, m.get("mae"), 1e-15);
        // mean 7/3, SS_tot = (16 + 4 + 4)/9 = 8/3, SS_res = 2: r2 = 1 − 2/(8/3) = 0.25
        assertEquals(0.25, m.get("r2"), 1e-12);
        assertEquals(null, m.confusion());
    }

    @Test
    void initializersHaveTheirVariance() {
        for (String name : List.of("he", "xavier", "small")) {
            List<DenseLayer> layers = Initializer.initialize(new int[] {400, 300}, List.of("relu"), List.of(name), new Random(1));
            double[] w = layers.get(0).weights().data();
            double sq = 0;
            for (double v : w) {
                sq += v * v;
            }
            double std = Math.sqrt(sq / w.length);
            double expected = switch (name) {
                case "he" -> Math.sqrt(2.0 / 400);
                case "xavier" -> Math.sqrt(1.0 / 400);
                default -> 0.01;
            };
            assertEquals(expected, std, expected * 0.02, name);
            for (double b : layers.get(0).bias().data()) {
                assertEquals(0.0, b);
            }
        }
        assertEquals("unknown initializer 'lecun' (available: he, xavier, small)",
                assertThrows(IllegalArgumentException.class, () -> Initializer.checked("lecun")).getMessage());
    }

    @Test
    void theSpecsInitializerOverridesTheActivations() {
        TrainingRequest spec = TrainingRequest.builder().initializer("small").epochs(1).iterations(1).build();
        TrainingResult result = trainer.train(spec, NetworkTrainerTest.split(NetworkTrainerTest.xor(64, 1)), TrainingListener.NONE);
        assertEquals("small", result.model().provenance().get("init"));
    }

    @Test
    void theModelRecordsItsProvenance() {
        TrainingResult result = trainer.train(TrainingRequest.builder().epochs(2).build(),
                NetworkTrainerTest.split(NetworkTrainerTest.xor(64, 1)), TrainingListener.NONE);
        var p = result.model().provenance();
        assertEquals("42", p.get("seed"));
        assertEquals("16", p.get("layers"));
        assertEquals("local", p.get("plugin activation tanh"));
        assertEquals("0.1", p.get("lr"), "the rate used, here sgd's default");
        assertEquals("2", p.get("epochs"));
        assertEquals(List.of("platform", "created", "data", "layers", "activation", "optimizer", "lr", "batch", "epochs", "l2",
                "dropout", "schedule", "patience", "seed"), List.copyOf(p.keySet()).subList(0, 14));
        assertTrue(p.containsKey("created") && p.containsKey("platform"));
    }

    @Test
    void evaluateAgreesWithTheFinalTrainingMetrics() {
        DataSplit data = noisyXor();
        TrainingResult result = trainer.train(TrainingRequest.builder().epochs(20).build(), data, TrainingListener.NONE);
        Metrics m = trainer.evaluate(result.model(), data.validation());
        assertEquals(result.validation().cost(), m.cost(), 1e-12);
        assertEquals(result.validation().get("accuracy"), m.get("accuracy"), 0);
        assertEquals(result.validation().get("f1"), m.get("f1"), 0);
    }

    @Test
    void aPluginGoingAwayStopsTheRunAndKeepsTheLastCompletedEpoch() {
        boolean[] gone = {false};
        LocalPlugins real = new LocalPlugins();
        PluginResolver resolver = new PluginResolver() {
            @Override
            public <T> Plugin<T> resolve(Class<T> kind, String name) {
                Plugin<T> p = real.resolve(kind, name);
                return "tanh".equals(name) ? new Plugin<>(name, p.service(), "tanh-bundle 1.0.0 [9]", () -> !gone[0], () -> { }) : p;
            }
        };
        NetworkTrainer trainer = new NetworkTrainer(resolver);
        DataSplit data = noisyXor();
        TrainingListener unplugAfterThirdEpoch = new TrainingListener() {
            @Override
            public void epoch(EpochReport report) {
                gone[0] = report.epoch() == 3;
            }
        };
        var e = assertThrows(dev.dendrite.api.nn.TrainingInterruptedException.class,
                () -> trainer.train(TrainingRequest.builder().epochs(10).build(), data, unplugAfterThirdEpoch));
        assertEquals("the activation 'tanh' of bundle tanh-bundle 1.0.0 [9] went away during epoch 4; the model of epoch 3 is kept",
                e.getMessage());
        TrainingResult partial = e.partial();
        assertEquals(3, partial.history().size());
        gone[0] = false;
        Metrics again = trainer.evaluate(partial.model(), data.validation());
        assertEquals(partial.validation().cost(), again.cost(), 1e-12, "the kept weights are epoch 3's");
    }

    @Test
    void anInterruptStopsTheRunBeforeTheNextIterationKeepingTheLastCompletedEpoch() {
        DataSplit data = noisyXor();
        TrainingListener interruptDuringEpoch3 = new TrainingListener() {
            @Override
            public void iteration(int epoch, long iteration, double batchCost) {
                if (epoch == 3) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        var e = assertThrows(dev.dendrite.api.nn.TrainingInterruptedException.class,
                () -> trainer.train(TrainingRequest.builder().epochs(1_000_000).build(), data, interruptDuringEpoch3));
        assertEquals("interrupted at epoch 3; the model of epoch 2 is kept", e.getMessage());
        assertEquals(2, e.partial().history().size());
        assertTrue(!Thread.currentThread().isInterrupted(), "the interrupt is consumed, so the kept model can be saved");
    }

    @Test
    void earlyStoppingWithoutValidationDataIsRefusedUnlessItWatchesTheTrainingLoss() {
        DataSplit noValidation = NetworkTrainerTest.split(NetworkTrainerTest.xor(64, 1));
        var e = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(TrainingRequest.builder().patience(3).build(), noValidation, TrainingListener.NONE));
        assertEquals("early stopping (patience 3) watches val_loss, but there is no validation data: hold some out (--val),"
                + " or watch the training loss (--monitor loss)", e.getMessage());
        TrainingResult result = trainer.train(TrainingRequest.builder().patience(3).monitor("loss").epochs(5).build(),
                noValidation, TrainingListener.NONE);
        assertEquals(5, result.history().size());
    }

    @Test
    void aListenerCanStopTheRunAfterAnEpoch() {
        TrainingResult result = trainer.train(TrainingRequest.builder().epochs(10).build(), noisyXor(), new TrainingListener() {
            private int epochs;

            @Override
            public void epoch(EpochReport report) {
                epochs = report.epoch();
            }

            @Override
            public boolean stopRequested() {
                return epochs == 2;
            }
        });
        assertEquals(2, result.history().size());
        assertEquals("stopped on request after epoch 2", result.stopReason());
    }

    @Test
    void listenersSeeTheGradientsBeforeAndTheWeightsAfterTheUpdate() {
        List<Double> before = new ArrayList<>();
        List<Double> gradient = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        TrainingRequest spec = TrainingRequest.builder().iterations(1).learningRate(0.5).fullBatch().build();
        trainer.train(spec, NetworkTrainerTest.split(NetworkTrainerTest.xor(16, 1)), new TrainingListener() {
            @Override
            public void backpropagated(dev.dendrite.api.nn.Propagation p) {
                before.add(p.weights(2).get(0, 0));
                gradient.add(p.weightGradient(2).get(0, 0));
                assertEquals(16, p.input().cols());
                assertTrue(p.fused());
            }

            @Override
            public void updated(dev.dendrite.api.nn.Propagation p) {
                after.add(p.weights(2).get(0, 0));
            }
        });
        assertEquals(before.get(0) - 0.5 * gradient.get(0), after.get(0), 1e-15, "sgd: W ← W − α·dW");
    }

    /** Regression targets far from 0 (mean 200, spread 50) are standardized for training; the model predicts in target units. */
    @Test
    void regressionTargetsAreStandardizedAndTheModelPredictsInTargetUnits() {
        int m = 300;
        Random random = new Random(8);
        Matrix x = new Matrix(2, m);
        double[] t = new double[m];
        for (int j = 0; j < m; j++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            x.set(0, j, a);
            x.set(1, j, b);
            t[j] = 200 + 40 * a - 30 * b + random.nextGaussian();
        }
        DataSet all = new DataSet("affine", List.of("a", "b"), x, t, Task.REGRESSION, List.of());
        DataSplit data = new DataSplit(all.select(range(0, 240)), all.select(range(240, 300)), FeatureScaling.identity(2));
        TrainingResult result = trainer.train(TrainingRequest.builder().epochs(100).build(), data, TrainingListener.NONE);
        assertTrue(result.validation().get("r2") > 0.99, "r2 " + result.validation().get("r2"));
        Matrix predicted = trainer.predict(result.model(), data.validation().x());
        double squared = 0;
        for (int j = 0; j < 60; j++) {
            double d = predicted.get(0, j) - data.validation().targets()[j];
            squared += d * d;
        }
        assertEquals(result.validation().get("mse"), squared / 60, 1e-9, "predictions are in target units");
        assertEquals(result.validation().get("mse"), trainer.evaluate(result.model(), data.validation()).get("mse"), 1e-9);

        // continuing from the saved model (in target units) with a negligible step keeps its predictions
        TrainingResult again = trainer.train(TrainingRequest.builder().learningRate(1e-12).iterations(1).build(),
                data, TrainingListener.NONE, result.model());
        assertEquals(result.validation().get("mse"), again.validation().get("mse"), 1e-6);
    }

    @Test
    void trainingCanStartFromASavedModel() {
        DataSplit data = noisyXor();
        TrainingResult first = trainer.train(TrainingRequest.builder().hiddenLayers(List.of(6)).epochs(3).build(),
                data, TrainingListener.NONE);
        List<Double> start = new ArrayList<>();
        TrainingRequest other = TrainingRequest.builder().hiddenLayers(List.of(99, 99)).activation("relu").epochs(1).build();
        TrainingResult second = trainer.train(other, data, new TrainingListener() {
            @Override
            public void backpropagated(dev.dendrite.api.nn.Propagation p) {
                if (start.isEmpty()) {
                    start.add(p.weights(1).get(0, 0));
                }
            }
        }, first.model());
        assertEquals(first.model().layers().get(0).weights().get(0, 0), start.get(0), 0.0, "starts from the model's weights");
        assertEquals(List.of(6), List.of(second.model().layers().get(0).weights().rows()), "the model's architecture wins");
        assertEquals("tanh", second.model().layers().get(0).activation());
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
