package dev.dendrite.api.nn;

import java.util.Locale;

/**
 * How the learning rate α changes with the epoch e (1-based):
 * {@code constant}: α_e = α; {@code step}: α_e = α·factor^⌊(e−1)/every⌋;
 * {@code exponential}: α_e = α·factor^(e−1).
 *
 * @param kind   constant, step or exponential
 * @param factor the decay factor, in (0, 1]
 * @param every  epochs between steps (step only), ≥ 1
 */
public record LearningRateSchedule(String kind, double factor, int every) {

    public static final LearningRateSchedule CONSTANT = new LearningRateSchedule("constant", 1, 1);

    public LearningRateSchedule {
        if (!kind.equals("constant") && !kind.equals("step") && !kind.equals("exponential")) {
            throw new IllegalArgumentException("unknown learning-rate schedule '" + kind + "' (available: constant, step, exponential)");
        }
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("schedule factor must be in (0, 1], got " + factor);
        }
        if (every < 1) {
            throw new IllegalArgumentException("schedule step must be at least 1 epoch, got " + every);
        }
    }

    /**
     * Parses {@code constant}, {@code step:FACTOR:EVERY} (e.g. {@code step:0.5:10}) or
     * {@code exponential:FACTOR} (e.g. {@code exponential:0.95}).
     */
    public static LearningRateSchedule parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split(":");
        try {
            return switch (parts[0]) {
                case "constant" -> CONSTANT;
                case "step" -> new LearningRateSchedule("step", Double.parseDouble(parts[1]), Integer.parseInt(parts[2]));
                case "exponential", "exp" -> new LearningRateSchedule("exponential", Double.parseDouble(parts[1]), 1);
                default -> throw new IllegalArgumentException("unknown learning-rate schedule '" + text
                        + "' (use constant, step:FACTOR:EVERY or exponential:FACTOR)");
            };
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("bad learning-rate schedule '" + text + "' (use constant, step:FACTOR:EVERY or exponential:FACTOR)");
        }
    }

    /** α for epoch e given the base rate. */
    public double rate(double base, int epoch) {
        return switch (kind) {
            case "step" -> base * Math.pow(factor, (epoch - 1) / every);
            case "exponential" -> base * Math.pow(factor, epoch - 1);
            default -> base;
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case "step" -> "step:" + factor + ":" + every;
            case "exponential" -> "exponential:" + factor;
            default -> "constant";
        };
    }
}
