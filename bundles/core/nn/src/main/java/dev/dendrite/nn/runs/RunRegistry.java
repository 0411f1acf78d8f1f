package dev.dendrite.nn.runs;

import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.run.TrackedRun;
import dev.dendrite.api.run.TrainingRuns;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Component;

/**
 * The runs of this process: every run that has not finished, and the last {@value #KEPT_FINISHED}
 * finished ones, newest first.
 */
@Component(service = TrainingRuns.class)
public final class RunRegistry implements TrainingRuns {
    /** Finished runs kept for the listings. */
    static final int KEPT_FINISHED = 50;

    private final AtomicLong ids = new AtomicLong();
    private final Deque<Run> runs = new ArrayDeque<>();

    @Override
    public TrackedRun open(String dataset, TrainingRequest request, String origin) {
        Run run = new Run(String.valueOf(ids.incrementAndGet()), dataset, request, origin);
        synchronized (runs) {
            runs.addFirst(run);
            forgetOldFinished();
        }
        return run;
    }

    @Override
    public List<TrackedRun> list() {
        synchronized (runs) {
            return new ArrayList<>(runs);
        }
    }

    @Override
    public Optional<TrackedRun> get(String id) {
        synchronized (runs) {
            return runs.stream().filter(r -> r.id().equals(id)).<TrackedRun>map(r -> r).findFirst();
        }
    }

    private void forgetOldFinished() {
        int finished = 0;
        for (Iterator<Run> it = runs.iterator(); it.hasNext(); ) {
            Run run = it.next();
            if (run.state().finished() && ++finished > KEPT_FINISHED) {
                it.remove();
            }
        }
    }
}
