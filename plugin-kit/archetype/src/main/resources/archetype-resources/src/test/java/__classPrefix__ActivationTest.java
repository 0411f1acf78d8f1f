package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.testing.ComponentDescriptors;
import dev.dendrite.testing.GradientCheck;
import dev.dendrite.testing.TestMatrices;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ${classPrefix}ActivationTest {

    @Test
    void backwardMatchesCentralDifferences() {
        Random random = new Random(1);
        Matrix z = TestMatrices.uniform(5, 7, -6, 6, random);
        Matrix dA = TestMatrices.uniform(5, 7, -1, 1, random);
        double error = GradientCheck.activation(new ${classPrefix}Activation(), z, dA);
        assertTrue(error < 1e-6, "largest relative error " + error);
    }

    @Test
    void largeInputsGiveFiniteValues() {
        Matrix z = Matrix.of(new double[] {-1000, 0, 1000});
        Matrix a = new Matrix(1, 3);
        new ${classPrefix}Activation().forward(z, a);
        assertEquals(0, a.get(0, 0), 1e-300);
        assertEquals(Math.log(2), a.get(0, 1), 1e-15);
        assertEquals(1000, a.get(0, 2), 1e-12);
    }

    @Test
    void isRegisteredUnderItsName() {
        List<ComponentDescriptors.Descriptor> components =
                ComponentDescriptors.providing(Activation.class, ${classPrefix}Activation.class);
        assertEquals(1, components.size(), "components providing Activation: " + components);
        assertEquals("${pluginName}", components.get(0).properties().get("name"));
    }
}
