package dev.dendrite.api.tuning.shared;

import dev.dendrite.api.tuning.TrialRecord;

/**
 * A trial as a shared storage keeps it. A trial that is not finished (QUEUED or RUNNING) has the
 * state RUNNING in its record.
 *
 * @param record  the trial
 * @param visible its proposal saw the outcomes of trials 0 … visible − 1
 * @param claims  how many times a worker claimed it (1 when it ran once; 0 when it was never claimed)
 */
public record SharedTrial(TrialRecord record, int visible, int claims) {
}
