package dev.dendrite.nn;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.DenseLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Seeded weight initialization; b[l] = 0 and W[l] ~ N(0, σ²) with
 * {@code he}: σ² = 2/n[l-1] (ReLU-like layers), {@code xavier} (Glorot): σ² = 1/n[l-1]
 * (saturating layers), {@code small}: σ = 0.01 (the course's first networks).
 */
final class Initializer {
    static final List<String> NAMES = List.of("he", "xavier", "small");

    private Initializer() {
    }

    /**
     * @param widths       n[0] … n[L]
     * @param names        g[1] … g[L] activation names
     * @param initializers the initializer of each layer
     */
    static List<DenseLayer> initialize(int[] widths, List<String> names, List<String> initializers, Random random) {
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 1; l < widths.length; l++) {
            double sigma = sigma(initializers.get(l - 1), widths[l - 1]);
            Matrix w = new Matrix(widths[l], widths[l - 1]);
            double[] v = w.data();
            for (int i = 0; i < v.length; i++) {
                v[i] = sigma * random.nextGaussian();
            }
            layers.add(new DenseLayer(w, new Matrix(widths[l], 1), names.get(l - 1)));
        }
        return layers;
    }

    static String checked(String initializer) {
        String name = initializer.toLowerCase(Locale.ROOT);
        if (name.equals("glorot")) {
            return "xavier";
        }
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown initializer '" + initializer + "' (available: " + String.join(", ", NAMES) + ")");
        }
        return name;
    }

    private static double sigma(String initializer, int fanIn) {
        return switch (checked(initializer)) {
            case "he" -> Math.sqrt(2.0 / fanIn);
            case "xavier" -> Math.sqrt(1.0 / fanIn);
            default -> 0.01;
        };
    }
}
