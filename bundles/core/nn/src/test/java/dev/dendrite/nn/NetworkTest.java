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
    private final LocalPlugins plugins = new LocalPlugins();

    private Network<Matrix> network(int[] widths, String... activations) {
        List<Activation> gs = new ArrayList<>();
        List<String> init = new ArrayList<>();
        for (String name : activations) {
            Activation g = plugins.resolve(Activation.class, name).service();
            gs.add(g);
            init.add(g.initializer());
        }
        List<DenseLayer> layers = Initializer.initialize(widths, List.of(activations), init, new Random(7));
        return Network.of(layers, gs, plugins.resolve(dev.dendrite.api.math.MatrixMath.class, null).service());
    }

    @Test
    void theCourseNetworkHasTheCourseShapes() {
        int m = 5;
        Network<Matrix> net = network(new int[] {4, 4, 2, 1}, "relu", "relu", "sigmoid");
        Network.Workspace<Matrix> ws = net.workspace(m);
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

    /**
     * Element-wise activations run in the products' epilogues: every cache and gradient is the one
     * the same activations give when called on whole matrices after the products (the activation
     * hidden behind a plain {@link Activation}).
     */
    @Test
    void activationsInTheProductsEpiloguesComputeWhatTheyComputeAfterThem() {
        String[] names = {"tanh", "relu", "sigmoid", "leaky_relu", "softmax"};
        int[] widths = {6, 7, 5, 4, 3, 3};
        Network<Matrix> fused = network(widths, names);
        List<Activation> plain = new ArrayList<>();
        for (String name : names) {
            Activation g = plugins.resolve(Activation.class, name).service();
            plain.add(new Activation() {
                @Override
                public void forward(Matrix z, Matrix a) {
                    g.forward(z, a);
                }

                @Override
                public void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) {
                    g.backward(z, a, dA, dZ);
                }
            });
        }
        Network<Matrix> after = Network.of(fused.snapshot(), plain, plugins.resolve(dev.dendrite.api.math.MatrixMath.class, null).service());
        int m = 9;
        Matrix x = TestMatrices.uniform(6, m, -2, 2, new Random(3));
        Matrix dZ = TestMatrices.uniform(3, m, -1, 1, new Random(4));
        Network.Workspace<Matrix> f = fused.workspace(m);
        Network.Workspace<Matrix> a = after.workspace(m);
        for (Network.Workspace<Matrix> ws : List.of(f, a)) {
            ws.input().copyFrom(x);
            ws.dZ(5).copyFrom(dZ);
        }
        fused.forward(f);
        after.forward(a);
        fused.backward(f, 0);
        after.backward(a, 0);
        for (int l = 1; l <= 5; l++) {
            assertEquals(0, TestMatrices.maxAbsDifference(a.z(l), f.z(l)), "Z[" + l + "]");
            assertEquals(0, TestMatrices.maxAbsDifference(a.a(l), f.a(l)), "A[" + l + "]");
            assertEquals(0, TestMatrices.maxAbsDifference(a.dZ(l), f.dZ(l)), "dZ[" + l + "]");
            assertEquals(0, TestMatrices.maxAbsDifference(after.weightGradient(l), fused.weightGradient(l)), "dW[" + l + "]");
            assertEquals(0, TestMatrices.maxAbsDifference(after.biasGradient(l), fused.biasGradient(l)), "db[" + l + "]");
        }
        assertTrue(TestMatrices.maxAbsDifference(new Matrix(4, m), f.dZ(3)) > 0, "the gradients reached the hidden layers");
    }

    @Test
    void workspacesAreReusedPerBatchWidth() {
        Network<Matrix> net = network(new int[] {3, 5, 2}, "tanh", "softmax");
        assertSame(net.workspace(8), net.workspace(8));
        assertEquals(3, net.workspace(3).input().cols());
    }

    @Test
    void forwardComputesTheAffineStepAndActivation() {
        Network<Matrix> net = network(new int[] {2, 1}, "linear");
        net.weights(1).set(0, 0, 2);
        net.weights(1).set(0, 1, -1);
        net.bias(1).set(0, 0, 0.5);
        Network.Workspace<Matrix> ws = net.workspace(2);
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

    /** L2: J + (λ/2m)·Σ‖W‖² against dW + (λ/m)·W. */
    @Test
    void l2GradientsMatchFiniteDifferences() {
        assertGradientsMatch(new int[] {3, 5, 4, 3}, new String[] {"tanh", "relu", "softmax"}, "categorical_crossentropy", true, 0.7, 0);
    }

    /** Inverted dropout with a fixed mask: backward multiplies dA by the same mask. */
    @Test
    void dropoutGradientsMatchFiniteDifferences() {
        assertGradientsMatch(new int[] {3, 6, 5, 2}, new String[] {"sigmoid", "tanh", "linear"}, "mse", false, 0, 0.4);
    }

    private void assertGradientsMatch(int[] widths, String[] activations, String lossName, boolean expectFused) {
        assertGradientsMatch(widths, activations, lossName, expectFused, 0, 0);
    }

    private void assertGradientsMatch(int[] widths, String[] activations, String lossName, boolean expectFused,
                                      double l2, double dropRate) {
        int m = 7;
        Network<Matrix> net = network(widths, activations);
        Loss loss = plugins.resolve(Loss.class, lossName).service();
        String outputName = activations[activations.length - 1];
        OutputLayer head = new OutputLayer(loss, outputName);
        assertEquals(expectFused, head.fused());
        Random random = new Random(3);
        Network.Workspace<Matrix> ws = net.workspace(m);
        ws.input().copyFrom(TestMatrices.uniform(widths[0], m, -1, 1, random));
        int outputs = widths[widths.length - 1];
        Matrix y = lossName.equals("categorical_crossentropy") ? TestMatrices.oneHot(outputs, m, random)
                : lossName.equals("binary_crossentropy") ? TestMatrices.binary(outputs, m, random)
                : TestMatrices.uniform(outputs, m, -1, 1, random);
        ws.targets().copyFrom(y);

        net.forward(ws, new Dropout(dropRate, 11));
        head.gradient(net, ws);
        net.backward(ws, l2);

        double worst = 0;
        Matrix[] params = net.parameters();
        Matrix[] grads = net.gradients();
        for (int p = 0; p < params.length; p++) {
            double[] theta = params[p].data();
            for (int i = 0; i < theta.length; i++) {
                double saved = theta[i];
                theta[i] = saved + GradientCheck.STEP;
                double plus = regularizedCost(net, ws, head, l2, dropRate);
                theta[i] = saved - GradientCheck.STEP;
                double minus = regularizedCost(net, ws, head, l2, dropRate);
                theta[i] = saved;
                double numerical = (plus - minus) / (2 * GradientCheck.STEP);
                worst = Math.max(worst, GradientCheck.relativeError(grads[p].data()[i], numerical));
            }
        }
        assertTrue(worst < 1e-6, "max relative error " + worst);
    }

    /** J + (λ/2m)·Σ‖W‖², with the same dropout mask every time (same seed). */
    private static double regularizedCost(Network<Matrix> net, Network.Workspace<Matrix> ws, OutputLayer head, double l2, double dropRate) {
        net.forward(ws, new Dropout(dropRate, 11));
        return head.cost(net, ws) + l2 / (2.0 * ws.samples()) * net.squaredWeights();
    }

    @Test
    void dropoutMasksScaleKeptUnitsAndLeavePredictionAlone() {
        Network<Matrix> net = network(new int[] {2, 200, 1}, "relu", "linear");
        Network.Workspace<Matrix> ws = net.workspace(50);
        ws.input().copyFrom(TestMatrices.uniform(2, 50, -1, 1, new Random(2)));
        Matrix clean = net.forward(ws).copy();
        net.forward(ws, new Dropout(0.5, 3));
        int zeros = 0;
        for (double v : ws.mask(1).data()) {
            assertTrue(v == 0 || v == 2.0, "mask value " + v);
            zeros += v == 0 ? 1 : 0;
        }
        assertEquals(0.5, zeros / (double) ws.mask(1).data().length, 0.02);
        assertEquals(clean, net.forward(ws), "without dropout the output is unchanged");
    }

    private static void assertShape(Matrix m, int rows, int cols) {
        assertEquals(rows + "x" + cols, m.rows() + "x" + m.cols(), "shape");
    }
}
