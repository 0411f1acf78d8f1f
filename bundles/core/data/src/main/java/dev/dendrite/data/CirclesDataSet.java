package dev.dendrite.data;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSetProvider;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;

/**
 * Two concentric circles, as scikit-learn's {@code make_circles(500, noise=0.05, factor=0.5)}:
 * with t evenly spaced in [0, 2π) (end excluded), class 0 is (cos t, sin t) for 250 points and
 * class 1 is 0.5·(cos t, sin t) for 250 points; N(0, 0.05²) noise is added to each coordinate.
 */
@Component(service = DataSetProvider.class, property = {
        "name=circles",
        "description=500 points, two concentric circles (like make_circles), factor 0.5, noise 0.05"})
public final class CirclesDataSet implements DataSetProvider {
    static final int SAMPLES = 500;
    static final double FACTOR = 0.5;
    static final double NOISE = 0.05;

    @Override
    public DataSet generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int outer = SAMPLES / 2;
        double[] tOuter = Synthetic.linspace(0, 2 * Math.PI, outer, false);
        double[] tInner = Synthetic.linspace(0, 2 * Math.PI, SAMPLES - outer, false);
        double[] x1 = new double[SAMPLES];
        double[] x2 = new double[SAMPLES];
        double[] labels = new double[SAMPLES];
        for (int j = 0; j < SAMPLES; j++) {
            boolean inner = j >= outer;
            double t = inner ? tInner[j - outer] : tOuter[j];
            double radius = inner ? FACTOR : 1;
            x1[j] = radius * Math.cos(t) + NOISE * random.nextGaussian();
            x2[j] = radius * Math.sin(t) + NOISE * random.nextGaussian();
            labels[j] = inner ? 1 : 0;
        }
        return Synthetic.plane("circles", x1, x2, labels, 2);
    }
}
