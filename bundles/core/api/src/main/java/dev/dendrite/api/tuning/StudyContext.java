package dev.dendrite.api.tuning;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a strategy knows about the study besides the history.
 *
 * @param seed           the study seed
 * @param trial          the number the proposed trial will get (0-based)
 * @param budget         the study's epochs per trial (the maximum a strategy should give)
 * @param higherIsBetter the objective's direction
 * @param options        strategy options by name, e.g. {@code grid-points=5}, {@code eta=3}
 * @param trials         the most trials the study runs (its {@code --trials}), or 0 when not known:
 *                       a strategy may plan with it, e.g. halving sizes its rungs so that its best
 *                       configurations reach {@code budget} within it
 */
public record StudyContext(long seed, int trial, int budget, boolean higherIsBetter, Map<String, String> options, int trials) {

    public StudyContext {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        if (trials < 0) {
            throw new IllegalArgumentException("the number of trials must be >= 0 (0: not known), got " + trials);
        }
    }

    /** A context without the study's number of trials (as before 2.2). */
    public StudyContext(long seed, int trial, int budget, boolean higherIsBetter, Map<String, String> options) {
        this(seed, trial, budget, higherIsBetter, options, 0);
    }

    /**
     * A generator that depends only on the study seed and the trial number (and {@code stream},
     * to separate uses): proposals made with it repeat exactly in a rerun.
     */
    public SplittableRandom random(long stream) {
        return new SplittableRandom(mix(mix(seed, stream), trial));
    }

    /** The training seed of trial {@code trial} of a study seeded {@code seed}. */
    public static long trialSeed(long seed, int trial) {
        return mix(seed, trial);
    }

    /** Best first, values compared only within a rung: {@link TrialRecord#ranking(boolean, int)} with the study's epochs per trial. */
    public Comparator<TrialRecord> ranking() {
        return TrialRecord.ranking(higherIsBetter, budget);
    }

    /**
     * An integer option, or {@code fallback} when absent.
     *
     * @throws IllegalArgumentException when it is not an integer
     */
    public int intOption(String name, int fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("strategy option " + name + ": '" + v + "' is not an integer");
        }
    }

    /** SplitMix64 of the pair: well-spread seeds for neighbouring inputs. */
    private static long mix(long a, long b) {
        long z = a + 0x9E3779B97F4A7C15L * (b + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
