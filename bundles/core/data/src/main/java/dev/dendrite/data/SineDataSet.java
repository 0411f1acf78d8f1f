package dev.dendrite.data;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSetProvider;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;

/**
 * Regression of y = sin(x) + ε: 1000 samples with x uniform in [−π, π] and ε ~ N(0, 0.02²), so
 * the irreducible mean squared error is 0.0004 and a validation MSE below 0.01 is reachable.
 */
@Component(service = DataSetProvider.class, property = {
        "name=sine",
        "description=1000 points, y = sin(x) + noise 0.02 for x in [-π, π] (regression)"})
public final class SineDataSet implements DataSetProvider {
    static final int SAMPLES = 1000;
    static final double NOISE = 0.02;

    @Override
    public DataSet generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[SAMPLES];
        double[] y = new double[SAMPLES];
        for (int j = 0; j < SAMPLES; j++) {
            x[j] = random.nextDouble(-Math.PI, Math.PI);
            y[j] = Math.sin(x[j]) + NOISE * random.nextGaussian();
        }
        return Synthetic.curve("sine", "x", x, y);
    }
}
