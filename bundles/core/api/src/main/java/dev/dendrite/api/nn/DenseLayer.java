package dev.dendrite.api.nn;

import dev.dendrite.api.math.Matrix;

/**
 * The trained parameters of one fully connected layer: A = g(W·A_prev + b).
 *
 * @param weights    W[l] (n[l], n[l-1])
 * @param bias       b[l] (n[l], 1)
 * @param activation the name of g[l]
 */
public record DenseLayer(Matrix weights, Matrix bias, String activation) {

    public DenseLayer {
        if (bias.cols() != 1 || bias.rows() != weights.rows()) {
            throw new IllegalArgumentException("bias " + bias.shape() + " does not fit weights " + weights.shape());
        }
    }

    public LayerShape shape(int layer) {
        return new LayerShape(layer, weights.rows(), weights.cols(), activation);
    }
}
