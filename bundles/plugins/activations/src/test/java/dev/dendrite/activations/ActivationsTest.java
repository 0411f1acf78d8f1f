package dev.dendrite.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.testing.ComponentDescriptors;
import dev.dendrite.testing.ComponentDescriptors.Descriptor;
import dev.dendrite.testing.GradientCheck;
import dev.dendrite.testing.TestMatrices;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every activation is looked up through its DS descriptor by the name users type. */
class ActivationsTest {

    private static final List<String> NAMES = List.of("sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax");

    private final Random random = new Random(2024);

    /** The activation the bundle registers under {@code name}, instantiated as SCR would. */
    static Activation named(String name) {
        List<Descriptor> found = ComponentDescriptors.providing(Activation.class, Sigmoid.class).stream()
                .filter(d -> name.equals(d.properties().get("name")))
                .toList();
        assertEquals(1, found.size(), "components named " + name);
        try {
            return (Activation) Class.forName(found.get(0).implementation()).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Matrix row(double... values) {
        return Matrix.of(values);
    }

    private static Matrix forward(String name, Matrix z) {
        Matrix a = new Matrix(z.rows(), z.cols());
        named(name).forward(z, a);
        return a;
    }

    /** g'(z) through backward with dA = 1. */
    private static Matrix derivative(String name, Matrix z) {
        Activation g = named(name);
        Matrix a = new Matrix(z.rows(), z.cols());
        g.forward(z, a);
        Matrix dZ = new Matrix(z.rows(), z.cols());
        g.backward(z, a, new Matrix(z.rows(), z.cols()).fill(1), dZ);
        return dZ;
    }

    @Test
    void everyActivationIsRegisteredOnceWithADescription() {
        List<Descriptor> components = ComponentDescriptors.providing(Activation.class, Sigmoid.class);
        assertEquals(Set.copyOf(NAMES), components.stream().map(d -> d.properties().get("name")).collect(Collectors.toSet()));
        assertEquals(NAMES.size(), components.size());
        for (Descriptor d : components) {
            assertFalse(d.properties().getOrDefault("description", "").isBlank(), d.implementation() + " has no description");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sigmoid", "tanh", "linear", "softmax"})
    void smoothActivationsPassTheGradientCheck(String name) {
        for (int[] shape : new int[][] {{4, 5}, {1, 7}, {6, 1}}) {
            Matrix z = TestMatrices.uniform(shape[0], shape[1], -3, 3, random);
            Matrix dA = TestMatrices.uniform(shape[0], shape[1], -1, 1, random);
            double error = GradientCheck.activation(named(name), z, dA);
            assertTrue(error < 1e-6, name + " " + z.shape() + " relative error " + error);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "leaky_relu"})
    void rectifiersPassTheGradientCheckAwayFromTheKink(String name) {
        for (int[] shape : new int[][] {{4, 5}, {1, 7}, {6, 1}}) {
            Matrix z = TestMatrices.awayFromZero(shape[0], shape[1], 1e-3, 3, random);
            Matrix dA = TestMatrices.uniform(shape[0], shape[1], -1, 1, random);
            double error = GradientCheck.activation(named(name), z, dA);
            assertTrue(error < 1e-6, name + " " + z.shape() + " relative error " + error);
        }
    }

    @Test
    void sigmoidKnownValuesAndNoOverflow() {
        Matrix a = forward("sigmoid", row(0, 2, -2, 1000, -1000));
        assertEquals(0.5, a.get(0, 0));
        assertEquals(0.8807970779778823, a.get(0, 1), 1e-15);
        assertEquals(0.11920292202211755, a.get(0, 2), 1e-15);
        assertEquals(1.0, a.get(0, 3));
        assertEquals(0.0, a.get(0, 4));
        assertEquals(0.25, derivative("sigmoid", row(0)).get(0, 0));
    }

    @Test
    void tanhKnownValues() {
        Matrix a = forward("tanh", row(0, 1, -1, 1000));
        assertEquals(row(0, 0.7615941559557649, -0.7615941559557649, 1), a);
        assertEquals(row(1, 0), derivative("tanh", row(0, 1000)));
    }

    @Test
    void rectifierKnownValues() {
        assertEquals(row(0, 0, 3), forward("relu", row(-2, 0, 3)));
        assertEquals(row(0, 1), derivative("relu", row(-1, 1)));
        assertEquals(row(-0.02, 0, 3), forward("leaky_relu", row(-2, 0, 3)));
        assertEquals(row(0.01, 1), derivative("leaky_relu", row(-1, 1)));
    }

    @Test
    void linearIsTheIdentity() {
        assertEquals(row(-3.5, 0, 7), forward("linear", row(-3.5, 0, 7)));
        assertEquals(row(1, 1), derivative("linear", row(-3.5, 7)));
    }

    @Test
    void softmaxKnownValues() {
        Matrix a = forward("softmax", Matrix.of(new double[] {1}, new double[] {2}, new double[] {3}));
        assertEquals(0.09003057317038046, a.get(0, 0), 1e-15);
        assertEquals(0.24472847105479767, a.get(1, 0), 1e-15);
        assertEquals(0.6652409557748219, a.get(2, 0), 1e-15);
    }

    @Test
    void softmaxColumnsSumToOneForHugeInputs() {
        Matrix z = Matrix.of(new double[] {1000, -1000, 1e300}, new double[] {1001, 0, -1e300}, new double[] {1002, 1000, 5});
        Matrix a = forward("softmax", z);
        for (int j = 0; j < 3; j++) {
            double sum = 0;
            for (int i = 0; i < 3; i++) {
                assertTrue(Double.isFinite(a.get(i, j)), "a" + a);
                sum += a.get(i, j);
            }
            assertEquals(1.0, sum, 1e-15);
        }
        assertEquals(0.6652409557748219, a.get(2, 0), 1e-15);
        assertEquals(1.0, a.get(2, 1));
        assertEquals(1.0, a.get(0, 2));
    }

    @Test
    void initializersSuitTheFunction() {
        assertEquals("he", named("relu").initializer());
        assertEquals("he", named("leaky_relu").initializer());
        for (String name : List.of("sigmoid", "tanh", "linear", "softmax")) {
            assertEquals("xavier", named(name).initializer(), name);
        }
    }

    @Test
    void wrongShapesAreRejected() {
        for (String name : NAMES) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> named(name).forward(new Matrix(2, 3), new Matrix(3, 2)), name);
            assertTrue(e.getMessage().contains("(3, 2)") && e.getMessage().contains("(2, 3)"), e.getMessage());
        }
    }
}
