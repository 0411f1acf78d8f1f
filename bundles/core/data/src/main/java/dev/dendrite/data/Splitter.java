package dev.dendrite.data;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.Task;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Splits the m samples of a data set into training and validation indices with a seeded shuffle.
 * The validation split has v = round(m · fraction) samples. For classification the split is
 * stratified: class k, with m_k samples, gets v_k = ⌊v · m_k / m⌋ validation samples plus one
 * more for the classes with the largest remainders (ties to the lower class index) until the
 * v_k add up to v, so each class keeps its proportion in both splits up to one sample. Which
 * samples of a class go to validation, and the order of each split, are seeded shuffles.
 */
final class Splitter {

    private Splitter() {
    }

    /**
     * @return {training indices, validation indices}; the validation array is empty when v is 0
     * @throws IllegalArgumentException if no training sample would remain
     */
    static int[][] split(DataSet data, double fraction, long seed) {
        return split(data.targets(), data.task(), data.classes().size(), fraction, seed);
    }

    /**
     * @param targets each sample's target: for classification the index of its class among {@code classes}
     * @return {training indices, validation indices}; the validation array is empty when v is 0
     * @throws IllegalArgumentException if no training sample would remain
     */
    static int[][] split(double[] targets, Task task, int classes, double fraction, long seed) {
        int m = targets.length;
        int v = (int) Math.round(m * fraction);
        if (v >= m) {
            throw new IllegalArgumentException("a validation fraction of " + fraction + " leaves no training sample out of "
                    + m + "; lower the validation fraction");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[][] byClass = task == Task.CLASSIFICATION
                ? groups(targets, classes)
                : new int[][] {IntStream.range(0, m).toArray()};
        int[] quota = quotas(byClass, v, m);
        int[] train = new int[m - v];
        int[] validation = new int[v];
        int t = 0;
        int w = 0;
        for (int k = 0; k < byClass.length; k++) {
            int[] members = byClass[k];
            shuffle(members, random);
            for (int i = 0; i < members.length; i++) {
                if (i < quota[k]) {
                    validation[w++] = members[i];
                } else {
                    train[t++] = members[i];
                }
            }
        }
        shuffle(train, random);
        shuffle(validation, random);
        return new int[][] {train, validation};
    }

    /** The sample indices of each class index 0 … k−1. */
    private static int[][] groups(double[] targets, int k) {
        return IntStream.range(0, k)
                .mapToObj(c -> IntStream.range(0, targets.length).filter(j -> targets[j] == c).toArray())
                .toArray(int[][]::new);
    }

    /** v_k for each group: the largest-remainder apportionment of v in proportion to the group sizes. */
    private static int[] quotas(int[][] groups, int v, int m) {
        int[] quota = new int[groups.length];
        double[] remainder = new double[groups.length];
        int given = 0;
        for (int k = 0; k < groups.length; k++) {
            double exact = (double) v * groups[k].length / m;
            quota[k] = (int) Math.floor(exact);
            remainder[k] = exact - quota[k];
            given += quota[k];
        }
        for (; given < v; given++) {
            int best = 0;
            for (int k = 1; k < groups.length; k++) {
                if (remainder[k] > remainder[best]) {
                    best = k;
                }
            }
            quota[best]++;
            remainder[best] = -1;
        }
        return quota;
    }

    /** Fisher–Yates shuffle in place. */
    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
