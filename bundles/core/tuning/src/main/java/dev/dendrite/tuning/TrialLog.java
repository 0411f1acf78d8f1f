package dev.dendrite.tuning;

import dev.dendrite.api.tuning.TrialRecord;

/**
 * Where a running study's events go, each before the runner's next step: a {@link Journal} file
 * today; a storage shared by several processes would be another. After {@link #close()} events
 * are dropped (a stopped study writes nothing more).
 */
interface TrialLog extends AutoCloseable {

    /** A resumed run changed the limits: {@code trials}, {@code totalEpochs} (0: none). */
    void resumed(int trials, long totalEpochs);

    /** Trial {@code trial} starts; its proposal saw trials 0 … {@code visible}−1; it trains with {@code seed}. */
    void started(TrialRecord trial, int visible, long seed);

    /** Trial {@code trial} reached {@code value} of the objective after {@code epoch} epochs. */
    void epoch(int trial, int epoch, double value);

    /** A trial ended: complete, pruned or failed. */
    void finished(TrialRecord trial);

    @Override
    void close();
}
