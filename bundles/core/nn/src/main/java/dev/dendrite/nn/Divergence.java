package dev.dendrite.nn;

import java.util.Locale;
import java.util.Optional;

/**
 * Divergence while every value is still finite, judged after each epoch by two rules.
 *
 * <ul>
 * <li><b>The loss</b>: the epoch's training loss (evaluated on the whole training split) is more
 * than {@link #LOSS_FACTOR} times the loss of the weights the run started from, for
 * {@link #EPOCHS} epochs in a row or at the run's last epoch. A healthy run ends below where it
 * started; for cross-entropy over k classes, which starts near ln k, 100 times that is confidently
 * wrong on most samples. Several epochs in a row, so that a rate that is merely too large and
 * swings the loss up and back is not cut short.</li>
 * <li><b>The weights</b>: the norm ‖W‖ = √(Σ_l ‖W[l]‖²) is more than {@link #WEIGHT_FACTOR} times
 * where it started (taken at least as large as a Xavier initialization's, √(Σ_l n[l]), so that a
 * tiny start is no reference). A step far too large can throw the weights so far out that every
 * unit saturates and the training loss happens to be 0, and nothing learns any more.</li>
 * </ul>
 *
 * <p>Measured (DivergenceTest's runs): the built-in data sets with ml:train's defaults and with
 * adam, and docs/hyperparameters.md's runs at α = 0.01 to 1, end at most 1.2 times their starting
 * loss with weights at most 4 times their starting norm; its oscillating α = 30 run on spirals
 * reaches 74 times the starting loss in single epochs and 131 times the starting norm, and is not
 * called diverged. Adam at α = 1e9 on xor multiplies the norm by about 10^9; sgd at α = 1e9 puts the
 * loss 10^8 times above its start.
 */
final class Divergence {
    /** How many times the starting loss an epoch's loss must exceed. */
    static final double LOSS_FACTOR = 100;
    /** For how many consecutive epochs. */
    static final int EPOCHS = 3;
    /** How many times the starting norm the weights' norm must exceed. */
    static final double WEIGHT_FACTOR = 1e4;
    /**
     * The starting loss taken at least this large, so that a run started from a model that fits its
     * data exactly (loss 0) is not called diverged for the rounding noise that follows.
     */
    private static final double LOSS_FLOOR = 1e-8;

    private final double initialLoss;
    private final double lossLimit;
    private final double initialNorm;
    private int since;
    private int lastEpoch;
    private double lastLoss;

    /**
     * @param initialLoss the training loss of the weights before the first update
     * @param initialNorm ‖W‖ before the first update, or a Xavier initialization's when that is larger
     */
    Divergence(double initialLoss, double initialNorm) {
        this.initialLoss = initialLoss;
        this.lossLimit = LOSS_FACTOR * Math.max(initialLoss, LOSS_FLOOR);
        this.initialNorm = initialNorm;
    }

    /** Records an epoch's training loss and weights' norm; the message when the run has diverged. */
    Optional<String> after(int epoch, double loss, double norm) {
        lastEpoch = epoch;
        lastLoss = loss;
        since = loss > lossLimit ? (since == 0 ? epoch : since) : 0;
        if (norm > WEIGHT_FACTOR * initialNorm) {
            return Optional.of(String.format(Locale.ROOT, "training diverged at epoch %d (the weights' norm %.4g is over %.0f times"
                    + " the initial %.4g): try a smaller learning rate", epoch, norm, WEIGHT_FACTOR, initialNorm));
        }
        return since != 0 && epoch - since + 1 >= EPOCHS ? atEnd() : Optional.empty();
    }

    /** When the run ends: the message when its last epoch was over the loss limit. */
    Optional<String> atEnd() {
        if (since == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "training diverged at epoch %d (loss %.4g, over %.0f times the initial %.4g"
                + " since epoch %d): try a smaller learning rate", lastEpoch, lastLoss, LOSS_FACTOR, initialLoss, since));
    }
}
