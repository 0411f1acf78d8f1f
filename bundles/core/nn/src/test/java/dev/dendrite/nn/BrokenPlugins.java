package dev.dendrite.nn;

import dev.dendrite.activations.Tanh;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.Loss;
import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.nn.Updater;
import dev.dendrite.losses.MeanSquaredError;
import dev.dendrite.math.ejml.EjmlMatrixMath;
import dev.dendrite.optimizers.Sgd;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Plug-ins that fail on purpose, each the real one (tanh, mse, sgd, EJML) until a chosen call,
 * served with the platform's own plug-ins by a resolver that says they come from bundle
 * {@value #BUNDLE}. Calls are counted per instance, so each test makes its own.
 */
final class BrokenPlugins implements PluginResolver {
    static final String BUNDLE = "org.example.broken 1.0.0 [31]";

    private final LocalPlugins platform = new LocalPlugins();
    private final Map<String, Object> broken = new HashMap<>();

    /** Serves {@code service} as {@code name} from {@link #BUNDLE}; for {@code MatrixMath}, as the back-end. */
    BrokenPlugins with(String name, Object service) {
        broken.put(name, service);
        return this;
    }

    @Override
    public <T> Plugin<T> resolve(Class<T> kind, String name) {
        Object service = broken.get(kind == MatrixMath.class ? "backend" : name);
        if (kind.isInstance(service)) {
            return new Plugin<>(kind == MatrixMath.class ? "broken_math" : name, kind.cast(service), BUNDLE, () -> true, () -> { });
        }
        return platform.resolve(kind, name);
    }

    /** tanh whose forward throws {@code e} on the calls {@code when} accepts (counted from 1). */
    static Activation throwingForward(IntPredicate when, RuntimeException e) {
        return new CountingTanh() {
            @Override
            public void forward(Matrix z, Matrix a) {
                if (when.test(++calls)) {
                    throw e;
                }
                super.forward(z, a);
            }
        };
    }

    /** tanh whose backward throws {@code e} from call {@code from} on. */
    static Activation throwingBackward(int from, Throwable e) {
        return new CountingTanh() {
            @Override
            public void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) {
                if (++calls >= from) {
                    sneakyThrow(e);
                }
                super.backward(z, a, dA, dZ);
            }
        };
    }

    /** tanh whose backward writes NaN into dZ from call {@code from} on. */
    static Activation nanBackward(int from) {
        return new CountingTanh() {
            @Override
            public void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) {
                super.backward(z, a, dA, dZ);
                if (++calls >= from) {
                    dZ.data()[dZ.data().length / 2] = Double.NaN;
                }
            }
        };
    }

    /**
     * The real tanh, element-wise so that it runs in the products' epilogues, whose range forward
     * (or backward) throws {@code e} from its call {@code from} on.
     */
    static Activation throwingInEpilogue(boolean inForward, int from, RuntimeException e) {
        return new Tanh() {
            private int calls;

            @Override
            public void forward(double[] z, double[] a, int lo, int hi) {
                if (inForward && ++calls >= from) {
                    throw e;
                }
                super.forward(z, a, lo, hi);
            }

            @Override
            public void backward(double[] z, double[] a, double[] dA, double[] dZ, int lo, int hi) {
                if (!inForward && ++calls >= from) {
                    throw e;
                }
                super.backward(z, a, dA, dZ, lo, hi);
            }
        };
    }

    /** The real tanh with a call counter, to override. */
    private static class CountingTanh implements Activation {
        private final Activation real = new Tanh();
        int calls;

        @Override
        public void forward(Matrix z, Matrix a) {
            real.forward(z, a);
        }

        @Override
        public void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) {
            real.backward(z, a, dA, dZ);
        }
    }

    /** mse, which fuses with no output activation, whose cost is NaN from call {@code from} on. */
    static Loss nanCost(int from) {
        Loss mse = new MeanSquaredError();
        return new Loss() {
            private int calls;

            @Override
            public double cost(Matrix a, Matrix y) {
                return ++calls >= from ? Double.NaN : mse.cost(a, y);
            }

            @Override
            public void gradient(Matrix a, Matrix y, Matrix dA) {
                mse.gradient(a, y, dA);
            }
        };
    }

    /** sgd whose updaters throw {@code e} from their update call {@code from} on. */
    static Optimizer throwingUpdate(int from, RuntimeException e) {
        return updating(from, (params, grads, rate) -> {
            throw e;
        });
    }

    /** sgd whose updaters write NaN into b[1] from their update call {@code from} on. */
    static Optimizer nanUpdate(int from) {
        return updating(from, (params, grads, rate) -> params[1].data()[0] = Double.NaN);
    }

    private static Optimizer updating(int from, Updater fault) {
        Optimizer sgd = new Sgd();
        return new Optimizer() {
            @Override
            public Map<String, Double> defaults() {
                return sgd.defaults();
            }

            @Override
            public double defaultLearningRate() {
                return sgd.defaultLearningRate();
            }

            @Override
            public Updater newUpdater(Map<String, Double> hyperparameters) {
                Updater real = sgd.newUpdater(hyperparameters);
                int[] calls = {0};
                return (params, grads, rate) -> {
                    real.update(params, grads, rate);
                    if (++calls[0] >= from) {
                        fault.update(params, grads, rate);
                    }
                };
            }
        };
    }

    /** EJML whose method {@code method} throws {@code e} from its call {@code from} on. */
    static MatrixMath throwingMath(String method, int from, RuntimeException e) {
        MatrixMath real = new EjmlMatrixMath();
        int[] calls = {0};
        return (MatrixMath) Proxy.newProxyInstance(MatrixMath.class.getClassLoader(), new Class<?>[] {MatrixMath.class}, (proxy, m, args) -> {
            if (m.getName().equals(method) && ++calls[0] >= from) {
                throw e;
            }
            try {
                return m.invoke(real, args);
            } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }
}
