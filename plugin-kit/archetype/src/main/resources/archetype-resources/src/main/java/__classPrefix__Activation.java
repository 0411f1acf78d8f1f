package ${package};

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Activation;
import org.osgi.service.component.annotations.Component;

/**
 * Softplus, a smooth ReLU: g(z) = log(1 + e^z), g'(z) = σ(z) = 1 / (1 + e^−z). Replace the two
 * formulas with yours; keep them in forms that neither overflow nor cancel for large |z|.
 * Stateless, so one instance serves every run.
 */
@Component(property = {"name=${pluginName}", "description=softplus log(1 + e^z)"})
public final class ${classPrefix}Activation implements Activation {

    @Override
    public void forward(Matrix z, Matrix a) {
        double[] zv = z.data();
        double[] av = a.data();
        for (int i = 0; i < zv.length; i++) {
            // log(1 + e^z) = max(z, 0) + log1p(e^−|z|): e^z never overflows
            av[i] = Math.max(zv[i], 0) + Math.log1p(Math.exp(-Math.abs(zv[i])));
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) {
        double[] zv = z.data();
        double[] da = dA.data();
        double[] dz = dZ.data();
        for (int i = 0; i < zv.length; i++) {
            dz[i] = da[i] * sigmoid(zv[i]);   // dZ may be dA: da[i] is read before dz[i] is written
        }
    }

    @Override
    public String initializer() {
        return "he";
    }

    /** σ(z) without overflow: e^−z for z ≥ 0, e^z otherwise. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
