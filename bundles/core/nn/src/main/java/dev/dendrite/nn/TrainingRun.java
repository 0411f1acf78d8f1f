package dev.dendrite.nn;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.nn.DenseLayer;
import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.Metrics;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.nn.Updater;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * One training run: per epoch the training samples are shuffled (seeded) and cut into
 * ceil(m / batch) mini-batches; each batch is one iteration — forward propagation (with dropout),
 * the cost J (+ (λ/2m)·Σ‖W‖²), dZ[L] from the loss, backward propagation and one optimizer update
 * at the epoch's scheduled learning rate. After each epoch the metrics of both splits are reported;
 * early stopping watches one of them and restores the best epoch's weights.
 *
 * <p>The run stops before it ends, keeping the last completed epoch, with a {@link StoppedException}
 * when its thread is interrupted (Ctrl-C in the console), when a bound plug-in goes away, and when
 * a plug-in fails: it throws (a {@link RuntimeException} or a {@link LinkageError}), or it produces
 * a non-finite value. A failure names the plug-in, the phase ({@link CallSite}) and the iteration.
 * Non-finite values are watched through J and the sum of the parameters after each update, and
 * traced to their first appearance only when one of them is not finite ({@link NonFiniteSearch}).
 * A run whose values overflow, or whose loss grows far above where it started
 * ({@link Divergence}), diverged: a {@link DivergedException} that keeps nothing.
 */
final class TrainingRun<M> {
    private final TrainingRequest spec;
    private final DataSplit data;
    private final Network<M> network;
    private final Targets targets;
    private final OutputLayer head;
    private final Arithmetic.Step<M> updater;
    private final double learningRate;
    private final TrainingListener listener;
    private final Random shuffle;
    private final Dropout dropout;
    private final String monitor;
    private final Bindings plugins;
    private final RunPlugins roles;
    private final PropagationView<M> view;
    private final Evaluation.ChunkCheck evaluated = this::checkEvaluated;
    /** The epoch whose evaluation is under way, 0 for the starting weights', -1 while training. */
    private int evaluating = -1;
    private long iteration;
    private EpochReport lastCompleted;
    private List<DenseLayer> lastCompletedWeights;
    private EpochReport best;
    private List<DenseLayer> bestWeights;
    private String stopReason = "completed";
    private final List<EpochReport> history = new ArrayList<>();

    TrainingRun(TrainingRequest spec, DataSplit data, Network<M> network, Targets targets, OutputLayer head,
                Updater updater, double learningRate, TrainingListener listener, Bindings plugins, RunPlugins roles) {
        this.spec = spec;
        this.data = data;
        this.network = network;
        this.targets = targets;
        this.head = head;
        this.updater = network.arithmetic().bind(updater);
        this.learningRate = learningRate;
        this.listener = listener;
        this.shuffle = new Random(spec.seed() ^ 0x5DEECE66DL);
        this.dropout = new Dropout(spec.dropout(), spec.seed() * 31 + 17);
        this.plugins = plugins;
        this.roles = roles;
        this.view = new PropagationView<>(network, head.fused());
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
        Divergence divergence = new Divergence(evaluate(0, train).cost(), startingNorm());
        listener.started(network.shapes(), m, perEpoch);

        int[] order = Evaluation.identity(m);
        Batches<M> batches = new Batches<>(train, network.arithmetic());
        M[] params = network.parameters();
        M[] grads = network.gradients();
        int epoch = 0;
        while (iteration < budget) {
            epoch++;
            double scheduled = spec.schedule().rate(learningRate, epoch);
            shuffleInPlace(order);
            long start = System.nanoTime();
            for (int from = 0; from < m && iteration < budget; from += batch) {
                requireNotInterrupted(epoch);
                requirePlugins(epoch);
                step(batches, order, from, Math.min(batch, m - from), scheduled, params, grads, epoch);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            EpochReport report = report(epoch, scheduled, millis);
            history.add(report);
            lastCompleted = report;
            lastCompletedWeights = network.snapshotInto(lastCompletedWeights);
            listener.epoch(report);
            Optional<String> diverged = divergence.after(epoch, report.trainCost(), Math.sqrt(network.squaredWeights()));
            if (diverged.isPresent()) {
                throw new DivergedException(diverged.get());
            }
            if (spec.patience() > 0 && earlyStop(report)) {
                break;
            }
            if (listener.stopRequested()) {
                stopReason = "stopped on request after epoch " + epoch;
                break;
            }
        }
        Optional<String> diverged = divergence.atEnd();
        if (diverged.isPresent()) {
            throw new DivergedException(diverged.get());
        }
        if (best != null && best.epoch() != epoch) {
            network.restore(bestWeights);
        }
        return List.copyOf(history);
    }

    /** ‖W‖ of the starting weights, or √(Σ_l n[l]), a Xavier initialization's expected norm, when that is larger. */
    private double startingNorm() {
        double xavier = 0;
        for (int l = 1; l <= network.depth(); l++) {
            xavier += network.rows(l);
        }
        return Math.sqrt(Math.max(network.squaredWeights(), xavier));
    }

    /**
     * One iteration on the samples order[from … from+count). The plug-in calls are guarded apart
     * from the listener's, so that a listener's exception is never blamed on a plug-in.
     */
    private void step(Batches<M> batches, int[] order, int from, int count, double rate, M[] params, M[] grads, int epoch) {
        Network.Workspace<M> ws = network.workspace(count);
        batches.load(order, from, ws, targets);
        double loss;
        try {
            network.forward(ws, dropout);
            loss = head.cost(network, ws);
        } catch (RuntimeException | LinkageError e) {
            throw failed(e, epoch);
        }
        double cost = spec.l2() > 0 ? loss + spec.l2() / (2.0 * ws.samples()) * network.squaredWeights() : loss;
        if (!Double.isFinite(cost)) {
            throw nonFinite(NonFiniteSearch.forward(network, ws, head.fused(), loss), epoch, cost);
        }
        try {
            head.gradient(network, ws);
            network.backward(ws, spec.l2());
        } catch (RuntimeException | LinkageError e) {
            throw failed(e, epoch);
        }
        listener.backpropagated(view.at(ws, cost, rate));
        try {
            network.callSite().enter(CallSite.Phase.UPDATE, 0, CallSite.Role.OPTIMIZER);
            updater.update(params, grads, rate);
        } catch (RuntimeException | LinkageError e) {
            throw failed(e, epoch);
        }
        if (!network.parametersFinite()) {
            throw nonFinite(NonFiniteSearch.iteration(network, ws, head.fused(), params, grads), epoch, cost);
        }
        iteration++;
        listener.updated(view);
        listener.iteration(epoch, iteration, cost);
    }

    /**
     * A plug-in call threw: the run stops naming the plug-in, the phase and where the run was, with
     * the plug-in's message (its first line; an error's class too, as an error's message alone
     * rarely says what happened). A plug-in that went away is reported as gone, whatever it threw.
     */
    private StoppedException failed(Throwable e, int epoch) {
        requirePlugins(epoch);
        CallSite site = network.callSite();
        String own = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getName()
                : e instanceof Error ? e.toString() : e.getMessage();
        StoppedException stopped = new StoppedException("the " + roles.describe(site, network.depth()) + " failed in the "
                + site.phase() + " " + position(epoch) + ": " + own.lines().findFirst().orElseThrow() + kept());
        stopped.initCause(e);
        return stopped;
    }

    /**
     * A value went non-finite: the plug-in that produced it stops the run, named; without a plug-in
     * to blame (the values overflowed), the run diverged. A plug-in that went away is reported as gone.
     */
    private RuntimeException nonFinite(NonFiniteSearch.Finding finding, int epoch, double cost) {
        requirePlugins(epoch);
        if (finding != null && finding.pluginFault()) {
            return new StoppedException("the " + roles.describe(finding.site(), network.depth()) + " produced " + finding.value()
                    + " in the " + finding.site().phase() + " " + position(epoch) + kept());
        }
        return new DivergedException("training diverged " + position(epoch) + " (cost " + cost + "): try a smaller learning rate");
    }

    /** A chunk of an evaluation with a non-finite cost: its forward pass is searched, the parameters being finite. */
    @SuppressWarnings("unchecked") // the chunks checked are this run's network's
    private void checkEvaluated(Network.Workspace<?> ws, double cost) {
        if (!Double.isFinite(cost)) {
            throw nonFinite(NonFiniteSearch.forward(network, (Network.Workspace<M>) ws, head.fused(), cost), evaluating, cost);
        }
    }

    /** E.g. {@code at epoch 3, iteration 45}, {@code while evaluating epoch 3}, {@code while evaluating the starting weights}. */
    private String position(int epoch) {
        if (evaluating < 0) {
            return "at epoch " + epoch + ", iteration " + (iteration + 1);
        }
        return evaluating == 0 ? "while evaluating the starting weights" : "while evaluating epoch " + evaluating;
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

    /** The run was stopped before it ended: interrupted, a bound plug-in was unregistered or failed. */
    static final class StoppedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoppedException(String message) {
            super(message);
        }
    }

    /** The run diverged: its values overflowed, or its loss grew far above where it started. Nothing is kept. */
    static final class DivergedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        DivergedException(String message) {
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
        Metrics t = evaluate(epoch, data.train());
        Metrics v = data.hasValidation() ? evaluate(epoch, data.validation()) : null;
        return new EpochReport(epoch, iteration, rate, t, v, targets.metricName(), millis);
    }

    /** The metrics of the current weights on {@code set}, evaluated after {@code epoch} (0: before the first), plug-ins guarded. */
    private Metrics evaluate(int epoch, DataSet set) {
        evaluating = epoch;
        try {
            return Evaluation.evaluate(network, head, targets, set, evaluated);
        } catch (StoppedException | DivergedException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw failed(e, epoch);
        } finally {
            evaluating = -1;
        }
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
