package dev.dendrite.data;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSetProvider;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;

/**
 * The CS231n three-arm spiral: for class k = 0, 1, 2, 200 points with radius r evenly spaced
 * in [0, 1] and angle t evenly spaced in [4k, 4(k+1)] plus N(0, 0.2²) noise, at
 * (r·sin t, r·cos t). Not linearly separable.
 */
@Component(service = DataSetProvider.class, property = {
        "name=spirals",
        "description=600 points, three interleaved spiral arms (CS231n), three classes"})
public final class SpiralsDataSet implements DataSetProvider {
    static final int CLASSES = 3;
    static final int PER_CLASS = 200;
    static final double ANGLE_NOISE = 0.2;

    @Override
    public DataSet generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int m = CLASSES * PER_CLASS;
        double[] radius = Synthetic.linspace(0, 1, PER_CLASS, true);
        double[] x1 = new double[m];
        double[] x2 = new double[m];
        double[] labels = new double[m];
        for (int k = 0; k < CLASSES; k++) {
            double[] angle = Synthetic.linspace(4 * k, 4 * (k + 1), PER_CLASS, true);
            for (int i = 0; i < PER_CLASS; i++) {
                int j = k * PER_CLASS + i;
                double t = angle[i] + ANGLE_NOISE * random.nextGaussian();
                x1[j] = radius[i] * Math.sin(t);
                x2[j] = radius[i] * Math.cos(t);
                labels[j] = k;
            }
        }
        return Synthetic.plane("spirals", x1, x2, labels, CLASSES);
    }
}
