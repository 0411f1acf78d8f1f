package dev.dendrite.data;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSetProvider;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;

/**
 * XOR: 200 points, 50 around each corner (±1, ±1) with Gaussian noise N(0, 0.2²) on each
 * coordinate; class 1 where the corner's signs differ (x1·x2 &lt; 0), class 0 otherwise. The
 * clusters stay separable by the axes with a wide margin, but no single line separates the classes.
 */
@Component(service = DataSetProvider.class, property = {
        "name=xor",
        "description=200 points around the corners (±1, ±1), noise 0.2; class 1 where the signs differ"})
public final class XorDataSet implements DataSetProvider {
    static final int PER_CORNER = 50;
    static final double NOISE = 0.2;

    @Override
    public DataSet generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int m = 4 * PER_CORNER;
        double[] x1 = new double[m];
        double[] x2 = new double[m];
        double[] labels = new double[m];
        for (int j = 0; j < m; j++) {
            int corner = j / PER_CORNER;
            double sign1 = (corner & 1) == 0 ? 1 : -1;
            double sign2 = (corner & 2) == 0 ? 1 : -1;
            x1[j] = sign1 + NOISE * random.nextGaussian();
            x2[j] = sign2 + NOISE * random.nextGaussian();
            labels[j] = sign1 != sign2 ? 1 : 0;
        }
        return Synthetic.plane("xor", x1, x2, labels, 2);
    }
}
