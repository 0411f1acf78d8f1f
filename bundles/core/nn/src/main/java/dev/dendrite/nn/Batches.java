package dev.dendrite.nn;

import dev.dendrite.api.data.DataSet;

/**
 * The training samples kept sample-major (the n features of a sample side by side), so that
 * filling a mini-batch of shuffled samples reads each sample's features from consecutive memory.
 * Read from the data set's feature-major X, a shuffled batch touches a different cache line for
 * every one of its n·m values, which costs more than the matrix products once those are fast.
 * Holds a copy of X at the run's precision (half the memory, and half the bytes a batch reads, in
 * float32).
 *
 * @param <M> the matrix type of the run's precision
 */
final class Batches<M> {
    private final DataSet set;
    private final Arithmetic<M> arithmetic;
    /** Xᵀ, (m, n): row j is sample j. */
    private final M bySample;

    Batches(DataSet set, Arithmetic<M> arithmetic) {
        this.set = set;
        this.arithmetic = arithmetic;
        this.bySample = arithmetic.matrix(set.samples(), set.features());
        arithmetic.transpose(set.x(), bySample);
    }

    /** Copies the samples order[from … from+m) into the workspace's X and (encoded) Y. */
    void load(int[] order, int from, Network.Workspace<M> ws, Targets targets) {
        arithmetic.gather(bySample, order, from, ws.input());
        targets.encode(set.targets(), order, from, ws.targets());
    }
}
