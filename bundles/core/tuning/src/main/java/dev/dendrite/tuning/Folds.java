package dev.dendrite.tuning;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.data.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * k-fold cross-validation splits: the samples are shuffled (seeded) and dealt to the k folds in
 * turn, class by class for classification (so each fold keeps the class proportions). Fold f
 * validates on its samples and trains on the others; features are standardized with statistics
 * of the training part only.
 */
final class Folds {

    private Folds() {
    }

    static List<DataSplit> split(DataSet all, int k, long seed, String target) {
        int m = all.samples();
        if (k > m) {
            throw new IllegalArgumentException(k + " folds for " + m + " samples");
        }
        int[] order = new int[m];
        for (int j = 0; j < m; j++) {
            order[j] = j;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int j = m - 1; j > 0; j--) {
            int r = random.nextInt(j + 1);
            int t = order[j];
            order[j] = order[r];
            order[r] = t;
        }
        int[] fold = new int[m];
        int dealt = 0;
        int groups = all.task() == Task.CLASSIFICATION ? all.classes().size() : 1;
        for (int c = 0; c < groups; c++) {
            for (int j : order) {
                if (groups == 1 || (int) all.targets()[j] == c) {
                    fold[j] = dealt++ % k;
                }
            }
        }
        List<DataSplit> splits = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            final int held = f;
            int[] validation = Arrays.stream(order).filter(j -> fold[j] == held).sorted().toArray();
            int[] train = Arrays.stream(order).filter(j -> fold[j] != held).sorted().toArray();
            DataSet trainSet = all.select(train);
            DataSet validationSet = all.select(validation);
            FeatureScaling scaling = FeatureScaling.standardize(trainSet.x());
            scaling.applyInPlace(trainSet.x());
            scaling.applyInPlace(validationSet.x());
            splits.add(new DataSplit(trainSet, validationSet, scaling, target));
        }
        return splits;
    }
}
