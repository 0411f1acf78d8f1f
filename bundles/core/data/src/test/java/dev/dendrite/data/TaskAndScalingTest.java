package dev.dendrite.data;

import static dev.dendrite.data.Fixtures.assertMessage;
import static dev.dendrite.data.Fixtures.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task and scaling options of {@link DefaultDataService#load(String, DataOptions)}, and the target it reports. */
class TaskAndScalingTest {
    private final DefaultDataService service = Fixtures.serviceWithBuiltIns();

    @TempDir
    Path dir;

    // ---- forced task

    @Test
    void aForcedClassificationOfANumericTargetHasPlainNumericLabels() throws IOException {
        Path file = Files.writeString(dir.resolve("grades.csv"), "hours,grade\n1,3.0\n2,1.5\n3,3\n4,10\n5,1.5\n6,10\n");
        DataSet data = service.load(file.toString(), options(null, 0, Task.CLASSIFICATION, "none")).train();
        assertEquals(Task.CLASSIFICATION, data.task());
        assertEquals(List.of("1.5", "3", "10"), data.classes());
        for (int j = 0; j < data.samples(); j++) {
            int hours = (int) Math.round(data.x().get(0, j));
            String expected = List.of("3", "1.5", "3", "10", "1.5", "10").get(hours - 1);
            assertEquals(expected, data.classes().get((int) data.targets()[j]), "sample with hours " + hours);
        }
    }

    @Test
    void diabetesProgressionForcedToClassesTakesEveryDistinctValue() throws IOException {
        DataSet data = service.load(resource("diabetes.csv"), options(null, 0, Task.CLASSIFICATION, null)).train();
        List<String> expected = Files.readAllLines(Path.of(resource("diabetes.csv"))).stream().skip(1)
                .mapToInt(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(',') + 1)))
                .distinct().sorted().mapToObj(Integer::toString).toList();
        assertEquals(Task.CLASSIFICATION, data.task());
        assertTrue(expected.size() > 200, "hundreds of distinct values, far more than detection allows");
        assertEquals(expected, data.classes());
    }

    @Test
    void aForcedRegressionOfAFewIntegersKeepsTheValues() {
        DataSplit split = service.load(resource("diabetes.csv"), options("sex", 0, Task.REGRESSION, null));
        DataSet data = split.train();
        assertEquals(Task.REGRESSION, data.task());
        assertEquals(List.of(), data.classes());
        for (double t : data.targets()) {
            assertTrue(t == 1 || t == 2, "sex is 1 or 2, got " + t);
        }
        assertEquals("sex", split.target());
    }

    /** Values from about 1e154 up overflowed the variance, and the column was silently zeroed. */
    @Test
    void aFeatureValueTooLargeToScaleIsRefusedNamingTheColumnAndValue() throws IOException {
        Path file = Files.writeString(dir.resolve("x.csv"), "f1,f2,f3,y\n1,2,3,0\n1,2,1e200,1\n2,1,-4,0\n2,2,5,1\n");
        assertMessage("file x.csv, column 3 (f3): 1e200 is too large to scale",
                () -> service.load(file.toString(), options(null, 0, null, "standard")));
        Path huge = Files.writeString(dir.resolve("huge.csv"), "y,f1\n0,-1.5e308\n1,1.5e308\n0,0\n1,1\n");
        assertMessage("file huge.csv, column 2 (f1): -1.5e308 is too large to scale",
                () -> service.load(huge.toString(), options("y", 0, null, "minmax")));
        DataSet unscaled = service.load(file.toString(), options(null, 0, null, "none")).train();
        assertTrue(IntStream.range(0, unscaled.samples()).anyMatch(j -> unscaled.x().get(2, j) == 1e200),
                "without scaling nothing overflows");
    }

    @Test
    void aNaNClassLabelIsRefusedNamingTheLineAndColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("labels.csv"), "f,y\n1,a\n2,NaN\n3,b\n");
        assertMessage("labels.csv line 3, column 2 (y): missing value 'NaN' in the target column; every row needs a target"
                        + " (--missing drop leaves such rows out)",
                () -> service.load(file.toString(), options(null, 0, null, null)));
    }

    @Test
    void aForcedRegressionOfWordsNamesTheLineAndValue() {
        assertMessage("iris.csv line 2, column 5 (species): target 'setosa' is not a number; a regression target must be numeric",
                () -> service.load(resource("iris.csv"), options(null, 0.2, Task.REGRESSION, null)));
    }

    @Test
    void aBuiltInKeepsItsTaskAndRefusesAnother() {
        assertEquals(Task.CLASSIFICATION, service.load("xor", options(null, 0, Task.CLASSIFICATION, null)).train().task());
        assertMessage("'xor' is a built-in data set for classification; the task regression applies to CSV files only",
                () -> service.load("xor", options(null, 0, Task.REGRESSION, null)));
    }

    @Test
    void theSplitNamesTheTargetColumnOfACsvOnly() {
        assertEquals("species", service.load(resource("iris.csv"), options(null, 0.2, null, null)).target());
        assertEquals("sex", service.load(resource("diabetes.csv"), options("sex", 0.2, null, null)).target());
        assertNull(service.load("moons", options(null, 0.2, null, null)).target());
    }

    // ---- scaling

    @Test
    void minmaxMapsTheTrainingSplitOntoZeroOneWithItsOwnMinAndMax() {
        DataSplit raw = service.load(resource("wine.csv"), options(null, 0.3, null, "none"));
        DataSplit scaled = service.load(resource("wine.csv"), options(null, 0.3, null, "minmax"));
        Matrix train = raw.train().x();
        FeatureScaling fitted = scaled.scaling();
        for (int i = 0; i < train.rows(); i++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < train.cols(); j++) {
                min = Math.min(min, train.get(i, j));
                max = Math.max(max, train.get(i, j));
            }
            assertEquals(min, fitted.offset()[i], "min of feature " + i + " over the training split");
            assertEquals(max - min, fitted.scale()[i], 1e-12 * max, "range of feature " + i + " over the training split");
        }
        assertAppliedTo(raw.train().x(), scaled.train().x(), fitted);
        assertAppliedTo(raw.validation().x(), scaled.validation().x(), fitted);
        Matrix x = scaled.train().x();
        for (int i = 0; i < x.rows(); i++) {
            double[] row = Arrays.copyOfRange(x.data(), i * x.cols(), (i + 1) * x.cols());
            assertEquals(0.0, Arrays.stream(row).min().orElseThrow(), 1e-12, "min of scaled feature " + i);
            assertEquals(1.0, Arrays.stream(row).max().orElseThrow(), 1e-12, "max of scaled feature " + i);
        }
    }

    @Test
    void minmaxGivesAConstantColumnScaleOne() throws IOException {
        Path file = Files.writeString(dir.resolve("constant.csv"), "a,c,y\n1,5,0.5\n3,5,1.5\n2,5,2.5\n");
        DataSplit split = service.load(file.toString(), options(null, 0, null, "minmax"));
        assertArrayEquals(new double[] {1, 5}, split.scaling().offset());
        assertArrayEquals(new double[] {2, 1}, split.scaling().scale());
        for (int j = 0; j < 3; j++) {
            assertEquals(0.0, split.train().x().get(1, j));
        }
    }

    @Test
    void noneKeepsTheRawValues() {
        DataSplit split = service.load(resource("small.csv"), options(null, 0.5, null, "NONE"));
        assertArrayEquals(new double[] {0, 0}, split.scaling().offset());
        assertArrayEquals(new double[] {1, 1}, split.scaling().scale());
        for (DataSet part : List.of(split.train(), split.validation())) {
            for (int j = 0; j < part.samples(); j++) {
                double width = part.x().get(0, j);
                assertEquals(Math.rint(width), width, "widths are the integers 1 … 6");
                assertEquals(width + 1.5, part.x().get(1, j));
            }
        }
    }

    private static DataOptions options(String target, double validation, Task task, String scaling) {
        return new DataOptions(target, validation, 4, task, scaling);
    }

    /** Asserts scaled = (raw − offset) / scale element by element. */
    private static void assertAppliedTo(Matrix raw, Matrix scaled, FeatureScaling scaling) {
        for (int i = 0; i < raw.rows(); i++) {
            for (int j = 0; j < raw.cols(); j++) {
                assertEquals((raw.get(i, j) - scaling.offset()[i]) / scaling.scale()[i], scaled.get(i, j), 1e-12);
            }
        }
    }
}
