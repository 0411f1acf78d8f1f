package dev.dendrite.trace;

import dev.dendrite.api.math.Matrix;
import java.util.List;

/**
 * One iteration of training as the trainer computed it (copies of its buffers), with the checks
 * made afterwards through {@code Trainer.evaluate}.
 *
 * @param network      the architecture as n[0]-n[1]-…-n[L]
 * @param samples      where the samples came from
 * @param x            A[0] = X (n[0], m), columns in the order the trainer took them
 * @param y            Y (n[L], m) as the trainer encoded it
 * @param layers       layers 1 … L
 * @param loss         the loss name
 * @param fused        whether dZ[L] = A[L] − Y came from the loss fused with g[L]
 * @param cost         J of the iteration, as the trainer computed it
 * @param sampleLosses L(a, y) of each column, evaluated on that column alone
 * @param evaluated    J evaluated on all columns
 * @param optimizer    the optimizer name
 * @param learningRate α of the update
 * @param step         h of the central differences
 */
record Trace(String network, String samples, Matrix x, Matrix y, List<Layer> layers, String loss, boolean fused, double cost,
             double[] sampleLosses, double evaluated, String optimizer, double learningRate, double step) {

    Trace {
        layers = List.copyOf(layers);
    }

    /** L. */
    int depth() {
        return layers.size();
    }

    /** Layer l, 1 … L. */
    Layer layer(int l) {
        return layers.get(l - 1);
    }

    /** m. */
    int samplesCount() {
        return x.cols();
    }

    /**
     * Layer l of the iteration.
     *
     * @param l          the layer index
     * @param activation the name of g[l]
     * @param w          W[l] before the update
     * @param b          b[l] before the update
     * @param z          Z[l]
     * @param a          A[l]
     * @param dA         dA[l], or null when the trainer did not compute it (the output layer of a fused loss)
     * @param dZ         dZ[l]
     * @param dW         dW[l]
     * @param db         db[l]
     * @param numeric    the central differences (J(w + h) − J(w − h))/2h of every element of W[l]
     * @param wAfter     W[l] after the update
     * @param bAfter     b[l] after the update
     */
    record Layer(int l, String activation, Matrix w, Matrix b, Matrix z, Matrix a, Matrix dA, Matrix dZ, Matrix dW, Matrix db,
                 Matrix numeric, Matrix wAfter, Matrix bAfter) {
    }
}
