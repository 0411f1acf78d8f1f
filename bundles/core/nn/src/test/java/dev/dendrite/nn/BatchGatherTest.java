package dev.dendrite.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dendrite.api.math.Matrix;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Filling a mini-batch: X's column j is sample order[from + j] of the data set, every feature of
 * it, at both precisions, for widths that are and are not a multiple of the gather's 8 samples.
 */
class BatchGatherTest {

    @ParameterizedTest(name = "{0} features, batch {1} from {2}")
    @CsvSource({"784, 128, 0", "784, 128, 256", "5, 13, 7", "3, 1, 99", "17, 8, 40", "1, 100, 0"})
    void columnJOfXIsSampleOrderFromPlusJ(int features, int width, int from) {
        int samples = 500;
        Random random = new Random(features * 31L + width);
        Matrix x = new Matrix(features, samples); // feature-major, as a data set holds it
        for (int i = 0; i < x.data().length; i++) {
            x.data()[i] = random.nextGaussian();
        }
        int[] order = Evaluation.identity(samples);
        for (int i = samples - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        check(Arithmetic.FLOAT64, x, order, from, width);
        check(Arithmetic.FLOAT32, x, order, from, width);
    }

    private static <M> void check(Arithmetic<M> arithmetic, Matrix x, int[] order, int from, int width) {
        int features = x.rows();
        M bySample = arithmetic.matrix(x.cols(), features);
        arithmetic.transpose(x, bySample);
        M batch = arithmetic.matrix(features, width);
        arithmetic.gather(bySample, order, from, batch);
        Matrix gathered = arithmetic.toDouble(batch);
        double tolerance = arithmetic == Arithmetic.FLOAT64 ? 0 : 1e-6;
        for (int j = 0; j < width; j++) {
            for (int f = 0; f < features; f++) {
                double expected = x.get(f, order[from + j]);
                assertEquals(expected, gathered.get(f, j), tolerance * Math.abs(expected),
                        arithmetic.precision() + ": feature " + f + " of column " + j + " (sample " + order[from + j] + ")");
            }
        }
    }
}
