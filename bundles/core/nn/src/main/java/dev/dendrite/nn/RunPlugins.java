package dev.dendrite.nn;

import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.Loss;
import dev.dendrite.api.nn.Optimizer;

/**
 * The plug-ins a training run calls, by their role: what a {@link CallSite} names when a call fails.
 *
 * @param hidden g[1] … g[L-1]
 * @param output g[L]
 */
record RunPlugins(Plugin<MatrixMath> backend, Plugin<Activation> hidden, Plugin<Activation> output, Plugin<Loss> loss,
                  Plugin<Optimizer> optimizer) {

    /** The plug-in called at {@code site} in a network of {@code depth} layers, e.g. {@code activation 'tanh' of bundle …}. */
    String describe(CallSite site, int depth) {
        return switch (site.role()) {
            case BACKEND -> Bindings.describe("backend", backend);
            case ACTIVATION -> Bindings.describe("activation", site.layer() < depth ? hidden : output);
            case LOSS -> Bindings.describe("loss", loss);
            case OPTIMIZER -> Bindings.describe("optimizer", optimizer);
        };
    }
}
