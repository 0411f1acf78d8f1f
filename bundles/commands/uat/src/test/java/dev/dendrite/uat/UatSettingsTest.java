package dev.dendrite.uat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dendrite.api.nn.TrainingRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class UatSettingsTest {

    private static final Target SIN = Target.named("sin");

    @Test
    void defaultsDependOnTheDimension() {
        UatSettings one = UatSettings.defaults(SIN);
        TrainingRequest t1 = one.training();
        assertEquals(List.of(1, 2, 4, 8, 16, 32, 64), one.widths());
        assertEquals(List.of("relu", 0.005, 10000L, 128), List.of(t1.activation(), t1.learningRate().getAsDouble(), t1.iterations(),
                one.samples()));
        UatSettings two = UatSettings.defaults(Target.named("sincos2d"));
        TrainingRequest t2 = two.training();
        assertEquals(List.of("tanh", 0.01, 3000L, 256), List.of(t2.activation(), t2.learningRate().getAsDouble(), t2.iterations(),
                two.samples()));
        assertEquals(List.of("adam", 0, 42L), List.of(t2.optimizer(), t2.batchSize(), t2.seed()));
    }

    @Test
    void eachWidthIsOneHiddenLayerWithALinearOutputAndMse() {
        TrainingRequest network = UatSettings.defaults(SIN).network(16);
        assertEquals(List.of(16), network.hiddenLayers());
        assertEquals(List.of("relu", "linear", "mse"), List.of(network.activation(), network.outputActivation(), network.loss()));
        assertEquals(UatSettings.defaults(SIN).training().toBuilder().hiddenLayers(List.of(16)).outputActivation("linear").loss("mse")
                .build(), network, "the rest of the training is the settings'");
    }

    @Test
    void describesTheTrainingInOneLine() {
        assertEquals("relu hidden units, linear output, mse, adam lr 0.005, 10000 iterations, full batch, 128 samples, seed 42",
                UatSettings.defaults(SIN).describeTraining());
        UatSettings byEpochs = new UatSettings(SIN, List.of(1), TrainingRequest.builder().optimizer("sgd").epochs(7).batchSize(16)
                .backend("ejml").build(), 32);
        assertEquals("tanh hidden units, linear output, mse, sgd at its default rate, 7 epochs, batch 16, 32 samples, seed 42,"
                + " backend ejml", byEpochs.describeTraining());
    }
}
