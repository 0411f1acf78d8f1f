package dev.dendrite.nn;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.math.Precision;
import dev.dendrite.nn.CallSite.Phase;
import dev.dendrite.nn.CallSite.Role;

/**
 * Where a non-finite value first appeared in the iteration that just ran: its matrices re-checked
 * in the order they were computed (Z[1], A[1], …, A[L], J, dA[L] and dZ[L], then dW[l], db[l],
 * dA[l-1] and dZ[l-1] for l = L … 1, then the updated parameters). A run searches only after a
 * cheap sentinel went non-finite — the cost J, which it computes anyway, or the sum of the
 * parameters after the update — so that healthy iterations pay one pass over the parameters and
 * nothing else.
 *
 * <p>The stage that produced the first non-finite value read only finite values. It is a plug-in's
 * fault when those values, and its own finite outputs, are at most {@link #SAFE} in magnitude:
 * then no product or sum of them overflows a double (1e100 · 1e100 summed over up to 1e100 terms
 * stays below 1.8e308; {@link #SAFE_FLOAT} in a float32 run), and a NaN or an infinity came from the
 * plug-in, not from the arithmetic. Larger values mean the run itself is diverging.
 */
final class NonFiniteSearch {
    /** The largest magnitude at which an overflow is not the arithmetic's doing, in double. */
    static final double SAFE = 1e100;
    /** The same in float (overflowing at 3.4e38): 1e12 · 1e12 summed over up to 1e12 terms stays below. */
    static final double SAFE_FLOAT = 1e12;

    private static final Matrix[] NONE = {};

    /**
     * The first non-finite value and the call that produced it.
     *
     * @param pluginFault whether the plug-in is to blame (its inputs were finite and small enough
     *                    that no overflow explains the value), or the run diverged
     */
    record Finding(CallSite site, double value, boolean pluginFault) {
    }

    private NonFiniteSearch() {
    }

    /**
     * Searches forward propagation and the cost, for a non-finite J (training) or a non-finite cost of
     * an evaluated chunk.
     *
     * @param cost J as the loss returned it (without the L2 term)
     * @return the finding, or null when every value is finite (the L2 term overflowed: the run diverged)
     */
    static <M> Finding forward(Network<M> net, Network.Workspace<M> ws, boolean fused, double cost) {
        int last = net.depth();
        double safe = safe(net);
        for (int l = 1; l <= last; l++) {
            Finding f = first(safe, site(Phase.FORWARD, l, Role.BACKEND), of(d(net, ws.z(l))), of(d(net, ws.layerInput(l))), of(d(net, net.weights(l)), d(net, net.bias(l))));
            if (f == null) {
                f = first(safe, site(Phase.FORWARD, l, Role.ACTIVATION), of(d(net, ws.a(l))), of(d(net, ws.z(l))), NONE);
            }
            if (f != null) {
                return f;
            }
        }
        if (!Double.isFinite(cost)) {
            Matrix read = fused ? d(net, ws.z(last)) : d(net, ws.a(last));
            return new Finding(site(Phase.LOSS, last, Role.LOSS), cost, finite(read, ws.targets()) && scale(read, ws.targets()) <= safe);
        }
        return null;
    }

    /**
     * Searches a whole iteration, after its update left a non-finite parameter: forward propagation,
     * the loss gradient, backward propagation, then the update itself.
     *
     * @return the finding, or null when every value is finite (the parameters' sum overflowed: the run diverged)
     */
    static <M> Finding iteration(Network<M> net, Network.Workspace<M> ws, boolean fused, M[] params, M[] grads) {
        int last = net.depth();
        double safe = safe(net);
        Finding f = forward(net, ws, fused, 0);
        Matrix y = ws.targets();
        if (f == null && fused) {
            f = first(safe, site(Phase.LOSS_GRADIENT, last, Role.LOSS), of(d(net, ws.dZ(last))), of(d(net, ws.a(last)), y), NONE);
        } else if (f == null) {
            f = first(safe, site(Phase.LOSS_GRADIENT, last, Role.LOSS), of(d(net, ws.dA(last))), of(d(net, ws.a(last)), y), NONE);
            if (f == null) {
                f = first(safe, site(Phase.BACKWARD, last, Role.ACTIVATION), of(d(net, ws.dZ(last))), of(d(net, ws.z(last)), d(net, ws.a(last)), d(net, ws.dA(last))), NONE);
            }
        }
        for (int l = last; l >= 1 && f == null; l--) {
            Matrix[] computed = l > 1 ? of(d(net, net.weightGradient(l)), d(net, net.biasGradient(l)), d(net, ws.dA(l - 1)))
                    : of(d(net, net.weightGradient(l)), d(net, net.biasGradient(l)));
            f = first(safe, site(Phase.BACKWARD, l, Role.BACKEND), computed, of(d(net, ws.dZ(l)), d(net, ws.layerInput(l))), of(d(net, net.weights(l))));
            if (f == null && l > 1) {
                f = first(safe, site(Phase.BACKWARD, l - 1, Role.ACTIVATION), of(d(net, ws.dZ(l - 1))), of(d(net, ws.z(l - 1)), d(net, ws.a(l - 1)), d(net, ws.dA(l - 1))), NONE);
            }
        }
        return f != null ? f : first(safe, site(Phase.UPDATE, 0, Role.OPTIMIZER), all(net, params), all(net, grads), NONE);
    }

    private static double safe(Network<?> net) {
        return net.arithmetic().precision() == Precision.FLOAT32 ? SAFE_FLOAT : SAFE;
    }

    /** A matrix of the run in double: itself at float64, a copy at float32 (the search runs once, when a run fails). */
    private static <M> Matrix d(Network<M> net, M m) {
        return net.arithmetic().toDouble(m);
    }

    private static <M> Matrix[] all(Network<M> net, M[] ms) {
        Matrix[] out = new Matrix[ms.length];
        for (int i = 0; i < ms.length; i++) {
            out[i] = d(net, ms[i]);
        }
        return out;
    }

    /**
     * The first non-finite element of {@code outputs}, blamed on {@code site} when the stage read
     * finite values and every value it read or wrote is small.
     *
     * @param parameters W[l] and b[l] read by the stage: finite before this iteration's update (the
     *                   previous iteration checked them), so only their magnitude counts, as the
     *                   search may run after the update
     */
    private static Finding first(double safe, CallSite site, Matrix[] outputs, Matrix[] inputs, Matrix[] parameters) {
        for (Matrix out : outputs) {
            for (double v : out.data()) {
                if (!Double.isFinite(v)) {
                    boolean small = Math.max(scale(inputs), Math.max(scale(parameters), scale(outputs))) <= safe;
                    return new Finding(site, v, finite(inputs) && small);
                }
            }
        }
        return null;
    }

    private static Matrix[] of(Matrix... matrices) {
        return matrices;
    }

    private static CallSite site(Phase phase, int layer, Role role) {
        return new CallSite().enter(phase, layer, role);
    }

    private static boolean finite(Matrix... matrices) {
        for (Matrix m : matrices) {
            for (double v : m.data()) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The largest magnitude among the finite elements. */
    private static double scale(Matrix... matrices) {
        double max = 0;
        for (Matrix m : matrices) {
            for (double v : m.data()) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        return max;
    }
}
