package ${package};

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Loss;
import org.osgi.service.component.annotations.Component;

/**
 * Log-cosh, a smooth absolute error for regression: L(a, y) = Σ_outputs log(cosh(a − y)),
 * ∂L/∂a = tanh(a − y). Replace the two formulas with yours. Stateless and thread safe.
 */
@Component(property = {"name=${pluginName}", "description=log-cosh, a smooth absolute error"})
public final class ${classPrefix}Loss implements Loss {

    /** J = (1/m)·Σ log(cosh(a − y)), with m the number of samples (columns). */
    @Override
    public double cost(Matrix a, Matrix y) {
        double[] av = a.data();
        double[] yv = y.data();
        double sum = 0;
        for (int i = 0; i < av.length; i++) {
            sum += logCosh(av[i] - yv[i]);
        }
        return sum / a.cols();
    }

    /** ∂L/∂a per sample, not divided by m. */
    @Override
    public void gradient(Matrix a, Matrix y, Matrix dA) {
        double[] av = a.data();
        double[] yv = y.data();
        double[] da = dA.data();
        for (int i = 0; i < av.length; i++) {
            da[i] = Math.tanh(av[i] - yv[i]);
        }
    }

    /** log(cosh d) = |d| + log1p(e^−2|d|) − log 2: cosh d overflows beyond |d| ≈ 710. */
    static double logCosh(double d) {
        double x = Math.abs(d);
        return x + Math.log1p(Math.exp(-2 * x)) - Math.log(2);
    }
}
