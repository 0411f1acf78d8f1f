package dev.dendrite.api.tuning.shared;

import dev.dendrite.api.tuning.TrialRecord;

/**
 * One worker's claim of one trial: the worker trains it and records its end with the claim.
 *
 * @param study  the study's name
 * @param trial  the trial to train (state RUNNING)
 * @param visible its proposal saw the outcomes of trials 0 … visible − 1
 * @param worker who claimed it
 * @param number which claim of the trial this is (1 for the first); a later claim voids the earlier ones
 */
public record Claim(String study, TrialRecord trial, int visible, String worker, int number) {
}
