package dev.dendrite.tuning;

import dev.dendrite.activations.LeakyRelu;
import dev.dendrite.activations.Linear;
import dev.dendrite.activations.Relu;
import dev.dendrite.activations.Sigmoid;
import dev.dendrite.activations.Softmax;
import dev.dendrite.activations.Tanh;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.Loss;
import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.tuning.TuningStrategy;
import dev.dendrite.data.BuiltInData;
import dev.dendrite.losses.BinaryCrossEntropy;
import dev.dendrite.losses.CategoricalCrossEntropy;
import dev.dendrite.losses.MeanSquaredError;
import dev.dendrite.math.ejml.EjmlMatrixMath;
import dev.dendrite.nn.NetworkTrainer;
import dev.dendrite.nn.Plugin;
import dev.dendrite.nn.PluginResolver;
import dev.dendrite.optimizers.Adam;
import dev.dendrite.optimizers.AdamW;
import dev.dendrite.optimizers.Momentum;
import dev.dendrite.optimizers.RmsProp;
import dev.dendrite.optimizers.Sgd;
import dev.dendrite.tuning.tpe.TpeStrategy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The platform's plug-ins, trainer, data and strategies wired by hand, as the tests' (and the benchmark's) platform. */
final class Fixtures {
    static final Map<String, Object> PLUGINS = plugins();
    static final Map<String, TuningStrategy> STRATEGIES = Map.of("grid", new GridStrategy(), "random", new RandomStrategy(),
            "halving", new HalvingStrategy(), "tpe", new TpeStrategy());

    private Fixtures() {
    }

    private static Map<String, Object> plugins() {
        Map<String, Object> m = new TreeMap<>();
        m.put("sigmoid", new Sigmoid());
        m.put("tanh", new Tanh());
        m.put("relu", new Relu());
        m.put("leaky_relu", new LeakyRelu());
        m.put("linear", new Linear());
        m.put("softmax", new Softmax());
        m.put("binary_crossentropy", new BinaryCrossEntropy());
        m.put("categorical_crossentropy", new CategoricalCrossEntropy());
        m.put("mse", new MeanSquaredError());
        m.put("sgd", new Sgd());
        m.put("momentum", new Momentum());
        m.put("adam", new Adam());
        m.put("adamw", new AdamW());
        m.put("rmsprop", new RmsProp());
        return m;
    }

    /** Plug-ins by name from {@link #PLUGINS}, the EJML maths for any backend. */
    static final PluginResolver RESOLVER = new PluginResolver() {
        private final MatrixMath math = new EjmlMatrixMath();

        @Override
        public <T> Plugin<T> resolve(Class<T> kind, String name) {
            if (kind == MatrixMath.class) {
                return Plugin.of("ejml", kind.cast(math));
            }
            Object service = PLUGINS.get(name);
            if (!kind.isInstance(service)) {
                throw new IllegalArgumentException("unknown " + kind.getSimpleName() + " '" + name + "' (available: " + names(kind) + ")");
            }
            return Plugin.of(name, kind.cast(service));
        }
    };

    static Trainer trainer() {
        return new NetworkTrainer(RESOLVER);
    }

    static List<String> names(Class<?> kind) {
        return PLUGINS.entrySet().stream().filter(e -> kind.isInstance(e.getValue())).map(Map.Entry::getKey).toList();
    }

    static Vocabulary vocabulary() {
        Map<String, Set<String>> optimizers = new TreeMap<>();
        PLUGINS.forEach((name, p) -> {
            if (p instanceof Optimizer o) {
                optimizers.put(name, o.defaults().keySet());
            }
        });
        return new Vocabulary(names(Activation.class), names(Loss.class), optimizers);
    }

    static TuningStrategy strategy(String name) {
        TuningStrategy s = STRATEGIES.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown strategy '" + name + "' (available: " + new TreeMap<>(STRATEGIES).keySet() + ")");
        }
        return s;
    }

    /** A tuner over {@code trainer} keeping its studies in {@code folder}. */
    static Studies studies(Trainer trainer, Path folder) {
        return new Studies(trainer, BuiltInData.service(), Fixtures::vocabulary, Fixtures::strategy, () -> folder);
    }
}
