package dev.dendrite.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSetProvider;
import dev.dendrite.api.data.Task;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltInDataSetsTest {

    static Stream<Arguments> builtIns() {
        return Stream.of(
                Arguments.of(new XorDataSet(), "xor", 200, List.of("x1", "x2"), Task.CLASSIFICATION, List.of("0", "1")),
                Arguments.of(new MoonsDataSet(), "moons", 500, List.of("x1", "x2"), Task.CLASSIFICATION, List.of("0", "1")),
                Arguments.of(new CirclesDataSet(), "circles", 500, List.of("x1", "x2"), Task.CLASSIFICATION, List.of("0", "1")),
                Arguments.of(new SpiralsDataSet(), "spirals", 600, List.of("x1", "x2"), Task.CLASSIFICATION, List.of("0", "1", "2")),
                Arguments.of(new SineDataSet(), "sine", 1000, List.of("x"), Task.REGRESSION, List.of()));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("builtIns")
    void hasItsShapeTaskAndClasses(DataSetProvider provider, String name, int samples, List<String> features, Task task, List<String> classes) {
        DataSet data = provider.generate(1);
        assertEquals(name, data.name());
        assertEquals(samples, data.samples());
        assertEquals(features, data.featureNames());
        assertEquals(features.size(), data.features());
        assertEquals(task, data.task());
        assertEquals(classes, data.classes());
        for (double v : data.x().data()) {
            assertTrue(Double.isFinite(v));
        }
        if (task == Task.CLASSIFICATION) {
            int[] counts = classCounts(data);
            for (int count : counts) {
                assertEquals(samples / classes.size(), count, "balanced classes");
            }
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("builtIns")
    void isDeterministicPerSeedAndDiffersAcrossSeeds(DataSetProvider provider, String name) {
        DataSet a = provider.generate(7);
        DataSet b = provider.generate(7);
        DataSet c = provider.generate(8);
        assertEquals(a.x(), b.x());
        assertArrayEquals(a.targets(), b.targets());
        assertNotEquals(a.x(), c.x());
    }

    @Test
    void xorClassIsOneExactlyWhereTheSignsDiffer() {
        DataSet data = new XorDataSet().generate(3);
        for (int j = 0; j < data.samples(); j++) {
            double x1 = data.x().get(0, j);
            double x2 = data.x().get(1, j);
            assertEquals(x1 * x2 < 0 ? 1.0 : 0.0, data.targets()[j], "sample " + j + " at (" + x1 + ", " + x2 + ")");
            assertTrue(Math.abs(x1) < 2 && Math.abs(x2) < 2, "near a corner");
        }
        // noise σ = 0.2 around the corners: the spread of |x1| about 1 is close to 0.2
        assertEquals(0.2, spreadOfMagnitude(data, 0), 0.03);
    }

    @Test
    void moonsLieOnTheirHalfCircles() {
        DataSet data = new MoonsDataSet().generate(5);
        for (int j = 0; j < data.samples(); j++) {
            boolean inner = data.targets()[j] == 1;
            double cx = inner ? 1 : 0;
            double cy = inner ? 0.5 : 0;
            double r = Math.hypot(data.x().get(0, j) - cx, data.x().get(1, j) - cy);
            assertEquals(1.0, r, 0.5, "sample " + j + " near its unit half circle");
            double side = data.x().get(1, j) - cy;
            assertTrue(inner ? side < 0.5 : side > -0.5, "outer moon above its centre, inner below");
        }
    }

    @Test
    void circlesHaveRadiusOneAndOneHalf() {
        DataSet data = new CirclesDataSet().generate(5);
        double[] sum = new double[2];
        for (int j = 0; j < data.samples(); j++) {
            sum[(int) data.targets()[j]] += Math.hypot(data.x().get(0, j), data.x().get(1, j));
        }
        assertEquals(1.0, sum[0] / 250, 0.02);
        assertEquals(0.5, sum[1] / 250, 0.02);
    }

    @Test
    void spiralArmsGrowFromTheCentreToRadiusOne() {
        DataSet data = new SpiralsDataSet().generate(5);
        for (int k = 0; k < 3; k++) {
            int first = k * 200;
            int last = first + 199;
            assertEquals(0.0, Math.hypot(data.x().get(0, first), data.x().get(1, first)), 1e-12);
            assertEquals(1.0, Math.hypot(data.x().get(0, last), data.x().get(1, last)), 1e-12);
            assertEquals(k, data.targets()[last]);
        }
    }

    @Test
    void sineFollowsSinWithSmallNoise() {
        DataSet data = new SineDataSet().generate(5);
        double squares = 0;
        for (int j = 0; j < data.samples(); j++) {
            double x = data.x().get(0, j);
            assertTrue(x >= -Math.PI && x <= Math.PI);
            double residual = data.targets()[j] - Math.sin(x);
            squares += residual * residual;
        }
        double noise = Math.sqrt(squares / data.samples());
        assertEquals(0.02, noise, 0.003);
    }

    private static int[] classCounts(DataSet data) {
        int[] counts = new int[data.classes().size()];
        for (double t : data.targets()) {
            counts[(int) t]++;
        }
        return counts;
    }

    /** The standard deviation of |x_i| over the samples. */
    private static double spreadOfMagnitude(DataSet data, int i) {
        int m = data.samples();
        double sum = 0;
        double squares = 0;
        for (int j = 0; j < m; j++) {
            double v = Math.abs(data.x().get(i, j));
            sum += v;
            squares += v * v;
        }
        double mean = sum / m;
        return Math.sqrt(squares / m - mean * mean);
    }
}
