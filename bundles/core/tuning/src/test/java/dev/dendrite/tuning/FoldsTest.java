package dev.dendrite.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.data.BuiltInData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FoldsTest {

    @Test
    void foldsPartitionTheSamplesKeepClassProportionsAndScaleOnTheirTrainingPart() {
        DataSet all = BuiltInData.service().load("spirals", new DataOptions(null, 0, 3, null, "none")).train();
        List<DataSplit> folds = Folds.split(all, 4, 3, null);
        assertEquals(4, folds.size());
        Map<String, Integer> seen = new HashMap<>();
        for (DataSplit f : folds) {
            assertEquals(all.samples(), f.train().samples() + f.validation().samples());
            assertEquals(150, f.validation().samples());
            int[] perClass = new int[3];
            for (double t : f.validation().targets()) {
                perClass[(int) t]++;
            }
            for (int c : perClass) {
                assertTrue(c >= 49 && c <= 51, "stratified: " + java.util.Arrays.toString(perClass));
            }
            double sum = 0;
            for (int j = 0; j < f.train().samples(); j++) {
                sum += f.train().x().data()[j];
            }
            assertEquals(0, sum / f.train().samples(), 1e-9, "feature 1 standardized on the training part");
            for (int j = 0; j < f.validation().samples(); j++) {
                double x1 = f.validation().x().data()[j] * f.scaling().scale()[0] + f.scaling().offset()[0];
                double x2 = f.validation().x().data()[f.validation().samples() + j] * f.scaling().scale()[1] + f.scaling().offset()[1];
                seen.merge(key(x1, x2, f.validation().targets()[j]), 1, Integer::sum);
            }
        }
        Map<String, Integer> samples = new HashMap<>();
        for (int j = 0; j < all.samples(); j++) {
            samples.merge(key(all.x().data()[j], all.x().data()[all.samples() + j], all.targets()[j]), 1, Integer::sum);
        }
        assertEquals(samples, seen, "each sample validates in exactly one fold");
    }

    private static String key(double x1, double x2, double target) {
        return Math.round(x1 * 1e9) + ":" + Math.round(x2 * 1e9) + ":" + target;
    }
}
