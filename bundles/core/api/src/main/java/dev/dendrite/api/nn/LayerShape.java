package dev.dendrite.api.nn;

/**
 * The shapes of layer l: W[l] (units, inputs), b[l] (units, 1), Z[l] and A[l] (units, m).
 *
 * @param layer      l, from 1 to L
 * @param units      n[l]
 * @param inputs     n[l-1]
 * @param activation the name of g[l]
 */
public record LayerShape(int layer, int units, int inputs, String activation) {

    /** Number of trainable parameters: n[l]·n[l-1] + n[l]. */
    public long parameters() {
        return (long) units * inputs + units;
    }

    /** E.g. {@code W[1] (4, 2)  b[1] (4, 1)  Z[1] (4, m)  A[1] (4, m)  relu}. */
    public String describe() {
        return String.format("W[%d] (%d, %d)  b[%d] (%d, 1)  Z[%d] (%d, m)  A[%d] (%d, m)  %s",
                layer, units, inputs, layer, units, layer, units, layer, units, activation);
    }
}
