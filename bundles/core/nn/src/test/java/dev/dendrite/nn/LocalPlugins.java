package dev.dendrite.nn;

import dev.dendrite.activations.Tanh;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.Loss;
import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.losses.MeanSquaredError;
import dev.dendrite.math.ejml.EjmlMatrixMath;
import dev.dendrite.optimizers.Sgd;
import dev.dendrite.testing.ComponentDescriptors;
import java.util.Map;
import java.util.TreeMap;

/**
 * The platform's own plug-ins without OSGi, for unit tests of the trainer and of the bundles
 * built on it (shipped in this module's test jar): one instance of every DS component of the
 * activations, losses and optimizers bundles, found by its service interface and {@code name}
 * property as the registry finds them, and one maths back-end (EJML unless given) for every
 * back-end name.
 */
public final class LocalPlugins implements PluginResolver {
    private final Map<Class<?>, Map<String, Object>> plugins = Map.of(
            Activation.class, instances(Activation.class, Tanh.class),
            Loss.class, instances(Loss.class, MeanSquaredError.class),
            Optimizer.class, instances(Optimizer.class, Sgd.class));
    private final MatrixMath math;

    public LocalPlugins() {
        this(new EjmlMatrixMath());
    }

    public LocalPlugins(MatrixMath math) {
        this.math = math;
    }

    /** The real trainer over these plug-ins. */
    public static NetworkTrainer trainer() {
        return new NetworkTrainer(new LocalPlugins());
    }

    @Override
    public <T> Plugin<T> resolve(Class<T> kind, String name) {
        if (kind == MatrixMath.class) {
            return Plugin.of(name == null ? "ejml" : name, kind.cast(math));
        }
        Map<String, Object> byName = plugins.get(kind);
        Object service = byName == null ? null : byName.get(name);
        if (service == null) {
            throw new IllegalArgumentException("unknown " + PluginResolver.kindName(kind) + " '" + name + "' (available: "
                    + String.join(", ", byName == null ? java.util.Set.of() : byName.keySet()) + ")");
        }
        return Plugin.of(name, kind.cast(service));
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
