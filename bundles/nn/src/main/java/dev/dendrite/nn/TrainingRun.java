package dev.dendrite.nn;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.nn.DenseLayer;
import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.Metrics;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.nn.Updater;
import dev.dendrite.api.math.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One training run: per epoch the training samples are shuffled (seeded) and cut into
 * ceil(m / batch) mini-batches; each batch is one iteration — forward propagation (with dropout),
 * the cost J (+ (λ/2m)·Σ‖W‖²), dZ[L] from the loss, backward propagation and one optimizer update
 * at the epoch's scheduled learning rate. After each epoch the metrics of both splits are reported;
 * early stopping watches one of them and restores the best epoch's weights. A thread interrupt
 * (Ctrl-C in the console) or a bound plug-in going away stops the run before the next iteration
 * with a {@link StoppedException}; the last completed epoch is kept.
 */
final class TrainingRun {
    private final TrainingRequest spec;
    private final DataSplit data;
    private final Network network;
    private final Targets targets;
    private final OutputLayer head;
    private final Updater updater;
    private final double learningRate;
    private final TrainingListener listener;
    private final Random shuffle;
    private final Dropout dropout;
    private final String monitor;
    private final Bindings plugins;
    private final PropagationView view;
    private long iteration;
    private EpochReport lastCompleted;
    private List<DenseLayer> lastCompletedWeights;
    private EpochReport best;
    private List<DenseLayer> bestWeights;
    private String stopReason = "completed";
    private final List<EpochReport> history = new ArrayList<>();

    TrainingRun(TrainingRequest spec, DataSplit data, Network network, Targets targets, OutputLayer head,
                Updater updater, double learningRate, TrainingListener listener, Bindings plugins) {
        this.spec = spec;
        this.data = data;
        this.network = network;
        this.targets = targets;
        this.head = head;
        this.updater = updater;
        this.learningRate = learningRate;
        this.listener = listener;
        this.shuffle = new Random(spec.seed() ^ 0x5DEECE66DL);
        this.dropout = new Dropout(spec.dropout(), spec.seed() * 31 + 17);
        this.plugins = plugins;
        this.view = new PropagationView(network, head.fused());
        this.monitor = spec.monitor() != null ? spec.monitor() : data.hasValidation() ? "val_loss" : "loss";
        checkMonitor();
    }

    private void checkMonitor() {
        if (spec.patience() == 0) {
            return;
        }
        if (spec.monitor() == null && !data.hasValidation()) {
            throw new IllegalArgumentException("early stopping (patience " + spec.patience() + ") watches val_loss, but there is"
                    + " no validation data: hold some out (--val), or watch the training loss (--monitor loss)");
        }
        List<String> available = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("loss"));
        names.addAll(targets.metricName().equals("accuracy") ? List.of("accuracy", "precision", "recall", "f1") : List.of("mse", "mae", "r2"));
        available.addAll(names);
        if (data.hasValidation()) {
            names.forEach(n -> available.add("val_" + n));
        }
        if (!available.contains(monitor)) {
            throw new IllegalArgumentException("cannot monitor '" + monitor + "' (available: " + String.join(", ", available) + ")");
        }
    }

    /** The reports of the epochs completed so far. */
    List<EpochReport> history() {
        return List.copyOf(history);
    }

    /** The report of the last completed epoch, or null. */
    EpochReport lastCompleted() {
        return lastCompleted;
    }

    /** The weights at the end of the last completed epoch, or null. */
    List<DenseLayer> lastCompletedWeights() {
        return lastCompletedWeights;
    }

    long iterations() {
        return iteration;
    }

    String stopReason() {
        return stopReason;
    }

    /** The report whose weights the model keeps: the best epoch with early stopping, else the last. */
    EpochReport kept(List<EpochReport> history) {
        return best != null ? best : history.get(history.size() - 1);
    }

    List<EpochReport> execute() {
        DataSet train = data.train();
        int m = train.samples();
        int batch = spec.batchSize() == 0 ? m : Math.min(spec.batchSize(), m);
        int perEpoch = (m + batch - 1) / batch;
        long budget = spec.iterations() > 0 ? spec.iterations() : (long) spec.epochs() * perEpoch;
        listener.started(network.shapes(), m, perEpoch);

        int[] order = Evaluation.identity(m);
        Batches batches = new Batches(train);
        Matrix[] params = network.parameters();
        Matrix[] grads = network.gradients();
        int epoch = 0;
        while (iteration < budget) {
            epoch++;
            double scheduled = spec.schedule().rate(learningRate, epoch);
            shuffleInPlace(order);
            long start = System.nanoTime();
            for (int from = 0; from < m && iteration < budget; from += batch) {
                requireNotInterrupted(epoch);
                requirePlugins(epoch);
                try {
                    step(batches, order, from, Math.min(batch, m - from), scheduled, params, grads, epoch);
                } catch (RuntimeException | LinkageError e) {
                    requirePlugins(epoch);
                    throw e;
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            EpochReport report = report(epoch, scheduled, millis);
            history.add(report);
            lastCompleted = report;
            lastCompletedWeights = network.snapshotInto(lastCompletedWeights);
            listener.epoch(report);
            if (spec.patience() > 0 && earlyStop(report)) {
                break;
            }
            if (listener.stopRequested()) {
                stopReason = "stopped on request after epoch " + epoch;
                break;
            }
        }
        if (best != null && best.epoch() != epoch) {
            network.restore(bestWeights);
        }
        return List.copyOf(history);
    }

    /** One iteration on the samples order[from … from+count). */
    private void step(Batches batches, int[] order, int from, int count, double rate, Matrix[] params, Matrix[] grads, int epoch) {
        Network.Workspace ws = network.workspace(count);
        batches.load(order, from, ws, targets);
        network.forward(ws, dropout);
        double cost = head.cost(network, ws);
        if (spec.l2() > 0) {
            cost += spec.l2() / (2.0 * ws.samples()) * network.squaredWeights();
        }
        if (!Double.isFinite(cost)) {
            throw new IllegalStateException("training diverged at epoch " + epoch + ", iteration " + (iteration + 1)
                    + " (cost " + cost + "): try a smaller learning rate");
        }
        head.gradient(network, ws);
        network.backward(ws, spec.l2());
        listener.backpropagated(view.at(ws, cost, rate));
        updater.update(params, grads, rate);
        iteration++;
        listener.updated(view);
        listener.iteration(epoch, iteration, cost);
    }

    /** Stops the run when its thread was interrupted (and clears the interrupt, so that the kept model can be saved). */
    private void requireNotInterrupted(int epoch) {
        if (Thread.interrupted()) {
            throw new StoppedException("interrupted " + (lastCompleted == null ? "during epoch " + epoch : "at epoch " + epoch) + kept());
        }
    }

    /** Stops the run when a bound plug-in has been unregistered. */
    private void requirePlugins(int epoch) {
        if (plugins.anyGone()) {
            throw new StoppedException("the " + plugins.gone().orElseThrow() + " went away during epoch " + epoch + kept());
        }
    }

    private String kept() {
        return lastCompleted == null ? "; no epoch was completed" : "; the model of epoch " + lastCompleted.epoch() + " is kept";
    }

    /** The run was stopped before it ended: interrupted, or a bound plug-in was unregistered. */
    static final class StoppedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoppedException(String message) {
            super(message);
        }
    }

    /** Tracks the best epoch; true when the monitored value has not improved for {@code patience} epochs. */
    private boolean earlyStop(EpochReport report) {
        double value = report.monitored(monitor);
        boolean higher = Metrics.higherIsBetter(monitor.startsWith("val_") ? monitor.substring(4) : monitor);
        double bestValue = best == null ? Double.NaN : best.monitored(monitor);
        if (best == null || (higher ? value > bestValue : value < bestValue)) {
            best = report;
            bestWeights = network.snapshotInto(bestWeights);
            return false;
        }
        if (report.epoch() - best.epoch() >= spec.patience()) {
            stopReason = String.format(java.util.Locale.ROOT, "early stopping after epoch %d: best epoch %d (%s %.4f)",
                    report.epoch(), best.epoch(), monitor, bestValue);
            return true;
        }
        return false;
    }

    private EpochReport report(int epoch, double rate, long millis) {
        Metrics t = Evaluation.evaluate(network, head, targets, data.train());
        Metrics v = data.hasValidation() ? Evaluation.evaluate(network, head, targets, data.validation()) : null;
        return new EpochReport(epoch, iteration, rate, t, v, targets.metricName(), millis);
    }

    private void shuffleInPlace(int[] order) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
