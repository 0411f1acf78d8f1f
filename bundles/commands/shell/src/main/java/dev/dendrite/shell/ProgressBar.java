package dev.dendrite.shell;

import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.LayerShape;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The progress of a run on a terminal, as Keras' {@code fit} shows it: the lines of
 * {@link ProgressPrinter}, and below them one line redrawn in place while the epoch runs, with a
 * bar of the epoch's iterations, the time elapsed, the time left for the whole run (ETA) and the
 * latest metrics:
 * {@code epoch 12/100 [=========>          ] 9/16  0:03 ETA 0:21  batch loss 0.4123  val_loss 0.4410}.
 * Redrawn at most every {@value #REDRAW_MS} ms, so a fast run is not slowed by its own display.
 */
final class ProgressBar implements Progress {
    static final long REDRAW_MS = 100;
    private static final int BAR = 24;

    private final PrintStream out;
    private final ProgressPrinter lines;
    private final int epochs;
    private final long iterationBudget;
    private int perEpoch;
    private long start;
    private long lastDraw;
    private boolean drawn;
    private EpochReport lastEpoch;

    /**
     * @param epochs          the epochs the run will do
     * @param iterationBudget the updates it will do, 0 when it trains by epochs
     */
    ProgressBar(PrintStream out, int epochs, long iterationBudget) {
        this.out = out;
        this.lines = new ProgressPrinter(out, epochs);
        this.epochs = epochs;
        this.iterationBudget = iterationBudget;
    }

    @Override
    public void started(List<LayerShape> layers, int samples, int iterationsPerEpoch) {
        lines.started(layers, samples, iterationsPerEpoch);
        perEpoch = iterationsPerEpoch;
        start = System.nanoTime();
    }

    @Override
    public void iteration(int epoch, long iteration, double batchCost) {
        long now = System.nanoTime();
        if ((now - lastDraw) / 1_000_000 < REDRAW_MS) {
            return;
        }
        lastDraw = now;
        long total = iterationBudget > 0 ? iterationBudget : (long) epochs * perEpoch;
        int inEpoch = (int) (iteration - (long) (epoch - 1) * perEpoch);
        out.print("\r" + bar(epoch, epochs, inEpoch, perEpoch, now - start, iteration, total, batchCost, lastEpoch) + "\u001b[K");
        out.flush();
        drawn = true;
    }

    @Override
    public void epoch(EpochReport report) {
        lastEpoch = report;
        if (drawn && lines.prints(report)) {
            out.print("\r\u001b[K");
            drawn = false;
        }
        lines.epoch(report);
    }

    @Override
    public void finished(dev.dendrite.api.nn.TrainingResult result) {
        clear();
    }

    @Override
    public void clear() {
        if (drawn) {
            out.print("\r\u001b[K");
            out.flush();
            drawn = false;
        }
    }

    /** The bar line, without the control characters that redraw it. */
    static String bar(int epoch, int epochs, int inEpoch, int perEpoch, long elapsedNanos, long done, long total,
                      double batchCost, EpochReport last) {
        int filled = perEpoch == 0 ? BAR : (int) ((long) BAR * inEpoch / perEpoch);
        StringBuilder bar = new StringBuilder();
        for (int i = 0; i < BAR; i++) {
            bar.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        double seconds = elapsedNanos / 1e9;
        double left = done == 0 ? Double.NaN : seconds / done * (total - done);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d [%s] %d/%d  %s ETA %s  batch loss %s",
                epoch, epochs, bar, inEpoch, perEpoch, clock(seconds), clock(left), MetricsFormat.number(batchCost)));
        if (last != null && !Double.isNaN(last.validationCost())) {
            s.append("  val_loss ").append(MetricsFormat.number(last.validationCost()))
                    .append("  val_").append(last.metric()).append(' ').append(MetricsFormat.number(last.validationMetric()));
        }
        return s.toString();
    }

    /** m:ss or h:mm:ss; {@code -} when unknown. */
    static String clock(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "-";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
