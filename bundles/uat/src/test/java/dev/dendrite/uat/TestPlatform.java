package dev.dendrite.uat;

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
import dev.dendrite.optimizers.Adam;
import dev.dendrite.testing.ComponentDescriptors;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The real trainer with the real plug-ins, found the way the platform finds them: every DS
 * component of the plug-in bundles, by its service interface and {@code name} property.
 */
final class TestPlatform {

    private TestPlatform() {
    }

    static Trainer trainer() {
        Map<Class<?>, Map<String, Object>> plugins = Map.of(
                Activation.class, instances(Activation.class, Tanh.class),
                Loss.class, instances(Loss.class, MeanSquaredError.class),
                Optimizer.class, instances(Optimizer.class, Adam.class),
                MatrixMath.class, instances(MatrixMath.class, EjmlMatrixMath.class));
        return new NetworkTrainer(new PluginResolver() {
            @Override
            public <T> Plugin<T> resolve(Class<T> kind, String name) {
                Map<String, Object> byName = plugins.get(kind);
                String key = name == null ? byName.keySet().iterator().next() : name;
                Object service = byName.get(key);
                if (service == null) {
                    throw new IllegalArgumentException("no " + kind.getSimpleName() + " named '" + name + "'; available: "
                            + String.join(", ", byName.keySet()));
                }
                return Plugin.of(key, kind.cast(service));
            }
        });
    }

    /** One instance of every component of {@code anyClass}'s bundle that provides {@code kind}, by name. */
    private static Map<String, Object> instances(Class<?> kind, Class<?> anyClass) {
        Map<String, Object> byName = new TreeMap<>();
        List<ComponentDescriptors.Descriptor> found = ComponentDescriptors.providing(kind, anyClass);
        for (ComponentDescriptors.Descriptor d : found) {
            try {
                byName.put(d.properties().get("name"), Class.forName(d.implementation()).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + d.implementation(), e);
            }
        }
        return byName;
    }
}
