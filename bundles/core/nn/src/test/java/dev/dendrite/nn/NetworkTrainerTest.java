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
import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.nn.TrainingRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkTrainerTest {
    private final NetworkTrainer trainer = new NetworkTrainer(new LocalPlugins());

    /** m points in 2-D, class 1 when x1·x2 &lt; 0 (xor of the signs), kept away from the axes. */
    static DataSet xor(int m, long seed) {
        Random random = new Random(seed);
        Matrix x = new Matrix(2, m);
        double[] t = new double[m];
        for (int j = 0; j < m; j++) {
            double a = (random.nextBoolean() ? 1 : -1) * (0.3 + random.nextDouble());
            double b = (random.nextBoolean() ? 1 : -1) * (0.3 + random.nextDouble());
            x.set(0, j, a);
            x.set(1, j, b);
            t[j] = a * b < 0 ? 1 : 0;
        }
        return new DataSet("xor", List.of("x1", "x2"), x, t, Task.CLASSIFICATION, List.of("0", "1"));
    }

    static DataSplit split(DataSet train) {
        return new DataSplit(train, null, FeatureScaling.identity(train.features()));
    }

    @ParameterizedTest
    @CsvSource({"500, 1", "250, 2", "100, 5", "0, 1", "150, 4"})
    void anEpochIsCeilOfSamplesOverBatchIterations(int batch, int expectedPerEpoch) {
        List<Long> iterations = new ArrayList<>();
        List<Integer> perEpoch = new ArrayList<>();
        TrainingListener counter = new TrainingListener() {
            @Override
            public void started(List<dev.dendrite.api.nn.LayerShape> layers, int samples, int iterationsPerEpoch) {
                perEpoch.add(iterationsPerEpoch);
            }

            @Override
            public void iteration(int epoch, long iteration, double batchCost) {
                iterations.add(iteration);
            }
        };
        TrainingRequest.Builder builder = TrainingRequest.builder().epochs(3);
        TrainingRequest spec = (batch == 0 ? builder.fullBatch() : builder.batchSize(batch)).build();
        TrainingResult result = trainer.train(spec, split(xor(500, 1)), counter);
        assertEquals(List.of(expectedPerEpoch), perEpoch);
        assertEquals(3L * expectedPerEpoch, iterations.size());
        assertEquals(3L * expectedPerEpoch, result.iterations());
        assertEquals(3, result.history().size());
        assertEquals(3L * expectedPerEpoch, result.last().iterations());
    }

    @Test
    void anIterationBudgetStopsMidEpoch() {
        TrainingRequest spec = TrainingRequest.builder().batchSize(100).iterations(7).build();
        TrainingResult result = trainer.train(spec, split(xor(500, 1)), TrainingListener.NONE);
        assertEquals(7, result.iterations());
        assertEquals(2, result.history().size(), "5 iterations in epoch 1, 2 in epoch 2");
    }

    @Test
    void xorIsLearnedToFullTrainingAccuracy() {
        TrainingRequest spec = TrainingRequest.builder().hiddenLayers(List.of(8)).optimizer("adam")
                .learningRate(0.05).epochs(100).build();
        TrainingResult result = trainer.train(spec, split(xor(200, 3)), TrainingListener.NONE);
        assertEquals(1.0, result.last().trainMetric());
        assertTrue(result.last().trainCost() < result.history().get(0).trainCost());
    }

    @Test
    void theSameSeedGivesBitIdenticalWeights() {
        TrainingRequest spec = TrainingRequest.builder().epochs(5).build();
        TrainingResult a = trainer.train(spec, split(xor(100, 1)), TrainingListener.NONE);
        TrainingResult b = trainer.train(spec, split(xor(100, 1)), TrainingListener.NONE);
        TrainingResult c = trainer.train(spec.toBuilder().seed(43).build(), split(xor(100, 1)), TrainingListener.NONE);
        assertArrayEquals(a.model().layers().get(0).weights().data(), b.model().layers().get(0).weights().data());
        assertTrue(!a.model().layers().get(0).weights().equals(c.model().layers().get(0).weights()));
    }

    @Test
    void validationIsReportedEveryEpoch() {
        DataSet all = xor(200, 5);
        DataSplit data = new DataSplit(all.select(range(0, 150)), all.select(range(150, 200)), FeatureScaling.identity(2));
        List<EpochReport> reports = new ArrayList<>();
        trainer.train(TrainingRequest.builder().epochs(4).build(), data, new TrainingListener() {
            @Override
            public void epoch(EpochReport report) {
                reports.add(report);
            }
        });
        assertEquals(4, reports.size());
        for (EpochReport r : reports) {
            assertTrue(r.validationMetric() >= 0 && r.validationMetric() <= 1);
            assertEquals("accuracy", r.metric());
        }
    }

    @Test
    void regressionUsesLinearOutputAndMse() {
        int m = 200;
        Matrix x = new Matrix(1, m);
        double[] t = new double[m];
        for (int j = 0; j < m; j++) {
            x.set(0, j, -1 + 2.0 * j / (m - 1));
            t[j] = 3 * x.get(0, j) - 1;
        }
        DataSet line = new DataSet("line", List.of("x"), x, t, Task.REGRESSION, List.of());
        TrainingResult result = trainer.train(TrainingRequest.builder().hiddenLayers(List.of()).epochs(200)
                .learningRate(0.1).build(), split(line), TrainingListener.NONE);
        assertEquals("mse", result.last().metric());
        assertEquals("linear", result.model().layers().get(0).activation());
        assertEquals(3.0, result.model().layers().get(0).weights().get(0, 0), 1e-3);
        assertEquals(-1.0, result.model().layers().get(0).bias().get(0, 0), 1e-3);
        assertTrue(result.last().trainMetric() < 1e-6);
    }

    @Test
    void predictReproducesTheTrainedOutputs() {
        TrainingResult result = trainer.train(TrainingRequest.builder().epochs(3).build(), split(xor(50, 2)), TrainingListener.NONE);
        Matrix out = trainer.predict(result.model(), xor(50, 2).x());
        assertEquals(1, out.rows());
        assertEquals(50, out.cols());
        for (double v : out.data()) {
            assertTrue(v > 0 && v < 1, "sigmoid output " + v);
        }
    }

    @Test
    void unknownPluginNamesListTheAvailableOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(TrainingRequest.builder().activation("swish").build(), split(xor(20, 1)), TrainingListener.NONE));
        assertEquals("unknown activation 'swish' (available: leaky_relu, linear, relu, sigmoid, softmax, tanh)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(TrainingRequest.builder().optimizer("lion").build(), split(xor(20, 1)), TrainingListener.NONE));
        assertEquals("unknown optimizer 'lion' (available: adam, adamw, momentum, rmsprop, sgd)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(TrainingRequest.builder().loss("hinge").build(), split(xor(20, 1)), TrainingListener.NONE));
        assertTrue(e.getMessage().startsWith("unknown loss 'hinge' (available: binary_crossentropy"), e.getMessage());
    }

    @Test
    void unknownHyperparametersAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(TrainingRequest.builder().optimizerHyperparameter("beta1", 0.9).build(), split(xor(20, 1)), TrainingListener.NONE));
        assertEquals("optimizer sgd has no hyperparameter 'beta1' (it has: none besides the learning rate)", e.getMessage());
    }

    @Test
    void theLearningRateIsNoHyperparameterOfTheMap() {
        assertEquals("the learning rate is not an optimizer hyperparameter: set it as the learning rate (--lr)",
                assertThrows(IllegalArgumentException.class, () -> TrainingRequest.builder().optimizerHyperparameter("lr", 0.1))
                        .getMessage());
    }

    @Test
    @SuppressWarnings("deprecation")
    void aSpecOfApi10StillTrainsWithItsLrAsTheLearningRate() {
        TrainingResult result = trainer.train(dev.dendrite.api.nn.TrainingSpec.defaults().withHyperparameter("lr", 0.5).withEpochs(2),
                split(xor(20, 1)), TrainingListener.NONE);
        assertEquals("0.5", result.model().provenance().get("lr"));
        assertEquals(0.5, result.history().get(0).learningRate());
    }

    @Test
    void theModelsProvenanceHoldsTheMetricsOfTheKeptModel() {
        DataSet all = xor(200, 5);
        DataSplit data = new DataSplit(all.select(range(0, 150)), all.select(range(150, 200)), FeatureScaling.identity(2));
        TrainingResult result = trainer.train(TrainingRequest.builder().epochs(3).build(), data, TrainingListener.NONE);
        var p = result.model().provenance();
        assertEquals(Double.toString(result.train().cost()), p.get("train loss"));
        assertEquals(Double.toString(result.validation().get("accuracy")), p.get("validation accuracy"));
        assertEquals(Double.toString(result.validation().get("f1")), p.get("validation f1"));
    }

    @Test
    void badValuesAreRefusedByTheRequestBuilder() {
        assertEquals("the learning rate must be a positive number, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> TrainingRequest.builder().learningRate(0)).getMessage());
        assertEquals("the learning rate must be a positive number, got NaN", assertThrows(IllegalArgumentException.class,
                () -> TrainingRequest.builder().learningRate(Double.NaN)).getMessage());
        assertEquals("a layer width must be a positive integer, got 0", assertThrows(IllegalArgumentException.class,
                () -> TrainingRequest.builder().hiddenLayers(List.of(4, 0))).getMessage());
        assertEquals("the batch size must be a positive integer, got -1", assertThrows(IllegalArgumentException.class,
                () -> TrainingRequest.builder().batchSize(-1)).getMessage());
        assertEquals("the number of iterations must be a positive integer, got 0", assertThrows(IllegalArgumentException.class,
                () -> TrainingRequest.builder().iterations(0)).getMessage());
    }

    @Test
    void divergenceIsReportedNotHidden() {
        int m = 50;
        Matrix x = new Matrix(1, m).fill(100);
        double[] t = new double[m];
        java.util.Arrays.fill(t, 1e6);
        DataSet big = new DataSet("big", List.of("x"), x, t, Task.REGRESSION, List.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> trainer.train(
                TrainingRequest.builder().learningRate(10).epochs(50).build(), split(big), TrainingListener.NONE));
        assertTrue(e.getMessage().startsWith("training diverged at epoch"), e.getMessage());
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
