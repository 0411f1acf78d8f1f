package dev.dendrite.api.tuning;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Progress of a study. Trials run in parallel, so the calls come from several threads, but never
 * two at once (the runner serializes them).
 */
@ConsumerType
public interface StudyListener {

    /** A listener that ignores every event. */
    StudyListener NONE = new StudyListener() { };

    /** The study starts; {@code resumed} holds the trials a journal already had (finished ones are kept). */
    default void started(Study resumed) {
    }

    /** A trial starts training. */
    default void trialStarted(TrialRecord trial) {
    }

    /** A trial is complete, pruned or failed; {@code best} is the best trial so far, or null. */
    default void trialFinished(TrialRecord trial, TrialRecord best) {
    }
}
