package ${package};

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSetProvider;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import java.util.List;
import java.util.Random;
import org.osgi.service.component.annotations.Component;

/**
 * Two Gaussian blobs in the plane: 200 samples, half of class 0 around (−1, −1) and half of
 * class 1 around (1, 1), standard deviation 0.5. Samples are columns: X is (2, 200). Everything
 * random comes from the seed, so a seed always gives the same data. Replace it with yours.
 */
@Component(property = {"name=${pluginName}", "description=200 points, two Gaussian blobs around (-1, -1) and (1, 1), sd 0.5"})
public final class ${classPrefix}DataSetProvider implements DataSetProvider {
    static final int SAMPLES = 200;

    @Override
    public DataSet generate(long seed) {
        Random random = new Random(seed);
        Matrix x = new Matrix(2, SAMPLES);
        double[] targets = new double[SAMPLES];
        for (int j = 0; j < SAMPLES; j++) {
            int label = j % 2;
            double centre = label == 0 ? -1 : 1;
            x.set(0, j, centre + 0.5 * random.nextGaussian());
            x.set(1, j, centre + 0.5 * random.nextGaussian());
            targets[j] = label;
        }
        return new DataSet("${pluginName}", List.of("x1", "x2"), x, targets, Task.CLASSIFICATION, List.of("0", "1"));
    }
}
