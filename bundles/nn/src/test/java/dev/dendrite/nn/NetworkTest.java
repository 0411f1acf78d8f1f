package dev.dendrite.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.DenseLayer;
import dev.dendrite.api.nn.Loss;
import dev.dendrite.testing.GradientCheck;
import dev.dendrite.testing.TestMatrices;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NetworkTest {
    private final TestPlugins plugins = new TestPlugins();

    private Network network(int[] widths, String... activations) {
        List<Activation> gs = new ArrayList<>();
        List<String> init = new ArrayList<>();
        for (String name : activations) {
            Activation g = plugins.resolve(Activation.class, name).service();
            gs.add(g);
            init.add(g.initializer());
        }
        List<DenseLayer> layers = Initializer.initialize(widths, List.of(activations), init, new Random(7));
        return new Network(layers, gs, plugins.resolve(dev.dendrite.api.math.MatrixMath.class, null).service());
    }

    @Test
    void theCourseNetworkHasTheCourseShapes() {
        int m = 5;
        Network net = network(new int[] {4, 4, 2, 1}, "relu", "relu", "sigmoid");
        Network.Workspace ws = net.workspace(m);
        ws.input().copyFrom(TestMatrices.uniform(4, m, -1, 1, new Random(1)));
        net.forward(ws);

        assertShape(net.weights(1), 4, 4);
        assertShape(net.bias(1), 4, 1);
        assertShape(ws.z(1), 4, m);
        assertShape(net.weights(2), 2, 4);
        assertShape(net.bias(2), 2, 1);
        assertShape(ws.z(2), 2, m);
        assertShape(net.weights(3), 1, 2);
        assertShape(ws.z(3), 1, m);
        assertShape(ws.a(3), 1, m);
        assertEquals("W[1] (4, 4)  b[1] (4, 1)  Z[1] (4, m)  A[1] (4, m)  relu", net.shapes().get(0).describe());
        assertEquals(3, net.depth());
    }

    @Test
    void workspacesAreReusedPerBatchWidth() {
        Network net = network(new int[] {3, 5, 2}, "tanh", "softmax");
        assertSame(net.workspace(8), net.workspace(8));
        assertEquals(3, net.workspace(3).input().cols());
    }

    @Test
    void forwardComputesTheAffineStepAndActivation() {
        Network net = network(new int[] {2, 1}, "linear");
        net.weights(1).set(0, 0, 2);
        net.weights(1).set(0, 1, -1);
        net.bias(1).set(0, 0, 0.5);
        Network.Workspace ws = net.workspace(2);
        ws.input().copyFrom(Matrix.of(new double[] {1, 3}, new double[] {4, 1}));
        Matrix a = net.forward(ws);
        // z = 2·x1 − x2 + 0.5 for the samples (1, 4) and (3, 1)
        assertEquals(-1.5, a.get(0, 0), 1e-12);
        assertEquals(5.5, a.get(0, 1), 1e-12);
    }

    /** A 3-layer network, fused softmax + cross-entropy output: backward against central differences. */
    @Test
    void backwardPropagationMatchesFiniteDifferencesFused() {
        assertGradientsMatch(new int[] {3, 5, 4, 3}, new String[] {"tanh", "sigmoid", "softmax"}, "categorical_crossentropy", true);
    }

    /** The same with an unfused output (linear + mse), so dA[L] goes through g'(Z[L]). */
    @Test
    void backwardPropagationMatchesFiniteDifferencesUnfused() {
        assertGradientsMatch(new int[] {3, 6, 4, 2}, new String[] {"tanh", "leaky_relu", "linear"}, "mse", false);
    }

    /** Sigmoid output with binary cross-entropy, fused. */
    @Test
    void backwardPropagationMatchesFiniteDifferencesBinary() {
        assertGradientsMatch(new int[] {2, 4, 3, 1}, new String[] {"tanh", "tanh", "sigmoid"}, "binary_crossentropy", true);
    }

    private void assertGradientsMatch(int[] widths, String[] activations, String lossName, boolean expectFused) {
        int m = 7;
        Network net = network(widths, activations);
        Loss loss = plugins.resolve(Loss.class, lossName).service();
        String outputName = activations[activations.length - 1];
        OutputLayer head = new OutputLayer(loss, plugins.resolve(Activation.class, outputName).service(), outputName);
        assertEquals(expectFused, head.fused());
        Random random = new Random(3);
        Network.Workspace ws = net.workspace(m);
        ws.input().copyFrom(TestMatrices.uniform(widths[0], m, -1, 1, random));
        int outputs = widths[widths.length - 1];
        Matrix y = lossName.equals("categorical_crossentropy") ? TestMatrices.oneHot(outputs, m, random)
                : lossName.equals("binary_crossentropy") ? TestMatrices.binary(outputs, m, random)
                : TestMatrices.uniform(outputs, m, -1, 1, random);
        ws.targets().copyFrom(y);

        net.forward(ws);
        head.gradient(net, ws);
        net.backward(ws);

        double worst = 0;
        Matrix[] params = net.parameters();
        Matrix[] grads = net.gradients();
        for (int p = 0; p < params.length; p++) {
            double[] theta = params[p].data();
            for (int i = 0; i < theta.length; i++) {
                double saved = theta[i];
                theta[i] = saved + GradientCheck.STEP;
                net.forward(ws);
                double plus = head.cost(net, ws);
                theta[i] = saved - GradientCheck.STEP;
                net.forward(ws);
                double minus = head.cost(net, ws);
                theta[i] = saved;
                double numerical = (plus - minus) / (2 * GradientCheck.STEP);
                worst = Math.max(worst, GradientCheck.relativeError(grads[p].data()[i], numerical));
            }
        }
        assertTrue(worst < 1e-6, "max relative error " + worst);
    }

    private static void assertShape(Matrix m, int rows, int cols) {
        assertEquals(rows + "x" + cols, m.rows() + "x" + m.cols(), "shape");
    }
}
