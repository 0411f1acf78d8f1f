package dev.dendrite.optimizers;

import dev.dendrite.api.math.FloatMatrix;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.FloatUpdater;

/**
 * An updater that keeps {@code slots} arrays of state per parameter (velocity, moments),
 * allocated on the first call with the parameters' sizes and reused afterwards: later calls
 * allocate nothing. Later calls must pass the same number of parameters with the same shapes.
 * In single precision the state is kept in float too, as PyTorch keeps it.
 */
abstract class StatefulUpdater implements FloatUpdater {

    private final int slots;
    private double[][][] state;
    private float[][][] floatState;

    StatefulUpdater(int slots) {
        this.slots = slots;
    }

    @Override
    public final void update(Matrix[] params, Matrix[] grads, double learningRate) {
        if (state == null) {
            state = new double[params.length][slots][];
            for (int i = 0; i < params.length; i++) {
                for (int k = 0; k < slots; k++) {
                    state[i][k] = new double[params[i].data().length];
                }
            }
        }
        check(params.length, grads.length, state.length);
        for (int i = 0; i < params.length; i++) {
            Matrix p = params[i];
            if (!grads[i].hasShape(p.rows(), p.cols()) || slots > 0 && state[i][0].length != p.data().length) {
                throw mismatch(i, grads[i].hasShape(p.rows(), p.cols()), grads[i].shape(), p.shape());
            }
        }
        beginIteration();
        for (int i = 0; i < params.length; i++) {
            step(params[i].data(), grads[i].data(), state[i], learningRate);
        }
    }

    @Override
    public final void update(FloatMatrix[] params, FloatMatrix[] grads, double learningRate) {
        if (floatState == null) {
            floatState = new float[params.length][slots][];
            for (int i = 0; i < params.length; i++) {
                for (int k = 0; k < slots; k++) {
                    floatState[i][k] = new float[params[i].data().length];
                }
            }
        }
        check(params.length, grads.length, floatState.length);
        for (int i = 0; i < params.length; i++) {
            FloatMatrix p = params[i];
            if (!grads[i].hasShape(p.rows(), p.cols()) || slots > 0 && floatState[i][0].length != p.data().length) {
                throw mismatch(i, grads[i].hasShape(p.rows(), p.cols()), grads[i].shape(), p.shape());
            }
        }
        beginIteration();
        for (int i = 0; i < params.length; i++) {
            step(params[i].data(), grads[i].data(), floatState[i], learningRate);
        }
    }

    private static void check(int params, int grads, int first) {
        if (params != grads) {
            throw new IllegalArgumentException("update: " + params + " parameters but " + grads + " gradients");
        }
        if (params != first) {
            throw new IllegalArgumentException("update: " + params + " parameters, the first call had " + first);
        }
    }

    private static IllegalArgumentException mismatch(int i, boolean gradientFits, String gradient, String parameter) {
        return new IllegalArgumentException(gradientFits ? "update: parameter " + i + " " + parameter + " changed size since the first call"
                : "update: gradient " + i + " " + gradient + " does not match parameter " + parameter);
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

    /** The same step in single precision, on float parameters, gradients and state. */
    abstract void step(float[] theta, float[] g, float[][] state, double alpha);
}
