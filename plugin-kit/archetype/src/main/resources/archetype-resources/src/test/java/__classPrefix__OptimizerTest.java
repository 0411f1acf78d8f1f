package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.nn.Updater;
import dev.dendrite.testing.ComponentDescriptors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ${classPrefix}OptimizerTest {

    private static final Map<String, Double> NO_EPSILON = Map.of("epsilon", 0.0);

    private static void step(Updater updater, Matrix theta, double gradient, double learningRate) {
        updater.update(new Matrix[] {theta}, new Matrix[] {Matrix.of(new double[] {gradient})}, learningRate);
    }

    @Test
    void twoStepsMatchTheFormulasByHand() {
        Updater updater = new ${classPrefix}Optimizer().newUpdater(NO_EPSILON);
        Matrix theta = Matrix.of(new double[] {1.0});
        // step 1, g = 0.5: s = 0.25, θ = 1 − 0.1·0.5/√0.25 = 0.9
        step(updater, theta, 0.5, 0.1);
        assertEquals(0.9, theta.get(0, 0), 1e-15);
        // step 2, g = −1: s = 1.25, θ = 0.9 + 0.1·1/√1.25
        step(updater, theta, -1, 0.1);
        assertEquals(0.9 + 0.1 / Math.sqrt(1.25), theta.get(0, 0), 1e-15);
    }

    @Test
    void runsShareNoState() {
        Optimizer optimizer = new ${classPrefix}Optimizer();
        Updater first = optimizer.newUpdater(NO_EPSILON);
        step(first, Matrix.of(new double[] {1.0}), 10, 0.1);
        Matrix theta = Matrix.of(new double[] {1.0});
        step(optimizer.newUpdater(NO_EPSILON), theta, 0.5, 0.1);
        assertEquals(0.9, theta.get(0, 0), 1e-15, "a new run starts with s = 0");
    }

    @Test
    void negativeEpsilonIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ${classPrefix}Optimizer().newUpdater(Map.of("epsilon", -1.0)));
        assertEquals("${pluginName}: epsilon must be >= 0, got -1.0", e.getMessage());
    }

    @Test
    void isRegisteredUnderItsName() {
        List<ComponentDescriptors.Descriptor> components =
                ComponentDescriptors.providing(Optimizer.class, ${classPrefix}Optimizer.class);
        assertEquals(1, components.size(), "components providing Optimizer: " + components);
        assertEquals("${pluginName}", components.get(0).properties().get("name"));
    }
}
