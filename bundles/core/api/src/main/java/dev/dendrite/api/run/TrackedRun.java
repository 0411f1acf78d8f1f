package dev.dendrite.api.run;

import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.nn.TrainingResult;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.osgi.annotation.versioning.ProviderType;

/** One run of a {@link TrainingRuns} registry. Thread safe. */
@ProviderType
public interface TrackedRun {

    /** Its id, unique in this process, e.g. {@code 7}. */
    String id();

    /** The data set it trains on, as the user named it. */
    String dataset();

    /** Who started it, e.g. {@code shell} or {@code web}. */
    String origin();

    /** What it trains. */
    TrainingRequest request();

    /** When it was registered. */
    Instant created();

    /** Where it is. */
    RunState state();

    /** Why it ended ({@code completed}, the stop or error message), or null while it runs. */
    String outcome();

    /** The epochs completed so far, in order. */
    List<EpochReport> history();

    /**
     * The epochs after the first {@code from}, waiting up to {@code timeoutMillis} for one when
     * there is none yet and the run has not finished.
     *
     * @return the reports {@code from}, {@code from + 1}, … (0-based); empty on time-out or when the run has finished
     * @throws InterruptedException when the waiting thread is interrupted
     */
    List<EpochReport> awaitEpochs(int from, long timeoutMillis) throws InterruptedException;

    /**
     * Trains on the calling thread: calls {@code training} with a listener that records the run's
     * epochs (hand it to the trainer with the caller's own listeners), and records how it ended.
     * The result or exception of {@code training} is returned or thrown unchanged. Called once.
     *
     * @throws dev.dendrite.api.nn.TrainingInterruptedException when the run was stopped before it started
     * @throws IllegalStateException when it has been executed already
     */
    TrainingResult execute(Function<TrainingListener, TrainingResult> training);

    /**
     * Asks the run to stop at its next iteration, keeping its last completed epoch (the trainer
     * ends it with a {@link dev.dendrite.api.nn.TrainingInterruptedException}, which its front end reports).
     *
     * @return false when it had finished already
     */
    boolean stop();
}
