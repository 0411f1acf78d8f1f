package dev.dendrite.shell;

import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.LayerShape;
import java.io.PrintStream;
import java.util.List;

/**
 * Prints a run as it goes: the layer shapes in the course's notation, then one line per epoch
 * (about 20 lines at most, always the first and the last), with cost and metric on the training
 * and validation splits.
 */
final class ProgressPrinter implements Progress {
    private static final int MAX_LINES = 20;

    private final PrintStream out;
    private final int epochs;
    private int every = 1;

    /** @param epochs the number of epochs the run will do (for the printing interval) */
    ProgressPrinter(PrintStream out, int epochs) {
        this.out = out;
        this.epochs = epochs;
    }

    @Override
    public void started(List<LayerShape> layers, int samples, int iterationsPerEpoch) {
        long parameters = layers.stream().mapToLong(LayerShape::parameters).sum();
        StringBuilder widths = new StringBuilder().append(layers.get(0).inputs());
        for (LayerShape l : layers) {
            widths.append('-').append(l.units());
        }
        out.printf("network %s, L = %d, %d parameters; m = %d, %d iteration%s per epoch%n",
                widths, layers.size(), parameters, samples, iterationsPerEpoch, iterationsPerEpoch == 1 ? "" : "s");
        for (LayerShape l : layers) {
            out.println("  " + l.describe());
        }
        every = Math.max(1, (epochs + MAX_LINES - 1) / MAX_LINES);
    }

    @Override
    public void epoch(EpochReport r) {
        if (prints(r)) {
            out.println(line(r));
        }
    }

    /** Whether the epoch gets a line: the first, the last, and every {@code every}-th. */
    boolean prints(EpochReport r) {
        return r.epoch() == 1 || r.epoch() % every == 0 || r.epoch() >= epochs;
    }

    static String line(EpochReport r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("epoch %4d  iteration %6d  loss %s  %s %s", r.epoch(), r.iterations(),
                MetricsFormat.number(r.trainCost()), r.metric(), MetricsFormat.number(r.trainMetric())));
        if (!Double.isNaN(r.validationCost())) {
            s.append(String.format("  val_loss %s  val_%s %s", MetricsFormat.number(r.validationCost()), r.metric(),
                    MetricsFormat.number(r.validationMetric())));
        }
        return s.append(String.format("  %d ms", r.millis())).toString();
    }
}
