package dev.dendrite.nn;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Metrics;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moving samples into a network's workspace, and scoring a network on a whole split in chunks of
 * {@link #CHUNK} columns (so memory stays bounded for large data sets).
 */
final class Evaluation {
    /** Columns per forward pass when evaluating a whole split. */
    static final int CHUNK = 1024;

    private Evaluation() {
    }

    /** Looks at each chunk right after its forward pass and cost, while its workspace still holds them. */
    interface ChunkCheck {
        ChunkCheck NONE = (ws, cost) -> { };

        void check(Network.Workspace<?> ws, double cost);
    }

    /** The cost and metrics of the network (no dropout) on {@code set}. */
    static Metrics evaluate(Network<?> network, OutputLayer head, Targets targets, DataSet set) {
        return evaluate(network, head, targets, set, ChunkCheck.NONE);
    }

    /** As {@link #evaluate(Network, OutputLayer, Targets, DataSet)}, each chunk passed to {@code check}. */
    static <M> Metrics evaluate(Network<M> network, OutputLayer head, Targets targets, DataSet set, ChunkCheck check) {
        int m = set.samples();
        int[] order = identity(m);
        Targets.Tally tally = targets.tally();
        for (int from = 0; from < m; from += CHUNK) {
            Network.Workspace<M> ws = network.workspace(Math.min(CHUNK, m - from));
            load(set, from, ws, targets, order);
            network.forward(ws);
            double cost = head.cost(network, ws);
            check.check(ws, cost);
            tally.add(ws.outputA(), cost, set.targets(), order, from);
        }
        return finite(tally.metrics(), set.name());
    }

    /**
     * {@code metrics}, unless its loss is not finite or a metric is infinite: a model whose outputs
     * overflow on a data set has no result to print (a NaN metric, such as r² of a constant target,
     * is printed as {@code -}).
     *
     * @throws IllegalArgumentException naming the data set, the value and what overflowed
     */
    private static Metrics finite(Metrics metrics, String set) {
        Map<String, Double> values = new LinkedHashMap<>(Map.of("loss", metrics.cost()));
        values.putAll(metrics.values());
        values.forEach((name, value) -> {
            if (Double.isInfinite(value) || name.equals("loss") && Double.isNaN(value)) {
                throw new IllegalArgumentException(set + ": the " + name + " is not finite (" + value
                        + "); the model's outputs or the targets overflow on this data");
            }
        });
        return metrics;
    }

    /** Copies the samples from … from+m (in order) into the workspace's X and (encoded) Y. */
    private static <M> void load(DataSet set, int from, Network.Workspace<M> ws, Targets targets, int[] identity) {
        ws.arithmetic().columns(set.x(), from, ws.input());
        targets.encode(set.targets(), identity, from, ws.targets());
    }

    /** 0, 1, …, m − 1. */
    static int[] identity(int m) {
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        return order;
    }
}
