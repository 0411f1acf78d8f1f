package dev.dendrite.tuning;

import dev.dendrite.api.tuning.StudyContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The rungs of successive halving, sized to the study: with R the epochs per trial and η the
 * option {@code eta} (default 3), rung j trains for R·η^−j epochs (rounded, at least 1), from
 * rung 0 (R, the top) down to the bottom rung d. The deepest possible bottom is the largest s
 * with η^s ≤ R; the bottom is the deepest d whose full pyramid, η^d + … + η + 1 trials (η^d
 * started at the bottom, the best 1/η of each rung promoted), fits in the study's trials, so
 * that the best configurations reach R within {@code --trials}. Option {@code rungs=k} sets
 * d = k − 1 instead. The ladder depends on R and η only; the trials choose how deep it is used,
 * so a study resumed with more trials keeps its earlier trials on their rungs.
 *
 * @param eta    η, the reduction factor between rungs
 * @param epochs the epochs of rungs 0 (R) … d
 */
record Rungs(int eta, List<Integer> epochs) {
    static final String ETA = "eta";
    static final String RUNGS = "rungs";

    Rungs {
        epochs = List.copyOf(epochs);
    }

    /**
     * The rungs of a study in {@code context}.
     *
     * @throws IllegalArgumentException for η &lt; 2, too few epochs to halve, or
     *                                  a number of rungs the epochs do not allow
     */
    static Rungs of(StudyContext context) {
        int eta = context.intOption(ETA, 3);
        if (eta < 2) {
            throw new IllegalArgumentException("halving: eta must be at least 2, got " + eta);
        }
        int maxEpochs = context.budget();
        int deepest = 0;
        while (Math.pow(eta, deepest + 1) <= maxEpochs) {
            deepest++;
        }
        if (deepest == 0) {
            throw new IllegalArgumentException("halving needs at least eta = " + eta + " epochs per trial to halve, got " + maxEpochs);
        }
        int count = context.intOption(RUNGS, sized(eta, deepest, context.trials()) + 1);
        if (count < 1 || count > deepest + 1) {
            throw new IllegalArgumentException("halving: rungs must be in [1, " + (deepest + 1) + "] for " + maxEpochs
                    + " epochs and eta " + eta + ", got " + count);
        }
        List<Integer> epochs = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            epochs.add(Math.max(1, (int) Math.round(maxEpochs / Math.pow(eta, j))));
        }
        return new Rungs(eta, epochs);
    }

    /** The deepest bottom rung d ≤ {@code deepest} whose pyramid of η^d + … + 1 trials fits in {@code trials} (all of them for 0: not known). */
    private static int sized(int eta, int deepest, int trials) {
        if (trials == 0) {
            return deepest;
        }
        int d = 0;
        long pyramid = 1;
        long width = 1;
        while (d < deepest && pyramid + width * eta <= trials) {
            width *= eta;
            pyramid += width;
            d++;
        }
        return d;
    }

    /** The bottom rung's index d. */
    int bottom() {
        return epochs.size() - 1;
    }

    /** The rung whose epochs are {@code budget}, or −1 when none is. */
    int of(int budget) {
        return epochs.indexOf(budget);
    }
}
