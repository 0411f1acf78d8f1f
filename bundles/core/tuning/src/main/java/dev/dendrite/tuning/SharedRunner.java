package dev.dendrite.tuning;

import dev.dendrite.api.nn.TrainingInterruptedException;
import dev.dendrite.api.tuning.SearchSpace;
import dev.dendrite.api.tuning.StudyContext;
import dev.dendrite.api.tuning.StudyListener;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialRequest;
import dev.dendrite.api.tuning.TuningStrategy;
import dev.dendrite.api.tuning.shared.Claim;
import dev.dendrite.api.tuning.shared.SharedStudy;
import dev.dendrite.api.tuning.shared.SharedTrial;
import dev.dendrite.api.tuning.shared.StudyDatabase;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One process's workers on a study kept in a {@link StudyDatabase} that other processes, on any
 * machines, work on too. Each of the {@code parallel} workers, in a loop: claims a queued trial
 * (one that a stale worker lost), or else proposes the next trial, holding the study while it
 * does; trains it, reporting its values now and then; records its end, which counts only while the claim
 * holds. A worker that can do nothing now (the proposal must see trials still running elsewhere,
 * or the study has proposed its last trial while others still run one, which may go stale) polls,
 * reading only the trials after the study's finished first ones;
 * it stops when every trial is finished and the strategy proposes no more.
 *
 * <p>Proposals follow {@link StudyRunner}'s lagging frontier exactly: trial n's proposal sees the
 * outcomes of trials 0 … v−1 with v = max(the previous trial's v, n − lag), and the pruner's peers
 * are those trials; training is seeded by the trial's number. So the trials and their outcomes do
 * not depend on how many processes run them, nor on which one runs which, nor on a trial being
 * trained again after its worker died: they are those of a single process with a journal.
 *
 * <p>Finished trials never change, so the runner keeps the study's finished first trials and a
 * proposal reads only the trials after them, however long the study.
 *
 * <p>A daemon thread beats every {@link Heartbeat#interval()} for this process's trials and queues
 * again the study's trials whose beat is older than the grace period (whoever ran them). An
 * interrupt (Ctrl-C) gives this process's running trials back to the queue at once.
 */
final class SharedRunner {
    private static final long POLL_MILLIS = 200;

    private final TuningStrategy strategy;
    private final SearchSpace space;
    private final StudySettings settings;
    private final boolean higherIsBetter;
    private final TrialTrainer trainer;
    private final StudyDatabase database;
    private final Heartbeat heartbeat;
    private final StudyListener listener;
    private final String worker = worker();
    private final Set<Claim> claims = ConcurrentHashMap.newKeySet();
    /** The study's first trials, all finished (so final): proposals read only the trials after them. */
    private final List<SharedTrial> settled = new ArrayList<>();
    private volatile boolean stopping;
    private volatile Throwable crash;

    SharedRunner(TuningStrategy strategy, SearchSpace space, StudySettings settings, boolean higherIsBetter, TrialTrainer trainer,
                 StudyDatabase database, Heartbeat heartbeat, StudyListener listener) {
        this.strategy = strategy;
        this.space = space;
        this.settings = settings;
        this.higherIsBetter = higherIsBetter;
        this.trainer = trainer;
        this.database = database;
        this.heartbeat = heartbeat;
        this.listener = listener;
    }

    /** This process's name for its workers: host, process id and a random part (a restarted process is another worker). */
    static String worker() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = ManagementFactory.getRuntimeMXBean().getName().replaceFirst("^\\d+@", "");
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Whether the last {@link #run} stopped because its thread was interrupted. */
    boolean interrupted() {
        return stopping;
    }

    /**
     * Works on the study until it is done (or the calling thread is interrupted).
     *
     * @return every trial of the study, as the database holds them at the end
     */
    List<TrialRecord> run() {
        ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "dendrite-heartbeat"));
        beats.scheduleWithFixedDelay(this::beat, 0, heartbeat.interval().toMillis(), TimeUnit.MILLISECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(settings.parallel(), r -> daemon(r, "dendrite-trial"));
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (int i = 0; i < settings.parallel(); i++) {
                workers.add(pool.submit(this::work));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } catch (InterruptedException e) {
            stopping = true;
        } catch (ExecutionException e) {
            crash = crash == null ? e.getCause() : crash;
        } finally {
            stopping = stopping || crash != null;
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            beats.shutdownNow();
            claims.forEach(this::release);
        }
        StudyRunner.rethrow(crash);
        return trials(database.read(settings.name()).orElseThrow());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** One heartbeat: this process's trials are alive; the study's stale ones are queued again. A failure waits for the next beat. */
    private void beat() {
        try {
            database.beat(worker);
            database.requeueStale(settings.name(), heartbeat.grace(), heartbeat.retries());
        } catch (RuntimeException e) {
            // the database is out of reach: this beat is lost; the next one tries again
        }
    }

    private void release(Claim claim) {
        try {
            database.release(claim);
        } catch (RuntimeException e) {
            // out of reach: the trial goes stale after the grace period and is queued again then
        }
    }

    /** One worker: claims or proposes, trains, records, until the study is done. */
    private void work() {
        try {
            while (!stopping && crash == null) {
                boolean[] done = {false};
                List<List<TrialRecord>> seen = new ArrayList<>(1);
                Optional<Claim> claim = database.claim(settings.name(), worker);
                if (claim.isEmpty()) {
                    List<SharedTrial> known = settled();
                    claim = database.propose(settings.name(), worker, known.size(), rest -> {
                        SharedStudy study = settle(known, rest);
                        seen.add(trials(study));
                        return next(study, done);
                    });
                }
                if (claim.isPresent()) {
                    train(claim.get(), seen.isEmpty() ? trials(database.read(settings.name()).orElseThrow()) : seen.get(0));
                } else if (done[0] && allFinished()) {
                    return;
                } else {
                    Thread.sleep(POLL_MILLIS); // a frontier to wait for, or others' last trials (one may go stale)
                }
            }
        } catch (InterruptedException e) {
            stopping = true;
        } catch (Throwable t) {
            if (crash == null && !(stopping && t instanceof TrainingInterruptedException)) {
                crash = t;
            }
        }
    }

    /** Whether every trial of the study is finished, reading only those after its settled first ones. */
    private boolean allFinished() {
        List<SharedTrial> known = settled();
        return settle(known, database.read(settings.name(), known.size()).orElseThrow()).trialList().stream()
                .allMatch(t -> t.record().finished());
    }

    private List<SharedTrial> settled() {
        synchronized (settled) {
            return List.copyOf(settled);
        }
    }

    /** The whole study: the {@code known} first trials and the {@code rest} read after them; its newly finished first trials settled. */
    private SharedStudy settle(List<SharedTrial> known, SharedStudy rest) {
        List<SharedTrial> all = new ArrayList<>(known);
        all.addAll(rest.trialList());
        synchronized (settled) {
            for (int i = settled.size(); i < all.size() && all.get(i).record().finished(); i++) {
                settled.add(all.get(i));
            }
        }
        return new SharedStudy(rest.name(), rest.header(), rest.trials(), rest.totalEpochs(), all);
    }

    private static List<TrialRecord> trials(SharedStudy study) {
        return study.trialList().stream().map(SharedTrial::record).toList();
    }

    /**
     * The trial to propose next in {@code study}, as {@link StudyRunner} would propose it; empty
     * when the proposal must wait for trials below its frontier, or when there is none to propose
     * ({@code done} then set).
     */
    private Optional<SharedTrial> next(SharedStudy study, boolean[] done) {
        List<TrialRecord> trials = trials(study);
        int n = trials.size();
        if (n >= study.trials()) {
            done[0] = true;
            return Optional.empty();
        }
        int previous = n == 0 ? 0 : study.trialList().get(n - 1).visible();
        int frontier = Math.max(previous, n - settings.lag());
        if (!finishedBelow(trials, frontier)) {
            return Optional.empty();
        }
        StudyContext context = new StudyContext(settings.seed(), n, settings.epochs(), higherIsBetter, settings.options(), study.trials());
        Optional<TrialRequest> request = strategy.ask(space, StudyRunner.history(trials, n, frontier), context);
        if (request.isEmpty() && frontier < n) {
            if (!finishedBelow(trials, n)) {
                return Optional.empty();
            }
            frontier = n;
            request = strategy.ask(space, StudyRunner.history(trials, n, frontier), context);
        }
        if (request.isEmpty()) {
            done[0] = true;
            return Optional.empty();
        }
        Map<String, Object> point = request.get().parameters();
        try {
            space.check(point);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("strategy " + settings.strategy() + " proposed a point outside the space: " + e.getMessage(), e);
        }
        int budget = RequestMapping.epochs(point, request.get().budget());
        long epochs = trials.stream().mapToLong(TrialRecord::budget).sum();
        if (study.totalEpochs() > 0 && epochs + budget > study.totalEpochs()) {
            done[0] = true;
            return Optional.empty();
        }
        return Optional.of(new SharedTrial(TrialRecord.running(n, point, budget), frontier, 1));
    }

    private static boolean finishedBelow(List<TrialRecord> trials, int n) {
        return trials.subList(0, n).stream().allMatch(TrialRecord::finished);
    }

    /**
     * Trains a claimed trial, reporting its values now and then (at most once per heartbeat); its
     * end counts when the claim still holds.
     *
     * @param study the study's trials as the claim found them (those below the trial's frontier are finished)
     */
    private void train(Claim claim, List<TrialRecord> study) {
        claims.add(claim);
        TrialRecord trial = claim.trial();
        synchronized (listener) {
            listener.trialStarted(trial);
        }
        List<Double> values = new ArrayList<>();
        long[] reported = {System.nanoTime()};
        TrialRecord done;
        try {
            done = trainer.run(trial, study.subList(0, claim.visible()), (number, epoch, value) -> {
                values.add(value);
                if (System.nanoTime() - reported[0] >= heartbeat.interval().toNanos()) {
                    database.report(claim, List.copyOf(values));
                    reported[0] = System.nanoTime();
                }
            }, () -> stopping);
        } catch (TrainingInterruptedException e) {
            return; // stopping: the claim goes back to the queue in run()
        }
        boolean counted = database.finish(claim, done);
        claims.remove(claim);
        if (counted) {
            List<TrialRecord> known = new ArrayList<>(study);
            if (trial.number() < known.size()) {
                known.set(trial.number(), done);
            } else {
                known.add(done);
            }
            TrialRecord best = known.stream().filter(t -> t.finished() && !Double.isNaN(t.value()))
                    .min(TrialRecord.ranking(higherIsBetter, settings.epochs())).orElse(null);
            synchronized (listener) {
                listener.trialFinished(done, best);
            }
        }
    }
}
