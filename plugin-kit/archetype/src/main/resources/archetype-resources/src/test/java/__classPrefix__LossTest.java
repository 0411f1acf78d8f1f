package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Loss;
import dev.dendrite.testing.ComponentDescriptors;
import dev.dendrite.testing.GradientCheck;
import dev.dendrite.testing.TestMatrices;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ${classPrefix}LossTest {

    @Test
    void gradientMatchesCentralDifferencesOfTheCost() {
        Random random = new Random(1);
        Matrix a = TestMatrices.uniform(3, 8, -3, 3, random);
        Matrix y = TestMatrices.uniform(3, 8, -3, 3, random);
        double error = GradientCheck.loss(new ${classPrefix}Loss(), a, y);
        assertTrue(error < 1e-6, "largest relative error " + error);
    }

    @Test
    void costByHand() {
        // two samples: (log cosh 1 + log cosh 0) / 2
        Matrix a = Matrix.of(new double[] {1, 0});
        Matrix y = Matrix.of(new double[] {0, 0});
        assertEquals(Math.log(Math.cosh(1)) / 2, new ${classPrefix}Loss().cost(a, y), 1e-15);
    }

    @Test
    void hugeErrorsGiveAFiniteCost() {
        Matrix a = Matrix.of(new double[] {1e6});
        Matrix y = Matrix.of(new double[] {-1e6});
        assertEquals(2e6 - Math.log(2), new ${classPrefix}Loss().cost(a, y), 1e-6);
    }

    @Test
    void isRegisteredUnderItsName() {
        List<ComponentDescriptors.Descriptor> components =
                ComponentDescriptors.providing(Loss.class, ${classPrefix}Loss.class);
        assertEquals(1, components.size(), "components providing Loss: " + components);
        assertEquals("${pluginName}", components.get(0).properties().get("name"));
    }
}
