package dev.dendrite.nn;

import java.util.SplittableRandom;

/**
 * Inverted dropout: each hidden unit is kept with probability keep = 1 − rate; the mask holds
 * 1/keep for kept units and 0 for dropped ones, so E[A ⊙ mask] = A and prediction needs no change.
 * {@link Arithmetic#draw} fills a mask from {@link #next()}.
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

    /** The next element of a mask: 1/keep with probability keep, else 0. */
    double next() {
        double keep = 1 - rate;
        return random.nextDouble() < keep ? 1 / keep : 0;
    }
}
