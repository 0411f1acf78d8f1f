package dev.dendrite.nn;

import dev.dendrite.api.data.DataSet;

/**
 * The training samples kept sample-major (the n features of a sample side by side), so that
 * filling a mini-batch of shuffled samples reads each sample's features from consecutive memory.
 * Read from the data set's feature-major X, a shuffled batch touches a different cache line for
 * every one of its n·m values, which costs more than the matrix products once those are fast.
 * Holds a copy of X.
 */
final class Batches {
    private final DataSet set;
    private final double[] bySample;

    Batches(DataSet set) {
        this.set = set;
        int features = set.features();
        int m = set.samples();
        double[] x = set.x().data();
        bySample = new double[x.length];
        int block = 64; // transpose in tiles, so that both sides stay in cache
        for (int r0 = 0; r0 < features; r0 += block) {
            for (int j0 = 0; j0 < m; j0 += block) {
                for (int r = r0; r < Math.min(r0 + block, features); r++) {
                    for (int j = j0; j < Math.min(j0 + block, m); j++) {
                        bySample[j * features + r] = x[r * m + j];
                    }
                }
            }
        }
    }

    /** Copies the samples order[from … from+m) into the workspace's X and (encoded) Y. */
    <M> void load(int[] order, int from, Network.Workspace<M> ws, Targets targets) {
        ws.arithmetic().gather(bySample, order, from, ws.input());
        targets.encode(set.targets(), order, from, ws.targets());
    }
}
