package dev.dendrite.api.run;

/** Where a tracked run is. */
public enum RunState {
    /** Registered, not training yet (its data is loaded, its thread not started). */
    QUEUED,
    /** Training. */
    RUNNING,
    /** Trained to its end (its epochs, iterations or early stopping). */
    COMPLETED,
    /** Stopped before its end: asked to stop, interrupted, or a plug-in went away; the last completed epoch is kept. */
    STOPPED,
    /** Refused or failed: nothing is kept. */
    FAILED;

    /** Whether the run is over. */
    public boolean finished() {
        return this == COMPLETED || this == STOPPED || this == FAILED;
    }
}
