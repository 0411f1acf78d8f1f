package dev.dendrite.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSetProvider;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.data.CirclesDataSet;
import dev.dendrite.data.MoonsDataSet;
import dev.dendrite.data.SineDataSet;
import dev.dendrite.data.SpiralsDataSet;
import dev.dendrite.data.XorDataSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Divergence with a finite cost: a loss far above where it started, for several epochs or at the end. */
class DivergenceTest {
    private static final Map<String, DataSetProvider> BUILT_IN = Map.of("xor", new XorDataSet(), "moons", new MoonsDataSet(),
            "circles", new CirclesDataSet(), "spirals", new SpiralsDataSet(), "sine", new SineDataSet());
    private final NetworkTrainer trainer = new NetworkTrainer(new LocalPlugins());

    /** A built-in data set as ml:train splits it (seed 42): shuffled, a validation fraction held out, standardized on training. */
    static DataSplit builtIn(String name, double validation) {
        return split(BUILT_IN.get(name).generate(42), validation);
    }

    /** {@code all} shuffled (seed 42), a validation fraction held out, standardized on training. */
    static DataSplit split(DataSet all, double validation) {
        int m = all.samples();
        int[] order = Evaluation.identity(m);
        Random random = new Random(42);
        for (int i = m - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int held = (int) Math.round(m * validation);
        DataSet train = all.select(java.util.Arrays.copyOfRange(order, held, m));
        DataSet val = all.select(java.util.Arrays.copyOfRange(order, 0, held));
        FeatureScaling scaling = FeatureScaling.standardize(train.x());
        scaling.applyInPlace(train.x());
        scaling.applyInPlace(val.x());
        return new DataSplit(train, val, scaling);
    }

    @Test
    void aLossOverTheLimitForThreeEpochsInARowIsDivergence() {
        Divergence rule = new Divergence(0.5, 4);
        assertEquals(Optional.empty(), rule.after(1, 51, 4));
        assertEquals(Optional.empty(), rule.after(2, 60, 4));
        assertEquals(Optional.empty(), rule.after(3, 49, 4), "back under 100 × 0.5: the streak starts again");
        assertEquals(Optional.empty(), rule.atEnd());
        assertEquals(Optional.empty(), rule.after(4, 1e3, 4));
        assertEquals(Optional.empty(), rule.after(5, 1e4, 4));
        assertEquals(Optional.of("training diverged at epoch 5 (loss 1.000e+04, over 100 times the initial 0.5000 since epoch 4):"
                + " try a smaller learning rate"), rule.atEnd(), "a run ending over the limit has diverged");
        assertEquals(Optional.of("training diverged at epoch 6 (loss 1.000e+05, over 100 times the initial 0.5000 since epoch 4):"
                + " try a smaller learning rate"), rule.after(6, 1e5, 4));
    }

    @Test
    void weightsGrowingTenThousandfoldAreDivergenceWhateverTheLoss() {
        Divergence rule = new Divergence(0.5, 4);
        assertEquals(Optional.empty(), rule.after(1, 0, 4e4));
        assertEquals(Optional.of("training diverged at epoch 2 (the weights' norm 4.000e+04 is over 10000 times the initial 4.000):"
                + " try a smaller learning rate"), rule.after(2, 0, 4.0001e4));
    }

    @Test
    void aStartingLossOfZeroDoesNotMakeRoundingNoiseDivergence() {
        Divergence rule = new Divergence(0, 1);
        for (int epoch = 1; epoch <= 5; epoch++) {
            assertEquals(Optional.empty(), rule.after(epoch, 1e-12, 1));
        }
        assertEquals(Optional.empty(), rule.atEnd());
        rule.after(6, 1e-5, 1);
        rule.after(7, 1e-5, 1);
        assertTrue(rule.after(8, 1e-5, 1).isPresent(), "over 100 × 1e-8 three times");
    }

    @Test
    void adamAtAHugeLearningRateOnXorDivergesInsteadOfCompleting() {
        TrainingRequest request = TrainingRequest.builder().optimizer("adam").learningRate(1e9).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> trainer.train(request, builtIn("xor", 0.2),
                TrainingListener.NONE));
        assertInstanceOf(TrainingRun.DivergedException.class, e, "a divergence, not a plug-in's failure");
        assertEquals("training diverged at epoch 1 (the weights' norm 1.853e+10 is over 10000 times the initial 4.123):"
                + " try a smaller learning rate", e.getMessage());
    }

    /** Linear regression with full-batch steps too large for {@link #line()}: each one overshoots further. */
    private static TrainingRequest.Builder tooLargeSteps() {
        return TrainingRequest.builder().hiddenLayers(List.of()).fullBatch().learningRate(3);
    }

    /** y = 3x − 1 for 200 values of x in [−1, 1]. */
    private static DataSplit line() {
        int m = 200;
        dev.dendrite.api.math.Matrix x = new dev.dendrite.api.math.Matrix(1, m);
        double[] t = new double[m];
        for (int j = 0; j < m; j++) {
            x.set(0, j, -1 + 2.0 * j / (m - 1));
            t[j] = 3 * x.get(0, j) - 1;
        }
        return NetworkTrainerTest.split(new DataSet("line", List.of("x"), x, t, dev.dendrite.api.data.Task.REGRESSION, List.of()));
    }

    @Test
    void aLossStayingFarAboveItsStartForThreeEpochsIsDivergence() {
        // the loss grows 25-fold an epoch (26, 626, 15626, …), the weights 5-fold
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> trainer.train(tooLargeSteps().epochs(50).build(), line(), TrainingListener.NONE));
        assertInstanceOf(TrainingRun.DivergedException.class, e);
        assertEquals("training diverged at epoch 4 (loss 3.906e+05, over 100 times the initial 2.162 since epoch 2):"
                + " try a smaller learning rate", e.getMessage());
    }

    @Test
    void aRunEndingFarAboveItsStartHasDivergedThoughShorterThanThreeEpochs() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> trainer.train(tooLargeSteps().epochs(2).build(), line(), TrainingListener.NONE));
        assertEquals("training diverged at epoch 2 (loss 626.3, over 100 times the initial 2.162 since epoch 2):"
                + " try a smaller learning rate", e.getMessage());
    }

    /**
     * The built-in data sets with ml:train's defaults and with adam, the README's example, and
     * docs/hyperparameters.md's runs (sgd on spirals from α = 0.01 to the oscillating α = 30, batch
     * sizes 10 to 500 at α = 1): every one completes.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "xor     | defaults", "moons | defaults", "circles | defaults", "spirals | defaults", "sine | defaults",
            "xor     | adam", "moons | adam", "circles | adam", "spirals | adam", "sine | adam",
            "xor     | layers 4,2",
            "spirals | lr 0.01", "spirals | lr 0.1", "spirals | lr 1", "spirals | lr 30",
            "spirals | batch 500", "spirals | batch 100", "spirals | batch 10",
            "spirals | iterations 500 batch 500", "spirals | iterations 500 batch 10"})
    void healthyRunsAreNeverCalledDiverged(String data, String variant) {
        TrainingRequest.Builder b = TrainingRequest.builder();
        double validation = 0.2;
        String[] words = variant.split(" ");
        switch (words[0]) {
            case "defaults" -> { }
            case "adam" -> b.optimizer("adam");
            case "layers" -> b.hiddenLayers(List.of(4, 2));
            case "lr" -> b.hiddenLayers(List.of(32)).batchSize(50).learningRate(Double.parseDouble(words[1]));
            case "batch" -> b.hiddenLayers(List.of(32)).learningRate(1).epochs(50).batchSize(Integer.parseInt(words[1]));
            case "iterations" -> b.hiddenLayers(List.of(32)).learningRate(1).iterations(Integer.parseInt(words[1]))
                    .batchSize(Integer.parseInt(words[3]));
            default -> throw new IllegalArgumentException(variant);
        }
        if (!"defaults".equals(words[0]) && !"adam".equals(words[0]) && !"layers".equals(words[0])) {
            validation = 1 / 6.0;
        }
        TrainingResult result = trainer.train(b.build(), builtIn(data, validation), TrainingListener.NONE);
        assertEquals("completed", result.stopReason());
    }
}
