package dev.dendrite.nn.runs;

import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.TrainingInterruptedException;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.run.RunState;
import dev.dendrite.api.run.TrackedRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One tracked run. Its state, epochs and training thread are guarded by the run itself; waiters
 * on {@link #awaitEpochs} are woken by each epoch and by the end.
 */
final class Run implements TrackedRun {
    private final String id;
    private final String dataset;
    private final TrainingRequest request;
    private final String origin;
    private final Instant created = Instant.now();
    private final List<EpochReport> history = new ArrayList<>();
    private RunState state = RunState.QUEUED;
    private String outcome;
    private Thread thread;
    private boolean stopAsked;
    private boolean executed;

    Run(String id, String dataset, TrainingRequest request, String origin) {
        this.id = id;
        this.dataset = dataset;
        this.request = request;
        this.origin = origin;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String dataset() {
        return dataset;
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public TrainingRequest request() {
        return request;
    }

    @Override
    public Instant created() {
        return created;
    }

    @Override
    public synchronized RunState state() {
        return state;
    }

    @Override
    public synchronized String outcome() {
        return outcome;
    }

    @Override
    public synchronized List<EpochReport> history() {
        return List.copyOf(history);
    }

    @Override
    public synchronized List<EpochReport> awaitEpochs(int from, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long left = timeoutMillis;
        while (history.size() <= from && !state.finished() && left > 0) {
            wait(left);
            left = deadline - System.currentTimeMillis();
        }
        return history.size() > from ? List.copyOf(history.subList(from, history.size())) : List.of();
    }

    @Override
    public TrainingResult execute(Function<TrainingListener, TrainingResult> training) {
        synchronized (this) {
            if (executed) {
                throw new IllegalStateException("run " + id + " has been executed already");
            }
            executed = true;
            if (stopAsked) {
                end(RunState.STOPPED, "stopped before it started");
                throw new TrainingInterruptedException("run " + id + " was stopped before it started", null);
            }
            thread = Thread.currentThread();
            state = RunState.RUNNING;
        }
        try {
            TrainingResult result = training.apply(new Recorder());
            end(RunState.COMPLETED, result.stopReason());
            return result;
        } catch (TrainingInterruptedException e) {
            end(RunState.STOPPED, e.getMessage());
            throw e;
        } catch (RuntimeException | Error e) {
            end(RunState.FAILED, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw e;
        }
    }

    @Override
    public synchronized boolean stop() {
        if (state.finished()) {
            return false;
        }
        stopAsked = true;
        if (thread != null) {
            thread.interrupt();
        }
        return true;
    }

    /**
     * Records the end and lets go of the thread; an interrupt this run sent after the training
     * had returned normally is cleared, so that it cannot reach the thread's next work.
     */
    private synchronized void end(RunState how, String why) {
        if (thread != null && how == RunState.COMPLETED && stopAsked) {
            Thread.interrupted();
        }
        thread = null;
        state = how;
        outcome = why;
        notifyAll();
    }

    private synchronized void epoch(EpochReport report) {
        history.add(report);
        notifyAll();
    }

    /** Records each epoch. */
    private final class Recorder implements TrainingListener {
        @Override
        public void epoch(EpochReport report) {
            Run.this.epoch(report);
        }
    }
}
