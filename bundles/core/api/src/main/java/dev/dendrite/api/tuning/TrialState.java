package dev.dendrite.api.tuning;

/** Where a trial is. */
public enum TrialState {
    /** Proposed and training, or (in a journal) interrupted before it finished: it is run again on resume. */
    RUNNING,
    /** Trained for its whole budget; its objective value counts. */
    COMPLETE,
    /** Stopped early by the pruner; its value is the objective at the epoch it stopped. */
    PRUNED,
    /** Training threw (e.g. it diverged); the record holds the message and no value. */
    FAILED
}
