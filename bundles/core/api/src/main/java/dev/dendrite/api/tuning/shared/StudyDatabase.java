package dev.dendrite.api.tuning.shared;

import dev.dendrite.api.tuning.TrialRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One database of studies that any number of worker processes share. A study is a header (the
 * tuner's own description of its settings, opaque here), its limits, and its trials by number. A
 * trial is QUEUED (waiting for a worker), RUNNING (claimed by one worker, which beats), or finished
 * (COMPLETE, PRUNED, FAILED). Every method is one transaction; the times of heartbeats are the
 * database's clock, so workers' clocks need not agree.
 */
@ProviderType
public interface StudyDatabase {

    /** Where it is, for messages: the URL with its password masked. */
    String location();

    /** The studies' names, sorted. */
    List<String> names();

    /** The study {@code name} as it is now, or empty. */
    default Optional<SharedStudy> read(String name) {
        return read(name, 0);
    }

    /**
     * The study {@code name} as it is now with its trials numbered from {@code from} on (the caller
     * has those below, which are finished: a finished trial never changes), or empty.
     */
    Optional<SharedStudy> read(String name, int from);

    /**
     * Creates the study unless it exists (atomically: of two processes creating it at once, one
     * creates it and both get its header).
     *
     * @return the header of the study in the database (the existing one, when it existed)
     */
    String create(String name, String header, int trials, long totalEpochs);

    /** Sets a study's limits: the most trials, and epochs in all (0: none). */
    void limits(String name, int trials, long totalEpochs);

    /**
     * Claims the lowest-numbered QUEUED trial of the study for {@code worker}, if there is one: a
     * trial is claimed by one worker only, whatever the number of workers claiming at once.
     */
    Optional<Claim> claim(String name, String worker);

    /**
     * Holding the study exclusively (other proposals wait), reads it and inserts the trial that
     * {@code next} returns, claimed by {@code worker}; {@code next} returns empty when there is
     * nothing to propose now.
     *
     * @param from the first trial to read: the caller has those below, which are finished (a
     *             finished trial never changes), so a proposal reads only the trials that may
     *             have changed, however long the study
     * @param next what to train next given the study as it is, its trials numbered from {@code from}
     *             on; its trial's number must be the next one
     */
    Optional<Claim> propose(String name, String worker, int from, Function<SharedStudy, Optional<SharedTrial>> next);

    /** {@link #propose(String, String, int, Function)} reading every trial. */
    default Optional<Claim> propose(String name, String worker, Function<SharedStudy, Optional<SharedTrial>> next) {
        return propose(name, worker, 0, next);
    }

    /**
     * The claimed trial's objective after each epoch so far (also a heartbeat); ignored when the
     * claim was lost. A worker reports now and then, for those who watch: its peers and the pruner
     * read a trial's values once it is finished.
     */
    void report(Claim claim, List<Double> values);

    /**
     * Records the claimed trial's end, when the claim still holds.
     *
     * @return false when the claim was lost (the trial went stale and was queued again): the result is not counted
     */
    boolean finish(Claim claim, TrialRecord finished);

    /** Gives the claimed trial back to the queue, unfinished (a worker stopping on request). */
    void release(Claim claim);

    /** The heartbeat of every trial {@code worker} runs. */
    void beat(String worker);

    /**
     * Queues again the RUNNING trials of the study whose heartbeat is older than {@code grace}, or
     * fails them (with a message saying so) when they have been claimed {@code 1 + retries} times.
     *
     * @return the numbers of the trials that went stale
     */
    List<Integer> requeueStale(String name, Duration grace, int retries);

    /**
     * Adds a study moved from elsewhere (e.g. a journal): its finished trials as they are, the
     * others QUEUED.
     *
     * @throws IllegalArgumentException when a study of that name exists
     */
    void importStudy(SharedStudy study);
}
