package org.example.relu;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Activation;
import org.osgi.service.component.annotations.Component;

/**
 * ReLU, g(z) = max(0, z), g'(z) = 1 for z &gt; 0 else 0, registered under the platform's own name
 * {@code relu} with {@code service.ranking} 100: while this bundle is deployed, new runs asking
 * for relu get this implementation; remove the bundle and they get the platform's again.
 */
@Component(property = {"name=relu", "description=relu from an example bundle (ranking 100)", "service.ranking:Integer=100"})
public final class RankedRelu implements Activation {

    @Override
    public void forward(Matrix z, Matrix a) {
        double[] zv = z.data();
        double[] av = a.data();
        for (int i = 0; i < zv.length; i++) {
            av[i] = Math.max(0, zv[i]);
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) {
        double[] zv = z.data();
        double[] da = dA.data();
        double[] dz = dZ.data();
        for (int i = 0; i < zv.length; i++) {
            dz[i] = zv[i] > 0 ? da[i] : 0;
        }
    }

    @Override
    public String initializer() {
        return "he";
    }
}
