package dev.dendrite.bench;

import dev.dendrite.activations.Relu;
import dev.dendrite.activations.Softmax;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.losses.CategoricalCrossEntropy;
import dev.dendrite.nn.Plugin;
import dev.dendrite.nn.PluginResolver;
import dev.dendrite.optimizers.Adam;
import dev.dendrite.optimizers.Sgd;
import java.util.Map;

/** The plug-ins of the benchmarks' networks, by name, without OSGi: relu, softmax, categorical cross-entropy, sgd, adam, one back-end. */
final class BenchPlugins implements PluginResolver {
    private final String backend;
    private final MatrixMath math;
    private final Map<String, Object> byName = Map.of(
            "relu", new Relu(), "softmax", new Softmax(), "categorical_crossentropy", new CategoricalCrossEntropy(), "sgd", new Sgd(),
            "adam", new Adam());

    BenchPlugins(String backend, MatrixMath math) {
        this.backend = backend;
        this.math = math;
    }

    @Override
    public <T> Plugin<T> resolve(Class<T> kind, String name) {
        if (kind == MatrixMath.class) {
            return Plugin.of(backend, kind.cast(math));
        }
        Object service = byName.get(name);
        if (!kind.isInstance(service)) {
            throw new IllegalArgumentException("the benchmark has no " + kind.getSimpleName() + " '" + name + "' (it has " + byName.keySet() + ")");
        }
        return Plugin.of(name, kind.cast(service));
    }
}
