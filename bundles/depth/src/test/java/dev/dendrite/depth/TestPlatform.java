package dev.dendrite.depth;

import dev.dendrite.activations.Tanh;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.Loss;
import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.losses.MeanSquaredError;
import dev.dendrite.math.ejml.EjmlMatrixMath;
import dev.dendrite.nn.NetworkTrainer;
import dev.dendrite.nn.Plugin;
import dev.dendrite.nn.PluginResolver;
import dev.dendrite.optimizers.Sgd;
import dev.dendrite.testing.ComponentDescriptors;
import java.util.Map;
import java.util.TreeMap;

/**
 * The real trainer with the real plug-ins, found the way the platform finds them: every DS
 * component of the plug-in bundles, by its service interface and {@code name} property; the
 * EJML maths for every back-end name.
 */
final class TestPlatform {

    private TestPlatform() {
    }

    static Trainer trainer() {
        Map<Class<?>, Map<String, Object>> plugins = Map.of(
                Activation.class, instances(Activation.class, Tanh.class),
                Loss.class, instances(Loss.class, MeanSquaredError.class),
                Optimizer.class, instances(Optimizer.class, Sgd.class));
        MatrixMath math = new EjmlMatrixMath();
        return new NetworkTrainer(new PluginResolver() {
            @Override
            public <T> Plugin<T> resolve(Class<T> kind, String name) {
                if (kind == MatrixMath.class) {
                    return Plugin.of("ejml", kind.cast(math));
                }
                Object service = plugins.get(kind).get(name);
                if (service == null) {
                    throw new IllegalArgumentException("no " + kind.getSimpleName() + " named '" + name + "'; available: "
                            + String.join(", ", plugins.get(kind).keySet()));
                }
                return Plugin.of(name, kind.cast(service));
            }
        });
    }

    /** One instance of every component of {@code anyClass}'s bundle that provides {@code kind}, by name. */
    private static Map<String, Object> instances(Class<?> kind, Class<?> anyClass) {
        Map<String, Object> byName = new TreeMap<>();
        for (ComponentDescriptors.Descriptor d : ComponentDescriptors.providing(kind, anyClass)) {
            try {
                byName.put(d.properties().get("name"), Class.forName(d.implementation()).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + d.implementation(), e);
            }
        }
        return byName;
    }
}
