package dev.dendrite.tuning;

import dev.dendrite.api.nn.TrainingInterruptedException;
import dev.dendrite.api.tuning.SearchSpace;
import dev.dendrite.api.tuning.StudyContext;
import dev.dendrite.api.tuning.StudyListener;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialRequest;
import dev.dendrite.api.tuning.TuningStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a study's trials on {@code parallel} worker threads with results that do not depend on the
 * number of workers nor on timing.
 *
 * <p>A lagging frontier: the runner keeps a frontier v, and trial n is proposed from a history in
 * which trials 0 … v−1 show their outcome and trials v … n−1 appear RUNNING (their outcome
 * hidden, even if they have already finished). Before proposing trial n the frontier moves up to
 * n − {@code lag} (waiting, if need be, for the trials below it to finish); when the strategy
 * proposes nothing from what it can see, the frontier moves to n (waiting for every earlier
 * trial) and the strategy is asked again. So every proposal and every pruning decision (the
 * pruner compares with the trials its proposal saw) is a function of the study seed and earlier
 * outcomes only, and training is deterministic per trial seed: one worker or many give identical
 * trials. The price: a proposal does not see the last {@code lag} trials. With fewer workers
 * than the lag, a worker seldom waits: only for a trial overtaken by {@code lag} later ones.
 *
 * <p>Every event goes to the journal (when the study is saved) before the next step. A trial
 * whose training throws an exception is FAILED and the study goes on; an {@link Error} stops the
 * study at once, leaving running trials RUNNING in the journal, as a killed process would.
 *
 * <p>An interrupt of the thread that runs the study (Ctrl-C) stops it promptly: the workers are
 * interrupted, so each running trial stops at its next iteration and stays RUNNING (trained again
 * on resume), no new trial starts, and {@link #run} returns the trials so far with
 * {@link #interrupted()} true. Trials that finish meanwhile are recorded as usual.
 */
final class StudyRunner {
    private final TuningStrategy strategy;
    private final SearchSpace space;
    private final StudySettings settings;
    private final boolean higherIsBetter;
    private final TrialTrainer trainer;
    private final TrialLog journal;
    private final StudyListener listener;
    private final List<TrialRecord> trials = new ArrayList<>();
    private final List<Integer> visible = new ArrayList<>();
    private final List<Future<?>> running = new ArrayList<>();
    private volatile Throwable crash;
    private volatile boolean stopping;

    /** @param journal where events go, or null for a study that is not saved */
    StudyRunner(TuningStrategy strategy, SearchSpace space, StudySettings settings, boolean higherIsBetter, TrialTrainer trainer,
                TrialLog journal, StudyListener listener) {
        this.strategy = strategy;
        this.space = space;
        this.settings = settings;
        this.higherIsBetter = higherIsBetter;
        this.trainer = trainer;
        this.journal = journal;
        this.listener = listener;
    }

    /** The context of the proposal of trial {@code n}. */
    private StudyContext context(int n) {
        return new StudyContext(settings.seed(), n, settings.epochs(), higherIsBetter, settings.options(), settings.trials());
    }

    /**
     * Runs the study to its end, continuing from the trials of a journal ({@code previous}, with
     * their frontiers {@code previousVisible}): finished trials are kept, RUNNING ones trained again.
     *
     * @return every trial, in number order; when {@link #interrupted()}, the unfinished ones RUNNING
     */
    List<TrialRecord> run(List<TrialRecord> previous, List<Integer> previousVisible) {
        trials.addAll(previous);
        visible.addAll(previousVisible);
        Semaphore free = new Semaphore(settings.parallel());
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(settings.parallel(), r -> {
            Thread t = new Thread(r, "dendrite-trial-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            for (TrialRecord t : previous) {
                if (!t.finished()) {
                    start(pool, free, t, visible.get(t.number()));
                } else {
                    running.add(null);
                }
            }
            int n = trials.size();
            int frontier = visible.isEmpty() ? 0 : visible.get(visible.size() - 1);
            long epochs = trials.stream().mapToLong(TrialRecord::budget).sum();
            while (n < settings.trials()) {
                if (n - settings.lag() > frontier) {
                    frontier = n - settings.lag();
                    awaitBelow(frontier);
                }
                Optional<TrialRequest> request = strategy.ask(space, history(n, frontier), context(n));
                if (request.isEmpty()) {
                    if (frontier == n) {
                        break;
                    }
                    awaitBelow(n);
                    frontier = n;
                    continue;
                }
                Map<String, Object> point = request.get().parameters();
                try {
                    space.check(point);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("strategy " + settings.strategy() + " proposed a point outside the space: " + e.getMessage(), e);
                }
                int budget = RequestMapping.epochs(point, request.get().budget());
                if (settings.totalEpochs() > 0 && epochs + budget > settings.totalEpochs()) {
                    break;
                }
                epochs += budget;
                TrialRecord trial = TrialRecord.running(n, point, budget);
                synchronized (this) {
                    trials.add(trial);
                    visible.add(frontier);
                }
                start(pool, free, trial, frontier);
                n++;
            }
            awaitBelow(n);
        } catch (InterruptedException e) {
            stopping = true;
        } finally {
            if (crash != null && journal != null) {
                journal.close();
            }
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            return List.copyOf(trials);
        }
    }

    /** Whether the last {@link #run} stopped because its thread was interrupted. */
    boolean interrupted() {
        return stopping;
    }

    /** Trials 0 … n−1 as the proposal of trial n sees them: from the frontier on, outcomes hidden. */
    private synchronized List<TrialRecord> history(int n, int frontier) {
        return history(trials, n, frontier);
    }

    /** Trials 0 … n−1 of {@code trials} as the proposal of trial n sees them: from the frontier on, outcomes hidden. */
    static List<TrialRecord> history(List<TrialRecord> trials, int n, int frontier) {
        List<TrialRecord> h = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            TrialRecord t = trials.get(i);
            h.add(i < frontier ? t : TrialRecord.running(t.number(), t.parameters(), t.budget()));
        }
        return h;
    }

    private void start(ExecutorService pool, Semaphore free, TrialRecord trial, int frontier) throws InterruptedException {
        free.acquire();
        rethrow(crash);
        List<TrialRecord> seen;
        synchronized (this) {
            seen = List.copyOf(trials.subList(0, frontier));
        }
        long seed = StudyContext.trialSeed(settings.seed(), trial.number());
        if (journal != null) {
            journal.started(trial, frontier, seed);
        }
        Future<?> future = pool.submit(() -> {
            try {
                synchronized (listener) {
                    listener.trialStarted(trial);
                }
                TrialRecord done = trainer.run(trial, seen, (number, epoch, value) -> {
                    if (journal != null && crash == null) {
                        journal.epoch(number, epoch, value);
                    }
                }, () -> stopping);
                finish(done);
            } catch (Throwable t) {
                boolean stoppedByInterrupt = stopping && t instanceof TrainingInterruptedException;
                if (!stoppedByInterrupt && crash == null) {
                    crash = t;
                }
            } finally {
                free.release();
            }
        });
        synchronized (this) {
            if (trial.number() < running.size()) {
                running.set(trial.number(), future);
            } else {
                running.add(future);
            }
        }
    }

    private void finish(TrialRecord done) {
        if (crash != null) {
            return;
        }
        synchronized (this) { // the listener hears trials finish in the order they are recorded, each with the best so far
            trials.set(done.number(), done);
            if (journal != null) {
                journal.finished(done);
            }
            TrialRecord best = trials.stream().filter(t -> t.finished() && !Double.isNaN(t.value()))
                    .min(TrialRecord.ranking(higherIsBetter, settings.epochs())).orElse(null);
            synchronized (listener) {
                listener.trialFinished(done, best);
            }
        }
    }

    /** Waits until every trial numbered below {@code n} has finished. */
    private void awaitBelow(int n) throws InterruptedException {
        List<Future<?>> pending;
        synchronized (this) {
            pending = new ArrayList<>(running.subList(0, Math.min(n, running.size())));
        }
        for (Future<?> f : pending) {
            if (f != null) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    crash = e.getCause();
                }
            }
        }
        rethrow(crash);
    }

    /** Throws what a trial's thread died of ({@code t}, an error or runtime exception as it is), nothing for null. */
    static void rethrow(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
