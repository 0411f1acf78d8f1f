package dev.dendrite.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.nn.Updater;
import dev.dendrite.testing.ComponentDescriptors;
import dev.dendrite.testing.ComponentDescriptors.Descriptor;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every optimizer is looked up through its DS descriptor by the name users type. */
class OptimizersTest {

    private static final double[] ALPHAS = {0.1, 0.05, 0.02};

    /** Gradients of W (2, 2) and b (2, 1) at steps 1, 2, 3, with signs and sizes that vary. */
    private static final double[][][] GRADS = {
            {{0.5, -1.0, 2.0, 0.0}, {0.3, -0.05}},
            {{0.4, 0.2, -3.0, 0.1}, {-0.6, -0.05}},
            {{-0.1, 0.7, 1.5, -0.2}, {0.9, 0.4}},
    };

    private static Optimizer named(String name) {
        List<Descriptor> found = ComponentDescriptors.providing(Optimizer.class, Sgd.class).stream()
                .filter(d -> name.equals(d.properties().get("name")))
                .toList();
        assertEquals(1, found.size(), "components named " + name);
        try {
            return (Optimizer) Class.forName(found.get(0).implementation()).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Matrix[] initialParams() {
        return new Matrix[] {
                Matrix.of(new double[] {0.5, -1.2}, new double[] {2.0, 0.0}),
                Matrix.of(new double[] {0.3}, new double[] {-0.7}),
        };
    }

    private static Matrix[] grads(int step) {
        return new Matrix[] {Matrix.wrap(2, 2, GRADS[step][0].clone()), Matrix.wrap(2, 1, GRADS[step][1].clone())};
    }

    /** One element's update in scalar arithmetic; {@code state} is that element's own state. */
    private interface ScalarRule {
        double next(double theta, double g, double alpha, int t, double[] state);
    }

    /** Runs three updates and compares every element after each with the scalar rule. */
    private static void assertFollows(Updater updater, ScalarRule rule) {
        Matrix[] params = initialParams();
        double[][] expected = {params[0].data().clone(), params[1].data().clone()};
        double[][][] state = new double[2][4][2];
        for (int step = 0; step < 3; step++) {
            updater.update(params, grads(step), ALPHAS[step]);
            for (int p = 0; p < 2; p++) {
                for (int k = 0; k < expected[p].length; k++) {
                    expected[p][k] = rule.next(expected[p][k], GRADS[step][p][k], ALPHAS[step], step + 1, state[p][k]);
                    assertEquals(expected[p][k], params[p].data()[k], 1e-14, "step " + (step + 1) + " parameter " + p + " element " + k);
                }
            }
        }
    }

    /** θ after each of three updates of the single parameter θ0 = 1 with gradient 1 and α = 0.1. */
    private static double[] constantGradientRun(Optimizer optimizer, Map<String, Double> hyperparameters) {
        Updater updater = optimizer.newUpdater(hyperparameters);
        Matrix[] theta = {Matrix.of(new double[] {1})};
        Matrix[] g = {Matrix.of(new double[] {1})};
        double[] trace = new double[3];
        for (int t = 0; t < 3; t++) {
            updater.update(theta, g, 0.1);
            trace[t] = theta[0].get(0, 0);
        }
        return trace;
    }

    /** Hand-worked traces ignore ε = 1e-8, which moves each step by less than 1e-8. */
    private static void assertTrace(double[] expected, double[] actual) {
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], actual[t], 1e-7, "after step " + (t + 1));
        }
    }

    @Test
    void everyOptimizerIsRegisteredOnceWithADescription() {
        List<Descriptor> components = ComponentDescriptors.providing(Optimizer.class, Sgd.class);
        assertEquals(Set.of("sgd", "momentum", "rmsprop", "adam", "adamw"),
                components.stream().map(d -> d.properties().get("name")).collect(Collectors.toSet()));
        assertEquals(5, components.size());
        for (Descriptor d : components) {
            assertFalse(d.properties().getOrDefault("description", "").isBlank(), d.implementation() + " has no description");
        }
    }

    @Test
    void defaultsListEveryHyperparameterButTheLearningRateInOrder() {
        assertEquals(List.of(), List.copyOf(named("sgd").defaults().keySet()));
        assertEquals(List.of("momentum", "nesterov"), List.copyOf(named("momentum").defaults().keySet()));
        assertEquals(List.of("rho", "epsilon"), List.copyOf(named("rmsprop").defaults().keySet()));
        assertEquals(List.of("beta1", "beta2", "epsilon"), List.copyOf(named("adam").defaults().keySet()));
        assertEquals(List.of("beta1", "beta2", "epsilon", "weight_decay"), List.copyOf(named("adamw").defaults().keySet()));
        assertEquals(Map.of("momentum", 0.9, "nesterov", 0.0), named("momentum").defaults());
        assertEquals(Map.of("rho", 0.9, "epsilon", 1e-8), named("rmsprop").defaults());
        assertEquals(Map.of("beta1", 0.9, "beta2", 0.999, "epsilon", 1e-8, "weight_decay", 0.01), named("adamw").defaults());
        assertThrows(UnsupportedOperationException.class, () -> named("adam").defaults().put("beta1", 1.0));
    }

    @Test
    void eachOptimizerHasItsDefaultLearningRate() {
        assertEquals(0.1, named("sgd").defaultLearningRate());
        assertEquals(0.1, named("momentum").defaultLearningRate());
        assertEquals(0.001, named("rmsprop").defaultLearningRate());
        assertEquals(0.001, named("adam").defaultLearningRate());
        assertEquals(0.001, named("adamw").defaultLearningRate());
    }

    @Test
    void sgdFollowsItsFormula() {
        assertFollows(named("sgd").newUpdater(Map.of()), (theta, g, alpha, t, s) -> theta - alpha * g);
    }

    @Test
    void momentumFollowsItsFormula() {
        double beta = 0.8;
        assertFollows(named("momentum").newUpdater(Map.of("momentum", beta)), (theta, g, alpha, t, s) -> {
            s[0] = beta * s[0] + (1 - beta) * g;
            return theta - alpha * s[0];
        });
    }

    @Test
    void nesterovMomentumFollowsItsFormula() {
        double beta = 0.8;
        assertFollows(named("momentum").newUpdater(Map.of("momentum", beta, "nesterov", 1.0)), (theta, g, alpha, t, s) -> {
            s[0] = beta * s[0] + (1 - beta) * g;
            return theta - alpha * (beta * s[0] + (1 - beta) * g);
        });
    }

    @Test
    void momentumByHand() {
        // v = 0.1, 0.19, 0.271; classic θ -= 0.1 v; Nesterov θ -= 0.1 (0.9 v + 0.1)
        assertTrace(new double[] {0.99, 0.971, 0.9439}, constantGradientRun(named("momentum"), Map.of()));
        assertTrace(new double[] {0.981, 0.9539, 0.91951}, constantGradientRun(named("momentum"), Map.of("nesterov", 1.0)));
    }

    @Test
    void rmspropFollowsItsFormula() {
        double rho = 0.95;
        double epsilon = 1e-3;
        assertFollows(named("rmsprop").newUpdater(Map.of("rho", rho, "epsilon", epsilon)), (theta, g, alpha, t, s) -> {
            s[0] = rho * s[0] + (1 - rho) * g * g;
            return theta - alpha * g / (Math.sqrt(s[0]) + epsilon);
        });
    }

    @Test
    void rmspropByHand() {
        // s = 0.1, 0.19, 0.271; θ -= 0.1 / √s
        assertTrace(new double[] {1 - 0.31622776601683794, 1 - 0.31622776601683794 - 0.22941573387056177,
                1 - 0.31622776601683794 - 0.22941573387056177 - 0.19209468759882464},
                constantGradientRun(named("rmsprop"), Map.of()));
    }

    @Test
    void adamFollowsItsFormula() {
        double b1 = 0.8;
        double b2 = 0.99;
        double epsilon = 1e-4;
        assertFollows(named("adam").newUpdater(Map.of("beta1", b1, "beta2", b2, "epsilon", epsilon)), (theta, g, alpha, t, s) -> {
            s[0] = b1 * s[0] + (1 - b1) * g;
            s[1] = b2 * s[1] + (1 - b2) * g * g;
            double mHat = s[0] / (1 - Math.pow(b1, t));
            double vHat = s[1] / (1 - Math.pow(b2, t));
            return theta - alpha * mHat / (Math.sqrt(vHat) + epsilon);
        });
    }

    @Test
    void adamwFollowsItsFormula() {
        double b1 = 0.8;
        double b2 = 0.99;
        double lambda = 0.3;
        assertFollows(named("adamw").newUpdater(Map.of("beta1", b1, "beta2", b2, "weight_decay", lambda)), (theta, g, alpha, t, s) -> {
            s[0] = b1 * s[0] + (1 - b1) * g;
            s[1] = b2 * s[1] + (1 - b2) * g * g;
            double mHat = s[0] / (1 - Math.pow(b1, t));
            double vHat = s[1] / (1 - Math.pow(b2, t));
            double decayed = theta - alpha * lambda * theta;
            return decayed - alpha * mHat / (Math.sqrt(vHat) + 1e-8);
        });
    }

    @Test
    void adamByHandMovesByAlphaPerStepUnderAConstantGradient() {
        // bias correction makes m̂ = g and v̂ = g² at every step, so each step is α·g/(|g| + ε) ≈ α
        assertTrace(new double[] {0.9, 0.8, 0.7}, constantGradientRun(named("adam"), Map.of()));
        // adamw: θ ← θ(1 − 0.1·0.01) − 0.1
        double t1 = 1 * 0.999 - 0.1;
        double t2 = t1 * 0.999 - 0.1;
        assertTrace(new double[] {t1, t2, t2 * 0.999 - 0.1}, constantGradientRun(named("adamw"), Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "rmsprop", "adam", "adamw"})
    void updatersShareNoState(String name) {
        Optimizer optimizer = named(name);
        Updater first = optimizer.newUpdater(optimizer.defaults());
        Updater second = optimizer.newUpdater(optimizer.defaults());
        assertNotSame(first, second);
        Updater alone = optimizer.newUpdater(optimizer.defaults());

        Matrix[] a = initialParams();
        Matrix[] b = initialParams();
        Matrix[] reference = initialParams();
        first.update(a, grads(0), 0.1);
        first.update(a, grads(1), 0.1);
        second.update(b, grads(0), 0.1);
        first.update(a, grads(2), 0.1);
        second.update(b, grads(1), 0.1);
        second.update(b, grads(2), 0.1);
        for (int step = 0; step < 3; step++) {
            alone.update(reference, grads(step), 0.1);
        }
        for (int p = 0; p < 2; p++) {
            assertEquals(reference[p], a[p], name + " first updater, parameter " + p);
            assertEquals(reference[p], b[p], name + " second updater, parameter " + p);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "rmsprop", "adam", "adamw"})
    void updatesAfterTheFirstAllocateNothing(String name) {
        Updater updater = named(name).newUpdater(Map.of());
        Matrix[] params = initialParams();
        Matrix[] g = grads(0);
        updater.update(params, g, 0.01);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.getCurrentThreadAllocatedBytes();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1000; i++) {
            updater.update(params, g, 0.01);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 1024, name + " allocated " + allocated + " bytes in 1000 updates");
    }

    @Test
    void badHyperparametersAreRejectedNamingTheValue() {
        List<String> messages = new ArrayList<>();
        Object[][] cases = {
                {"momentum", "momentum", 1.0}, {"momentum", "momentum", -0.1}, {"momentum", "nesterov", 0.5},
                {"rmsprop", "rho", 1.5}, {"rmsprop", "epsilon", 0.0},
                {"adam", "beta1", 1.0}, {"adam", "beta2", -0.5}, {"adam", "epsilon", -1e-8},
                {"adamw", "weight_decay", -0.01}, {"adamw", "beta2", Double.NaN},
        };
        for (Object[] c : cases) {
            String optimizer = (String) c[0];
            String key = (String) c[1];
            double value = (Double) c[2];
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> named(optimizer).newUpdater(Map.of(key, value)), optimizer + " " + key + "=" + value);
            assertTrue(e.getMessage().startsWith(optimizer + ": " + key + " must be "), e.getMessage());
            assertTrue(e.getMessage().endsWith("got " + value), e.getMessage());
            messages.add(e.getMessage());
        }
        assertEquals("momentum: momentum must be in [0, 1), got 1.0", messages.get(0));
    }

    @Test
    void unknownHyperparametersAreRejectedListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> named("rmsprop").newUpdater(Map.of("beta1", 0.9)));
        assertEquals("rmsprop: unknown hyperparameter beta1; known: rho, epsilon", e.getMessage());
    }

    @Test
    void updaterRejectsInconsistentCalls() {
        Updater updater = named("adam").newUpdater(Map.of());
        Matrix[] params = initialParams();
        updater.update(params, grads(0), 0.1);
        assertThrows(IllegalArgumentException.class, () -> updater.update(new Matrix[] {params[0]}, new Matrix[] {grads(1)[0]}, 0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> updater.update(params, new Matrix[] {grads(1)[0], new Matrix(1, 2)}, 0.1));
        assertEquals("update: gradient 1 (1, 2) does not match parameter (2, 1)", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> updater.update(new Matrix[] {params[0], new Matrix(3, 1)}, new Matrix[] {grads(1)[0], new Matrix(3, 1)}, 0.1));
    }
}
