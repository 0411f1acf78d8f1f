package dev.dendrite.data;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSetProvider;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;

/**
 * Two interleaving half circles, as scikit-learn's {@code make_moons(500, noise=0.1)}: with
 * t evenly spaced in [0, π], class 0 is (cos t, sin t) for 250 points and class 1 is
 * (1 − cos t, 0.5 − sin t) for 250 points; N(0, 0.1²) noise is added to each coordinate.
 */
@Component(service = DataSetProvider.class, property = {
        "name=moons",
        "description=500 points, two interleaving half circles (like make_moons), noise 0.1"})
public final class MoonsDataSet implements DataSetProvider {
    static final int SAMPLES = 500;
    static final double NOISE = 0.1;

    @Override
    public DataSet generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int outer = SAMPLES / 2;
        double[] tOuter = Synthetic.linspace(0, Math.PI, outer, true);
        double[] tInner = Synthetic.linspace(0, Math.PI, SAMPLES - outer, true);
        double[] x1 = new double[SAMPLES];
        double[] x2 = new double[SAMPLES];
        double[] labels = new double[SAMPLES];
        for (int j = 0; j < SAMPLES; j++) {
            boolean inner = j >= outer;
            double t = inner ? tInner[j - outer] : tOuter[j];
            x1[j] = (inner ? 1 - Math.cos(t) : Math.cos(t)) + NOISE * random.nextGaussian();
            x2[j] = (inner ? 0.5 - Math.sin(t) : Math.sin(t)) + NOISE * random.nextGaussian();
            labels[j] = inner ? 1 : 0;
        }
        return Synthetic.plane("moons", x1, x2, labels, 2);
    }
}
