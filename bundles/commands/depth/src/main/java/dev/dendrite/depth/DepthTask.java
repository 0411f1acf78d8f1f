package dev.dendrite.depth;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The generated tasks on which depth should show.
 *
 * <p>{@code spirals}: two intertwined spirals of {@value #TURNS} turns, a classic that needs many
 * bends of the decision boundary. A sample of class c ∈ {0, 1} has t ~ U(0, 1), angle
 * θ = 2π·{@value #TURNS}·t + π·c + N(0, {@value #ANGLE_NOISE}²) and lies at t·(cos θ, sin θ).
 * Metric: accuracy.
 *
 * <p>{@code sawtooth}: a compositional function, the tent t(u) = 1 − |2u − 1| composed
 * {@value #NESTING} times, t∘t∘t∘t, a sawtooth of 2^{@value #NESTING}/2 = 8 teeth (16 linear
 * pieces) on [0, 1]. A ReLU network with two units per layer and one layer per tent builds it exactly; with
 * one hidden layer it takes a unit per kink (Telgarsky 2016). Inputs x = 2u − 1 ∈ [−1, 1], targets
 * 2·t⁴(u) − 1 ∈ [−1, 1]. Metric: mse.
 */
enum DepthTask {
    SPIRALS, SAWTOOTH;

    static final double TURNS = 2;
    static final double ANGLE_NOISE = 0.05;
    static final int NESTING = 4;

    /** By name, case-insensitive. */
    static DepthTask named(String name) {
        for (DepthTask t : values()) {
            if (t.label().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task '" + name + "' (available: " + String.join(", ", names()) + ")");
    }

    static List<String> names() {
        return Arrays.stream(values()).map(DepthTask::label).toList();
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    String describe() {
        return this == SPIRALS ? "two spirals of " + (int) TURNS + " turns (classification)"
                : "sawtooth t∘t∘t∘t of 8 teeth, t(u) = 1 − |2u − 1| (regression)";
    }

    /** n[0]. */
    int inputs() {
        return this == SPIRALS ? 2 : 1;
    }

    /** The validation metric reported: accuracy or mse. */
    String metric() {
        return this == SPIRALS ? "accuracy" : "mse";
    }

    /** The output activation and loss, or null for the task's default (sigmoid with cross-entropy). */
    String output() {
        return this == SPIRALS ? null : "linear";
    }

    String loss() {
        return this == SPIRALS ? null : "mse";
    }

    /** m samples drawn with {@code seed}. */
    DataSet generate(int m, long seed) {
        Random random = new Random(seed);
        Matrix x = new Matrix(inputs(), m);
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
            if (this == SPIRALS) {
                int c = j % 2;
                double t = random.nextDouble();
                double angle = 2 * Math.PI * TURNS * t + Math.PI * c + ANGLE_NOISE * random.nextGaussian();
                x.set(0, j, t * Math.cos(angle));
                x.set(1, j, t * Math.sin(angle));
                y[j] = c;
            } else {
                double u = random.nextDouble();
                x.set(0, j, 2 * u - 1);
                y[j] = 2 * sawtooth(u) - 1;
            }
        }
        return this == SPIRALS
                ? new DataSet("spirals", List.of("x1", "x2"), x, y, Task.CLASSIFICATION, List.of("0", "1"))
                : new DataSet("sawtooth", List.of("x"), x, y, Task.REGRESSION, List.of());
    }

    /** t⁴(u), t(u) = 1 − |2u − 1|. */
    static double sawtooth(double u) {
        double v = u;
        for (int i = 0; i < NESTING; i++) {
            v = 1 - Math.abs(2 * v - 1);
        }
        return v;
    }
}
