package dev.dendrite.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.activations.Sigmoid;
import dev.dendrite.activations.Softmax;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.Loss;
import dev.dendrite.testing.ComponentDescriptors;
import dev.dendrite.testing.ComponentDescriptors.Descriptor;
import dev.dendrite.testing.GradientCheck;
import dev.dendrite.testing.TestMatrices;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every loss is looked up through its DS descriptor by the name users type. */
class LossesTest {

    private static final int[][] SHAPES = {{3, 4}, {1, 6}, {5, 1}};

    private final Random random = new Random(99);
    private final Activation sigmoid = new Sigmoid();
    private final Activation softmax = new Softmax();

    /** The loss the bundle registers under {@code name}, instantiated as SCR would. */
    private static Loss named(String name) {
        List<Descriptor> found = ComponentDescriptors.providing(Loss.class, Losses.class).stream()
                .filter(d -> name.equals(d.properties().get("name")))
                .toList();
        assertEquals(1, found.size(), "components named " + name);
        try {
            return (Loss) Class.forName(found.get(0).implementation()).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Matrix column(double... values) {
        Matrix m = new Matrix(values.length, 1);
        System.arraycopy(values, 0, m.data(), 0, values.length);
        return m;
    }

    private static void assertFinite(Matrix m) {
        for (double v : m.data()) {
            assertTrue(Double.isFinite(v), "not finite: " + m);
        }
    }

    @Test
    void everyLossIsRegisteredOnceWithADescription() {
        List<Descriptor> components = ComponentDescriptors.providing(Loss.class, Losses.class);
        assertEquals(Set.of("binary_crossentropy", "categorical_crossentropy", "mse"),
                components.stream().map(d -> d.properties().get("name")).collect(Collectors.toSet()));
        assertEquals(3, components.size());
        for (Descriptor d : components) {
            assertFalse(d.properties().getOrDefault("description", "").isBlank(), d.implementation() + " has no description");
        }
    }

    @Test
    void fusionPairs() {
        assertTrue(named("binary_crossentropy").fusesWith("sigmoid"));
        assertFalse(named("binary_crossentropy").fusesWith("softmax"));
        assertTrue(named("categorical_crossentropy").fusesWith("softmax"));
        assertFalse(named("categorical_crossentropy").fusesWith("sigmoid"));
        for (String activation : List.of("sigmoid", "softmax", "linear")) {
            assertFalse(named("mse").fusesWith(activation));
        }
    }

    @Test
    void binaryCrossEntropyGradientCheck() {
        for (int[] s : SHAPES) {
            Matrix a = TestMatrices.uniform(s[0], s[1], 0.05, 0.95, random);
            for (Matrix y : List.of(TestMatrices.binary(s[0], s[1], random), TestMatrices.uniform(s[0], s[1], 0, 1, random))) {
                double error = GradientCheck.loss(named("binary_crossentropy"), a, y);
                assertTrue(error < 1e-6, a.shape() + " relative error " + error);
            }
        }
    }

    @Test
    void categoricalCrossEntropyGradientCheck() {
        for (int[] s : SHAPES) {
            Matrix a = TestMatrices.uniform(s[0], s[1], 0.05, 0.95, random);
            Matrix y = TestMatrices.oneHot(s[0], s[1], random);
            double error = GradientCheck.loss(named("categorical_crossentropy"), a, y);
            assertTrue(error < 1e-6, a.shape() + " relative error " + error);
        }
    }

    @Test
    void meanSquaredErrorGradientCheck() {
        for (int[] s : SHAPES) {
            Matrix a = TestMatrices.uniform(s[0], s[1], -2, 2, random);
            Matrix y = TestMatrices.uniform(s[0], s[1], -2, 2, random);
            double error = GradientCheck.loss(named("mse"), a, y);
            assertTrue(error < 1e-6, a.shape() + " relative error " + error);
        }
    }

    @Test
    void binaryCrossEntropyFusedWithSigmoid() {
        for (int[] s : SHAPES) {
            Matrix z = TestMatrices.uniform(s[0], s[1], -4, 4, random);
            Matrix y = TestMatrices.binary(s[0], s[1], random);
            double error = GradientCheck.fusedLoss(named("binary_crossentropy"), sigmoid, z, y);
            assertTrue(error < 1e-6, z.shape() + " relative error " + error);
        }
    }

    @Test
    void categoricalCrossEntropyFusedWithSoftmax() {
        for (int[] s : new int[][] {{3, 4}, {10, 7}, {2, 1}}) {
            Matrix z = TestMatrices.uniform(s[0], s[1], -4, 4, random);
            Matrix y = TestMatrices.oneHot(s[0], s[1], random);
            double error = GradientCheck.fusedLoss(named("categorical_crossentropy"), softmax, z, y);
            assertTrue(error < 1e-6, z.shape() + " relative error " + error);
        }
    }

    @Test
    void knownValues() {
        Matrix y = Matrix.of(new double[] {1, 0});
        assertEquals(-(Math.log(0.8) + Math.log(1 - 0.4)) / 2,
                named("binary_crossentropy").cost(Matrix.of(new double[] {0.8, 0.4}), y), 1e-15);
        assertEquals(-Math.log(0.7),
                named("categorical_crossentropy").cost(column(0.7, 0.2, 0.1), column(1, 0, 0)), 1e-15);
        // two samples of two outputs: L = ((1-0)² + (2-4)²)/2 = 2.5 and ((3-3)² + (0-1)²)/2 = 0.5, J = 1.5
        Matrix a = Matrix.of(new double[] {1, 3}, new double[] {2, 0});
        Matrix target = Matrix.of(new double[] {0, 3}, new double[] {4, 1});
        assertEquals(1.5, named("mse").cost(a, target), 1e-15);
        Matrix dA = new Matrix(2, 2);
        named("mse").gradient(a, target, dA);
        assertEquals(Matrix.of(new double[] {1, 0}, new double[] {-2, -1}), dA);
    }

    @Test
    void binaryCrossEntropyStaysFiniteForHugeZ() {
        Loss bce = named("binary_crossentropy");
        Matrix z = Matrix.of(new double[] {1000, -1000, 1000, -1000});
        Matrix y = Matrix.of(new double[] {1, 0, 0, 1});
        // right answers cost 0, wrong ones |z| = 1000 each: J = 2000 / 4 samples
        assertEquals(500.0, bce.fusedCost(z, y));
        Matrix a = new Matrix(1, 4);
        sigmoid.forward(z, a);
        assertTrue(Double.isFinite(bce.cost(a, y)));
        Matrix grad = new Matrix(1, 4);
        bce.gradient(a, y, grad);
        assertFinite(grad);
        bce.fusedGradient(a, y, grad);
        assertEquals(Matrix.of(new double[] {0, 0, 1, -1}), grad);
    }

    @Test
    void categoricalCrossEntropyStaysFiniteForHugeZ() {
        Loss cce = named("categorical_crossentropy");
        Matrix z = Matrix.of(new double[] {1000, 1000}, new double[] {-1000, 0}, new double[] {0, -1000});
        Matrix y = Matrix.of(new double[] {1, 0}, new double[] {0, 1}, new double[] {0, 0});
        // sample 1 is right (cost 0); sample 2 puts its mass on class 1, cost 1000 - 0
        assertEquals(500.0, cce.fusedCost(z, y));
        Matrix a = new Matrix(3, 2);
        softmax.forward(z, a);
        assertTrue(Double.isFinite(cce.cost(a, y)));
        Matrix grad = new Matrix(3, 2);
        cce.gradient(a, y, grad);
        assertFinite(grad);
        cce.fusedGradient(a, y, grad);
        assertFinite(grad);
    }

    @Test
    void fusedCostAgreesWithCostForModerateZ() {
        Matrix z = TestMatrices.uniform(4, 6, -8, 8, random);
        Matrix a = new Matrix(4, 6);
        sigmoid.forward(z, a);
        Matrix y = TestMatrices.binary(4, 6, random);
        assertEquals(named("binary_crossentropy").cost(a, y), named("binary_crossentropy").fusedCost(z, y), 1e-12);
        softmax.forward(z, a);
        y = TestMatrices.oneHot(4, 6, random);
        assertEquals(named("categorical_crossentropy").cost(a, y), named("categorical_crossentropy").fusedCost(z, y), 1e-12);
    }

    @Test
    void wrongShapesAreRejected() {
        for (String name : List.of("binary_crossentropy", "categorical_crossentropy", "mse")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> named(name).cost(new Matrix(2, 3), new Matrix(3, 2)), name);
            assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(3, 2)"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> named(name).gradient(new Matrix(2, 3), new Matrix(2, 3), new Matrix(2, 2)), name);
        }
    }
}
