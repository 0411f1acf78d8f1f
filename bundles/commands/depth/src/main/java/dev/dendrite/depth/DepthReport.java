package dev.dendrite.depth;

import dev.dendrite.api.nn.Metrics;
import java.util.Comparator;
import java.util.List;

/**
 * The outcome of a depth study: one row per depth, in the order asked.
 *
 * @param settings what was run
 * @param rows     the results of each architecture
 */
record DepthReport(DepthSettings settings, List<Row> rows) {

    DepthReport {
        rows = List.copyOf(rows);
    }

    /** Whether larger values of the task's metric are better. */
    boolean higherIsBetter() {
        return Metrics.higherIsBetter(settings.task().metric());
    }

    /** The row with the best mean. */
    Row best() {
        Comparator<Row> byMean = Comparator.comparingDouble(Row::mean);
        return rows.stream().max(higherIsBetter() ? byMean : byMean.reversed()).orElseThrow();
    }

    /** The row with the fewest hidden layers. */
    Row shallowest() {
        return rows.stream().min(Comparator.comparingInt(r -> r.architecture().hidden().size())).orElseThrow();
    }

    /**
     * One trained network.
     *
     * @param seed   its seed
     * @param metric the validation metric after the last epoch
     * @param curve  the validation metric after each epoch
     * @param millis training time
     */
    record Run(long seed, double metric, double[] curve, long millis) {
    }

    /**
     * The runs of one architecture over the seeds.
     *
     * @param architecture the network
     * @param runs         one per seed
     */
    record Row(Architecture architecture, List<Run> runs) {

        Row {
            runs = List.copyOf(runs);
        }

        double mean() {
            return runs.stream().mapToDouble(Run::metric).average().orElseThrow();
        }

        /** The sample standard deviation over the seeds (0 for one seed). */
        double spread() {
            double mean = mean();
            double sum = runs.stream().mapToDouble(r -> (r.metric() - mean) * (r.metric() - mean)).sum();
            return runs.size() > 1 ? Math.sqrt(sum / (runs.size() - 1)) : 0;
        }

        double min() {
            return runs.stream().mapToDouble(Run::metric).min().orElseThrow();
        }

        double max() {
            return runs.stream().mapToDouble(Run::metric).max().orElseThrow();
        }

        /** Seconds of training, summed over the seeds. */
        double seconds() {
            return runs.stream().mapToLong(Run::millis).sum() / 1000.0;
        }

        /** The validation metric after each epoch, averaged over the seeds. */
        double[] meanCurve() {
            int epochs = runs.get(0).curve().length;
            double[] mean = new double[epochs];
            for (Run r : runs) {
                for (int e = 0; e < epochs; e++) {
                    mean[e] += r.curve()[e] / runs.size();
                }
            }
            return mean;
        }
    }
}
