package dev.dendrite.data;

import static dev.dendrite.data.Fixtures.options;
import static dev.dendrite.data.Fixtures.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.math.Matrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SplitAndScalingTest {
    private final DefaultDataService service = Fixtures.serviceWithBuiltIns();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"iris.csv", "wine.csv", "diabetes.csv"})
    void trainingColumnsAreStandardized(String file) {
        assertStandardized(service.load(resource(file), options(null, 0.2, 3)).train().x());
    }

    @ParameterizedTest
    @ValueSource(strings = {"xor", "moons", "circles", "spirals", "sine"})
    void builtInsAreStandardizedToo(String name) {
        assertStandardized(service.load(name, options(null, 0.25, 3)).train().x());
    }

    @Test
    void scalingIsFittedOnTheTrainingSplitOnly() {
        DataSplit all = service.load(resource("wine.csv"), options(null, 0, 3));
        DataSplit split = service.load(resource("wine.csv"), options(null, 0.3, 3));
        Matrix train = split.train().x();
        Matrix validation = split.validation().x();
        int m = train.cols() + validation.cols();
        double largestValidationMean = 0;
        for (int i = 0; i < train.rows(); i++) {
            double validationMean = mean(validation, i);
            largestValidationMean = Math.max(largestValidationMean, Math.abs(validationMean));
            // undo the transform on both splits: together they give back the mean of all samples
            double rawSum = train.cols() * split.scaling().offset()[i]
                    + validation.cols() * (validationMean * split.scaling().scale()[i] + split.scaling().offset()[i]);
            assertEquals(all.scaling().offset()[i], rawSum / m, 1e-9 * Math.abs(all.scaling().offset()[i]) + 1e-12);
        }
        assertTrue(largestValidationMean > 0.05, "validation is not re-centred: largest |mean| " + largestValidationMean);
        assertFalse(Arrays.equals(all.scaling().offset(), split.scaling().offset()), "fitted on fewer samples than all");
    }

    @Test
    void aConstantColumnGetsScaleOneAndNoNaN() throws IOException {
        Path file = Files.writeString(dir.resolve("constant.csv"), "a,c,y\n1,5,0.5\n2,5,1.5\n3,5,2.5\n4,5,3.5\n5,5,4.5\n");
        DataSplit split = service.load(file.toString(), options(null, 0.4, 1));
        assertEquals(1.0, split.scaling().scale()[1]);
        assertEquals(5.0, split.scaling().offset()[1]);
        for (DataSet part : new DataSet[] {split.train(), split.validation()}) {
            for (int j = 0; j < part.samples(); j++) {
                assertEquals(0.0, part.x().get(1, j));
                assertTrue(Double.isFinite(part.x().get(0, j)));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"iris.csv", "wine.csv"})
    void classificationSplitsKeepClassProportions(String file) {
        for (long seed = 1; seed <= 5; seed++) {
            DataSplit split = service.load(resource(file), options(null, 0.2, seed));
            int[] train = counts(split.train());
            int[] validation = counts(split.validation());
            int m = split.train().samples() + split.validation().samples();
            int v = (int) Math.round(m * 0.2);
            assertEquals(v, split.validation().samples());
            for (int k = 0; k < train.length; k++) {
                double proportional = (double) v * (train[k] + validation[k]) / m;
                assertTrue(Math.abs(validation[k] - proportional) < 1, "class " + k + ": " + validation[k] + " vs " + proportional);
            }
        }
    }

    @Test
    void irisSplitsTenOfEachClassIntoValidation() {
        DataSplit split = service.load(resource("iris.csv"), options(null, 0.2, 11));
        assertArrayEquals(new int[] {10, 10, 10}, counts(split.validation()));
        assertArrayEquals(new int[] {40, 40, 40}, counts(split.train()));
    }

    @Test
    void regressionSplitsRoundTheValidationSize() {
        DataSplit split = service.load(resource("diabetes.csv"), options(null, 0.25, 1));
        assertEquals(Math.round(442 * 0.25), split.validation().samples());
        assertEquals(442 - Math.round(442 * 0.25), split.train().samples());
    }

    @Test
    void theSplitIsAPartitionOfTheSamples() {
        DataSet iris = service.load(resource("iris.csv"), options(null, 0, 1)).train();
        int[][] parts = Splitter.split(iris, 0.3, 4);
        int[] all = IntStream.concat(IntStream.of(parts[0]), IntStream.of(parts[1])).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 150).toArray(), all);
        assertEquals(45, parts[1].length);
    }

    @Test
    void theSplitIsDeterministicPerSeed() {
        DataSplit a = service.load(resource("iris.csv"), options(null, 0.2, 5));
        DataSplit b = service.load(resource("iris.csv"), options(null, 0.2, 5));
        DataSplit c = service.load(resource("iris.csv"), options(null, 0.2, 6));
        assertEquals(a.train().x(), b.train().x());
        assertArrayEquals(a.train().targets(), b.train().targets());
        assertEquals(a.validation().x(), b.validation().x());
        assertNotEquals(a.validation().x(), c.validation().x());
    }

    @Test
    void aValidationShareRoundingToNoSampleGivesNoValidationSplit() {
        DataSplit split = service.load(resource("small.csv"), options(null, 0.05, 1));
        assertNull(split.validation());
        assertEquals(6, split.train().samples());
    }

    private static void assertStandardized(Matrix x) {
        for (int i = 0; i < x.rows(); i++) {
            double mu = mean(x, i);
            double squares = 0;
            for (int j = 0; j < x.cols(); j++) {
                squares += (x.get(i, j) - mu) * (x.get(i, j) - mu);
            }
            assertEquals(0.0, mu, 1e-9, "mean of feature " + i);
            assertEquals(1.0, Math.sqrt(squares / x.cols()), 1e-9, "std of feature " + i);
        }
    }

    private static double mean(Matrix x, int i) {
        return IntStream.range(0, x.cols()).mapToDouble(j -> x.get(i, j)).average().orElseThrow();
    }

    private static int[] counts(DataSet data) {
        int[] counts = new int[data.classes().size()];
        for (double t : data.targets()) {
            counts[(int) t]++;
        }
        return counts;
    }
}
