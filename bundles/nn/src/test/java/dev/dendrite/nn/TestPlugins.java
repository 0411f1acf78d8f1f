package dev.dendrite.nn;

import dev.dendrite.activations.LeakyRelu;
import dev.dendrite.activations.Linear;
import dev.dendrite.activations.Relu;
import dev.dendrite.activations.Sigmoid;
import dev.dendrite.activations.Softmax;
import dev.dendrite.activations.Tanh;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.losses.BinaryCrossEntropy;
import dev.dendrite.losses.CategoricalCrossEntropy;
import dev.dendrite.losses.MeanSquaredError;
import dev.dendrite.math.ejml.EjmlMatrixMath;
import dev.dendrite.optimizers.Adam;
import dev.dendrite.optimizers.Sgd;
import java.util.Map;
import java.util.TreeMap;

/** The platform's plug-ins by name, without OSGi, for unit tests of the trainer. */
final class TestPlugins implements PluginResolver {
    private final Map<String, Object> byName = new TreeMap<>();
    private final MatrixMath math;

    TestPlugins() {
        this(new EjmlMatrixMath());
    }

    TestPlugins(MatrixMath math) {
        this.math = math;
        byName.put("sigmoid", new Sigmoid());
        byName.put("tanh", new Tanh());
        byName.put("relu", new Relu());
        byName.put("leaky_relu", new LeakyRelu());
        byName.put("linear", new Linear());
        byName.put("softmax", new Softmax());
        byName.put("binary_crossentropy", new BinaryCrossEntropy());
        byName.put("categorical_crossentropy", new CategoricalCrossEntropy());
        byName.put("mse", new MeanSquaredError());
        byName.put("sgd", new Sgd());
        byName.put("adam", new Adam());
    }

    @Override
    public <T> Plugin<T> resolve(Class<T> kind, String name) {
        if (kind == MatrixMath.class) {
            return Plugin.of("test", kind.cast(math));
        }
        Object service = byName.get(name);
        if (!kind.isInstance(service)) {
            throw new IllegalArgumentException("unknown " + RegistryPlugins.kindName(kind) + " '" + name + "' (available: "
                    + String.join(", ", byName.entrySet().stream().filter(e -> kind.isInstance(e.getValue())).map(Map.Entry::getKey).toList()) + ")");
        }
        return Plugin.of(name, kind.cast(service));
    }
}
