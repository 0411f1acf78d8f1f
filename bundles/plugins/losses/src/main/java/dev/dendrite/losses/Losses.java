package dev.dendrite.losses;

import dev.dendrite.api.math.Matrix;

/** What the losses share: shape checks and the clipping of probabilities away from 0 and 1. */
final class Losses {

    /** Probabilities are clipped into [CLIP, 1 − CLIP] before a log or a division. */
    static final double CLIP = 1e-12;

    private Losses() {
    }

    /** p clipped into [CLIP, 1 − CLIP]. */
    static double clip(double p) {
        return Math.min(Math.max(p, CLIP), 1 - CLIP);
    }

    /**
     * Throws {@link IllegalArgumentException} unless {@code a} has the shape of {@code y}. (Fixed
     * arities, not varargs: the checks run every iteration and must not allocate.)
     */
    static void requireShapes(String operation, Matrix y, Matrix a) {
        y.requireSameShape(a, operation);
    }

    /** Throws {@link IllegalArgumentException} unless {@code a} and {@code b} have the shape of {@code y}. */
    static void requireShapes(String operation, Matrix y, Matrix a, Matrix b) {
        y.requireSameShape(a, operation);
        y.requireSameShape(b, operation);
    }
}
