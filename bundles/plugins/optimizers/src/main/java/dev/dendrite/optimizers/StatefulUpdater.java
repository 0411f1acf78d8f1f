package dev.dendrite.optimizers;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Updater;

/**
 * An updater that keeps {@code slots} arrays of state per parameter (velocity, moments),
 * allocated on the first call with the parameters' sizes and reused afterwards: later calls
 * allocate nothing. Later calls must pass the same number of parameters with the same shapes.
 */
abstract class StatefulUpdater implements Updater {

    private final int slots;
    private double[][][] state;

    StatefulUpdater(int slots) {
        this.slots = slots;
    }

    @Override
    public final void update(Matrix[] params, Matrix[] grads, double learningRate) {
        if (params.length != grads.length) {
            throw new IllegalArgumentException("update: " + params.length + " parameters but " + grads.length + " gradients");
        }
        if (state == null) {
            state = allocate(params);
        } else if (state.length != params.length) {
            throw new IllegalArgumentException("update: " + params.length + " parameters, the first call had " + state.length);
        }
        for (int i = 0; i < params.length; i++) {
            Matrix p = params[i];
            if (!grads[i].hasShape(p.rows(), p.cols())) {
                throw new IllegalArgumentException("update: gradient " + i + " " + grads[i].shape() + " does not match parameter " + p.shape());
            }
            if (slots > 0 && state[i][0].length != p.data().length) {
                throw new IllegalArgumentException("update: parameter " + i + " " + p.shape() + " changed size since the first call");
            }
        }
        beginIteration();
        for (int i = 0; i < params.length; i++) {
            step(params[i].data(), grads[i].data(), state[i], learningRate);
        }
    }

    private double[][][] allocate(Matrix[] params) {
        double[][][] s = new double[params.length][slots][];
        for (int i = 0; i < params.length; i++) {
            for (int k = 0; k < slots; k++) {
                s[i][k] = new double[params[i].data().length];
            }
        }
        return s;
    }

    /** Called once per update, before the steps (e.g. to advance a step counter). */
    void beginIteration() {
    }

    /**
     * Updates one parameter in place.
     *
     * @param theta the parameter's elements, modified
     * @param g     the gradient's elements, read only
     * @param state this parameter's {@code slots} state arrays, modified
     * @param alpha the learning rate α
     */
    abstract void step(double[] theta, double[] g, double[][] state, double alpha);
}
