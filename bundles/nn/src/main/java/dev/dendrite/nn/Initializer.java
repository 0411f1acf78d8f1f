package dev.dendrite.nn;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.DenseLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Seeded weight initialization: W[l] ~ N(0, σ²) with σ² = 2/n[l-1] for {@code he} (ReLU-like
 * layers) and σ² = 1/n[l-1] for {@code xavier}; b[l] = 0.
 */
final class Initializer {

    private Initializer() {
    }

    /**
     * @param widths       n[0] … n[L]
     * @param names        g[1] … g[L] activation names
     * @param initializers the initializer of each layer, {@code he} or {@code xavier}
     */
    static List<DenseLayer> initialize(int[] widths, List<String> names, List<String> initializers, Random random) {
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 1; l < widths.length; l++) {
            int fanIn = widths[l - 1];
            double sigma = Math.sqrt(variance(initializers.get(l - 1)) / fanIn);
            Matrix w = new Matrix(widths[l], fanIn);
            double[] v = w.data();
            for (int i = 0; i < v.length; i++) {
                v[i] = sigma * random.nextGaussian();
            }
            layers.add(new DenseLayer(w, new Matrix(widths[l], 1), names.get(l - 1)));
        }
        return layers;
    }

    private static double variance(String initializer) {
        return switch (initializer.toLowerCase(Locale.ROOT)) {
            case "he" -> 2.0;
            case "xavier", "glorot" -> 1.0;
            default -> throw new IllegalArgumentException("unknown initializer '" + initializer + "' (available: he, xavier)");
        };
    }
}
