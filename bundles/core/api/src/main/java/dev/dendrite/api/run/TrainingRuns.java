package dev.dendrite.api.run;

import dev.dendrite.api.nn.TrainingRequest;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The registry of training runs: the running ones and the most recent finished ones (a bounded
 * number), newest first. A front end that trains opens a run before training and executes its
 * training through it ({@code runs.open(dataset, request, "shell").execute(listener -> trainer.train(request, data, listener))}),
 * so every front end sees every run live.
 */
@ProviderType
public interface TrainingRuns {

    /** Registers a run that is about to train, in state {@link RunState#QUEUED}. */
    TrackedRun open(String dataset, TrainingRequest request, String origin);

    /** The runs kept, newest first. */
    List<TrackedRun> list();

    /** A run by id. */
    Optional<TrackedRun> get(String id);
}
