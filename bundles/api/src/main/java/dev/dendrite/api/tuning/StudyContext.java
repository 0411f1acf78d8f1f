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
 */
public record StudyContext(long seed, int trial, int budget, boolean higherIsBetter, Map<String, String> options) {

    public StudyContext {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
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

    /** Best first, see {@link TrialRecord#ranking}. */
    public Comparator<TrialRecord> ranking() {
        return TrialRecord.ranking(higherIsBetter);
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
