package dev.dendrite.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.math.Precision;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingRequest;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** After warm-up a training iteration allocates nothing, at either precision: every matrix of a step is reused. */
class AllocationTest {

    @Test
    void aTrainingIterationAllocatesNoBytesAfterWarmUp() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        int m = 4096;
        Random random = new Random(1);
        Matrix x = new Matrix(20, m);
        double[] t = new double[m];
        for (int j = 0; j < m; j++) {
            for (int r = 0; r < 20; r++) {
                x.set(r, j, random.nextGaussian());
            }
            t[j] = random.nextInt(5);
        }
        DataSet data = new DataSet("random", java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> "x" + i).toList(), x, t, Task.CLASSIFICATION,
                List.of("a", "b", "c", "d", "e"));
        // 32 iterations an epoch; compare the counter between iterations 10 and 30 of the last epoch,
        // away from the per-epoch evaluation
        long[] allocated = new long[2];
        int epochs = 20;
        TrainingListener probe = new TrainingListener() {
            @Override
            public void iteration(int epoch, long iteration, double batchCost) {
                long inEpoch = iteration - (long) (epoch - 1) * 32;
                if (epoch == epochs && inEpoch == 10) {
                    allocated[0] = threads.getThreadAllocatedBytes(thread);
                } else if (epoch == epochs && inEpoch == 30) {
                    allocated[1] = threads.getThreadAllocatedBytes(thread);
                }
            }
        };
        for (Precision precision : Precision.values()) {
            for (String optimizer : List.of("sgd", "adam")) {
                TrainingRequest spec = TrainingRequest.builder().hiddenLayers(List.of(64, 32)).activation("relu")
                        .optimizer(optimizer).batchSize(128).epochs(epochs).l2(0.01).dropout(0.1).precision(precision).build();
                new NetworkTrainer(new LocalPlugins()).train(spec, new DataSplit(data, null, FeatureScaling.identity(20)), probe);
                assertEquals(0, allocated[1] - allocated[0], optimizer + " at " + precision.label() + ": bytes allocated by 20 iterations");
            }
        }
    }
}
