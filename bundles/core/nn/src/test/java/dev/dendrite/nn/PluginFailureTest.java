package dev.dendrite.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.TrainingInterruptedException;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.nn.TrainingResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A plug-in that throws or produces a non-finite value ends the run like one that goes away: one
 * line naming it, its bundle, the phase and the iteration; the last completed epoch kept.
 *
 * <p>The runs: 64 training samples in batches of 16 (4 iterations an epoch) and 32 validation
 * samples. The hidden activation's forward is called once to evaluate the starting weights, then
 * per epoch once per iteration and once per split evaluated: calls 2–5 are the iterations of
 * epoch 1, 6 and 7 its evaluations, 8–11 the iterations of epoch 2, and so on.
 */
class PluginFailureTest {
    private static final String BUNDLE = BrokenPlugins.BUNDLE;
    private static final DataSplit DATA = new DataSplit(NetworkTrainerTest.xor(64, 1), NetworkTrainerTest.xor(32, 2),
            FeatureScaling.identity(2));

    private static TrainingRequest.Builder request() {
        return TrainingRequest.builder().batchSize(16).epochs(20);
    }

    private static TrainingInterruptedException stopped(BrokenPlugins plugins, TrainingRequest request) {
        return assertThrows(TrainingInterruptedException.class, () -> new NetworkTrainer(plugins).train(request, DATA, TrainingListener.NONE));
    }

    @Test
    void anActivationThrowingMidRunIsNamedWithItsBundlePhaseAndIterationAndTheLastEpochIsKept() {
        BrokenPlugins plugins = new BrokenPlugins().with("broken",
                BrokenPlugins.throwingForward(call -> call == 15, new IllegalStateException("forward is broken on purpose")));
        TrainingInterruptedException e = stopped(plugins, request().activation("broken").build());
        assertEquals("the activation 'broken' of bundle " + BUNDLE + " failed in the forward of layer 1 at epoch 3, iteration 10:"
                + " forward is broken on purpose; the model of epoch 2 is kept", e.getMessage());
        assertEquals("forward is broken on purpose", e.getCause().getMessage(), "the plug-in's exception is the cause");
        TrainingResult partial = e.partial();
        assertEquals(2, partial.history().size());
        assertEquals(8, partial.iterations());
        assertEquals(partial.validation().cost(), new NetworkTrainer(plugins).evaluate(partial.model(), DATA.validation()).cost(), 1e-12,
                "the kept weights are epoch 2's");
    }

    @ParameterizedTest(name = "in the {0}")
    @ValueSource(strings = {"forward", "backward"})
    void anElementWiseActivationThrowingInAProductsEpilogueIsNamedNotTheProduct(String phase) {
        IllegalStateException thrown = new IllegalStateException(phase + " range is broken on purpose");
        BrokenPlugins plugins = new BrokenPlugins().with("broken", BrokenPlugins.throwingInEpilogue(phase.equals("forward"), 12, thrown));
        TrainingInterruptedException e = stopped(plugins, request().hiddenLayers(List.of(4, 3)).activation("broken").build());
        assertTrue(e.getMessage().startsWith("the activation 'broken' of bundle " + BUNDLE + " failed in the " + phase + " of layer "),
                e.getMessage());
        assertTrue(e.getMessage().contains(": " + phase + " range is broken on purpose"), e.getMessage());
        assertSame(thrown, e.getCause(), "the plug-in's own exception is the cause");
    }

    @Test
    void anActivationThrowingFromTheStartKeepsNothing() {
        BrokenPlugins plugins = new BrokenPlugins().with("broken",
                BrokenPlugins.throwingForward(call -> true, new IllegalStateException("forward is broken on purpose")));
        TrainingInterruptedException e = stopped(plugins, request().activation("broken").build());
        assertEquals("the activation 'broken' of bundle " + BUNDLE + " failed in the forward of layer 1 while evaluating the"
                + " starting weights: forward is broken on purpose; no epoch was completed", e.getMessage());
        assertNull(e.partial());
    }

    @Test
    void aFailureWhileEvaluatingAnEpochIsNamedSo() {
        BrokenPlugins plugins = new BrokenPlugins().with("broken",
                BrokenPlugins.throwingForward(call -> call == 12, new UnsupportedOperationException("no more")));
        TrainingInterruptedException e = stopped(plugins, request().activation("broken").build());
        assertEquals("the activation 'broken' of bundle " + BUNDLE + " failed in the forward of layer 1 while evaluating epoch 2:"
                + " no more; the model of epoch 1 is kept", e.getMessage());
        assertEquals(1, e.partial().history().size());
    }

    @Test
    void aLinkageErrorIsAFailureOfThePluginTooWithTheErrorNamed() {
        BrokenPlugins plugins = new BrokenPlugins().with("linkage",
                BrokenPlugins.throwingBackward(1, new NoClassDefFoundError("org/example/Helper")));
        TrainingInterruptedException e = stopped(plugins, request().activation("linkage").build());
        assertEquals("the activation 'linkage' of bundle " + BUNDLE + " failed in the backward of layer 1 at epoch 1, iteration 1:"
                + " java.lang.NoClassDefFoundError: org/example/Helper; no epoch was completed", e.getMessage());
    }

    @Test
    void onlyTheFirstLineOfAPluginsMessageIsShown() {
        BrokenPlugins plugins = new BrokenPlugins().with("broken",
                BrokenPlugins.throwingForward(call -> call == 2, new IllegalStateException("first line\n\tat somewhere")));
        assertEquals("the activation 'broken' of bundle " + BUNDLE + " failed in the forward of layer 1 at epoch 1, iteration 1:"
                + " first line; no epoch was completed", stopped(plugins, request().activation("broken").build()).getMessage());
    }

    @Test
    void anExceptionWithoutAMessageIsNamedByItsClass() {
        BrokenPlugins plugins = new BrokenPlugins().with("broken", BrokenPlugins.throwingForward(call -> call == 2, new NullPointerException()));
        assertEquals("the activation 'broken' of bundle " + BUNDLE + " failed in the forward of layer 1 at epoch 1, iteration 1:"
                + " java.lang.NullPointerException; no epoch was completed", stopped(plugins, request().activation("broken").build()).getMessage());
    }

    @Test
    void nanWrittenByABackwardIsTracedToThatActivationAndLayer() {
        // two hidden layers: per iteration the backward of layer 2, then of layer 1; call 3 is layer 2's of iteration 2
        BrokenPlugins plugins = new BrokenPlugins().with("nan_backward", BrokenPlugins.nanBackward(3));
        TrainingInterruptedException e = stopped(plugins, request().hiddenLayers(List.of(4, 4)).activation("nan_backward").build());
        assertEquals("the activation 'nan_backward' of bundle " + BUNDLE + " produced NaN in the backward of layer 2 at epoch 1,"
                + " iteration 2; no epoch was completed", e.getMessage());
    }

    @Test
    void nanWrittenByABackwardAfterSomeEpochsKeepsTheLastOne() {
        // one backward call an iteration: call 10 is iteration 2 of epoch 3
        BrokenPlugins plugins = new BrokenPlugins().with("nan_backward", BrokenPlugins.nanBackward(10));
        TrainingInterruptedException e = stopped(plugins, request().activation("nan_backward").build());
        assertEquals("the activation 'nan_backward' of bundle " + BUNDLE + " produced NaN in the backward of layer 1 at epoch 3,"
                + " iteration 10; the model of epoch 2 is kept", e.getMessage());
        assertEquals(2, e.partial().history().size());
        for (var layer : e.partial().model().layers()) {
            for (double w : layer.weights().data()) {
                assertFalse(Double.isNaN(w), "the kept weights are epoch 2's, before the NaN");
            }
        }
    }

    @Test
    void aThrowingOptimizerIsNamedInTheUpdate() {
        BrokenPlugins plugins = new BrokenPlugins().with("broken_update",
                BrokenPlugins.throwingUpdate(10, new IllegalStateException("update is broken on purpose")));
        TrainingInterruptedException e = stopped(plugins, request().optimizer("broken_update").build());
        assertEquals("the optimizer 'broken_update' of bundle " + BUNDLE + " failed in the update at epoch 3, iteration 10:"
                + " update is broken on purpose; the model of epoch 2 is kept", e.getMessage());
        assertEquals(2, e.partial().history().size());
    }

    @Test
    void anOptimizerWritingNanIsNamedInTheUpdate() {
        BrokenPlugins plugins = new BrokenPlugins().with("nan_update", BrokenPlugins.nanUpdate(5));
        TrainingInterruptedException e = stopped(plugins, request().optimizer("nan_update").build());
        assertEquals("the optimizer 'nan_update' of bundle " + BUNDLE + " produced NaN in the update at epoch 2, iteration 5;"
                + " the model of epoch 1 is kept", e.getMessage());
    }

    @Test
    void aLossReturningNanIsNamedInTheLoss() {
        // the cost is computed once for the starting weights, then once per iteration and per evaluated split: call 9 is iteration 6
        BrokenPlugins plugins = new BrokenPlugins().with("nan_loss", BrokenPlugins.nanCost(9));
        TrainingInterruptedException e = stopped(plugins, request().loss("nan_loss").build());
        assertEquals("the loss 'nan_loss' of bundle " + BUNDLE + " produced NaN in the loss at epoch 2, iteration 6;"
                + " the model of epoch 1 is kept", e.getMessage());
    }

    @Test
    void aThrowingMathsBackEndIsNamedInThePhaseItFailedIn() {
        // dA[1] = W[2]ᵀ·dZ[2] is the only multTransA of a network with one hidden layer: one call per iteration
        BrokenPlugins plugins = new BrokenPlugins().with("backend",
                BrokenPlugins.throwingMath("multTransA", 3, new ArithmeticException("multTransA is broken on purpose")));
        TrainingInterruptedException e = stopped(plugins, request().build());
        assertEquals("the backend 'broken_math' of bundle " + BUNDLE + " failed in the backward of layer 2 at epoch 1, iteration 3:"
                + " multTransA is broken on purpose; no epoch was completed", e.getMessage());
    }

    @Test
    void aListenersExceptionIsNotBlamedOnAPlugin() {
        IllegalStateException fromListener = new IllegalStateException("the listener failed");
        TrainingListener failing = new TrainingListener() {
            @Override
            public void iteration(int epoch, long iteration, double batchCost) {
                throw fromListener;
            }
        };
        assertSame(fromListener, assertThrows(IllegalStateException.class,
                () -> new NetworkTrainer(new LocalPlugins()).train(request().build(), DATA, failing)));
    }

    @Test
    void aPluginThatFailsBecauseItWentAwayIsReportedAsGone() {
        boolean[] gone = {false};
        BrokenPlugins broken = new BrokenPlugins().with("broken", BrokenPlugins.throwingForward(call -> {
            gone[0] = call == 15;
            return gone[0];
        }, new IllegalStateException("class loader closed")));
        PluginResolver resolver = new PluginResolver() {
            @Override
            public <T> Plugin<T> resolve(Class<T> kind, String name) {
                Plugin<T> p = broken.resolve(kind, name);
                return "broken".equals(name) ? new Plugin<>(name, p.service(), BUNDLE, () -> !gone[0], () -> { }) : p;
            }
        };
        TrainingInterruptedException e = assertThrows(TrainingInterruptedException.class, () -> new NetworkTrainer(resolver)
                .train(request().activation("broken").build(), DATA, TrainingListener.NONE));
        assertEquals("the activation 'broken' of bundle " + BUNDLE + " went away during epoch 3; the model of epoch 2 is kept",
                e.getMessage());
    }

    @Test
    void anOverflowIsDivergenceNotAPluginFailure() {
        int m = 500;
        Matrix x = new Matrix(1, m).fill(100);
        double[] t = new double[m];
        java.util.Arrays.fill(t, 1e6);
        DataSet big = new DataSet("big", List.of("x"), x, t, Task.REGRESSION, List.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new NetworkTrainer(new LocalPlugins()).train(
                TrainingRequest.builder().learningRate(10).batchSize(1).epochs(50).build(), NetworkTrainerTest.split(big), TrainingListener.NONE));
        assertFalse(e instanceof TrainingInterruptedException, e.getMessage());
        assertEquals("training diverged at epoch 1, iteration 63 (cost Infinity): try a smaller learning rate", e.getMessage());
    }
}
