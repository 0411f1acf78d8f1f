package dev.dendrite.models;

import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Model;

/**
 * What a model's outputs A[L] (n[L], m) say about sample j: the class label, the one whose output
 * unit is largest (for a single sigmoid unit, {@code classes[1]} when a ≥ 0.5, else
 * {@code classes[0]}), with each class's probability; or the regression value. Used by
 * {@code ml:predict} and the web API's predictions (since 1.1).
 */
public final class Predictions {

    private Predictions() {
    }

    /** The predicted class label, or the regression value as text. */
    public static String label(Model model, Matrix a, int j) {
        if (model.task() == Task.REGRESSION) {
            return Double.toString(value(model, a, j));
        }
        if (a.rows() == 1) {
            return model.classes().get(a.get(0, j) >= 0.5 ? 1 : 0);
        }
        int best = 0;
        for (int i = 1; i < a.rows(); i++) {
            if (a.get(i, j) > a.get(best, j)) {
                best = i;
            }
        }
        return model.classes().get(best);
    }

    /**
     * The probability of each class, in the order of {@link Model#classes()}: the softmax outputs,
     * or a and 1 − a of a single sigmoid unit.
     */
    public static double[] probabilities(Model model, Matrix a, int j) {
        if (model.task() == Task.REGRESSION) {
            throw new IllegalArgumentException("a regression model predicts values, not class probabilities");
        }
        if (a.rows() == 1) {
            double p = a.get(0, j);
            return new double[] {1 - p, p};
        }
        double[] p = new double[a.rows()];
        for (int i = 0; i < p.length; i++) {
            p[i] = a.get(i, j);
        }
        return p;
    }

    /**
     * The regression value of sample j.
     *
     * @throws IllegalArgumentException for a model with several regression outputs
     */
    public static double value(Model model, Matrix a, int j) {
        if (a.rows() != 1) {
            throw new IllegalArgumentException("the model has " + a.rows() + " regression outputs; one is handled");
        }
        return a.get(0, j);
    }
}
