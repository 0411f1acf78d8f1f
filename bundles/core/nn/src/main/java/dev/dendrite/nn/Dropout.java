package dev.dendrite.nn;

import dev.dendrite.api.math.Matrix;
import java.util.SplittableRandom;

/**
 * Inverted dropout: each hidden unit is kept with probability keep = 1 − rate; the mask holds
 * 1/keep for kept units and 0 for dropped ones, so E[A ⊙ mask] = A and prediction needs no change.
 */
final class Dropout {
    private final double rate;
    private final SplittableRandom random;

    Dropout(double rate, long seed) {
        this.rate = rate;
        this.random = new SplittableRandom(seed);
    }

    boolean active() {
        return rate > 0;
    }

    /** Draws a fresh mask. */
    void draw(Matrix mask) {
        double keep = 1 - rate;
        double scale = 1 / keep;
        double[] v = mask.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble() < keep ? scale : 0;
        }
    }
}
