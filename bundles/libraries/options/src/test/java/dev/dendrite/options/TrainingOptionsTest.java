package dev.dendrite.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.math.Precision;
import dev.dendrite.api.nn.TrainingRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainingOptionsTest {
    private static final CommandSyntax TRAIN = CommandSyntax.command("ml:train", "trains")
            .options(TrainingOptions.all()).argument("DATASET", "data", Completion.DATASET).build();

    private static TrainingRequest request(String... words) {
        TrainingRequest.Builder b = TrainingRequest.builder();
        TrainingOptions.apply(TRAIN.parse(List.of(words)), b);
        return b.build();
    }

    @Test
    void everyOptionReachesItsField() {
        TrainingRequest r = request("--layers", "64,32", "--activation", "relu", "--output", "softmax", "--loss", "mse",
                "--optimizer", "adam", "--lr", "0.05", "--hp", "beta1=0.8,epsilon=1e-7", "--batch", "all", "--iterations", "9",
                "--init", "he", "--l2", "0.01", "--dropout", "0.2", "--schedule", "step:0.5:10", "--patience", "4",
                "--monitor", "val_f1", "--seed", "7", "--backend", "ejml", "xor");
        assertEquals(List.of(64, 32), r.hiddenLayers());
        assertEquals("relu", r.activation());
        assertEquals("softmax", r.outputActivation());
        assertEquals("mse", r.loss());
        assertEquals("adam", r.optimizer());
        assertEquals(0.05, r.learningRate().getAsDouble());
        assertEquals(Map.of("beta1", 0.8, "epsilon", 1e-7), r.optimizerHyperparameters());
        assertEquals(0, r.batchSize());
        assertEquals(9, r.iterations());
        assertEquals("he", r.initializer());
        assertEquals(0.01, r.l2());
        assertEquals(0.2, r.dropout());
        assertEquals("step:0.5:10", r.schedule().toString());
        assertEquals(4, r.patience());
        assertEquals("val_f1", r.monitor());
        assertEquals(7, r.seed());
        assertEquals("ejml", r.backend());
    }

    @Test
    void optionsNotGivenKeepTheBuildersDefaults() {
        TrainingRequest r = request("xor");
        assertEquals(TrainingRequest.builder().build(), r);
        assertTrue(r.learningRate().isEmpty(), "the optimizer's default rate");
    }

    /** Each value that was once silently replaced by a default is refused, naming the option. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--iterations|0|--iterations: the number of iterations must be a positive integer, got 0",
        "--epochs|0|--epochs: the number of epochs must be a positive integer, got 0",
        "--layers|''|--layers: needs a value, got ''",
        "--layers|16,0|--layers: a layer width must be a positive integer, got 0",
        "--layers|16,,8|--layers: '' is not an integer",
        "--epochs|99999999999999|--epochs: 99999999999999 is too large (at most 2147483647)",
        "--layers|16,3000000000|--layers: 3000000000 is too large (at most 2147483647)",
        "--patience|-3000000000|--patience: -3000000000 is too small (at least -2147483648)",
        "--iterations|99999999999999999999|--iterations: 99999999999999999999 is too large (at most 9223372036854775807)",
        "--seed|-99999999999999999999|--seed: -99999999999999999999 is too small (at least -9223372036854775808)",
        "--epochs|1e3|--epochs: '1e3' is not an integer",
        "--lr|0|--lr: the learning rate must be a positive number, got 0.0",
        "--lr|-0.1|--lr: the learning rate must be a positive number, got -0.1",
        "--lr|NaN|--lr: 'NaN' is not a finite number",
        "--batch|0|--batch: the batch size must be a positive integer, got 0",
        "--batch|many|--batch: 'many' is neither an integer nor all",
        "--hp|lr=0.5|--hp: the learning rate is not an optimizer hyperparameter: set it as the learning rate (--lr)",
        "--hp|momentum|--hp: expected name=value, got 'momentum'",
        "--hp|beta1=0.9,beta1=0.8|--hp: beta1 is given twice",
        "--dropout|1|--dropout: the dropout probability must be in [0, 1), got 1.0",
        "--l2|-1|--l2: the L2 strength λ must be a number >= 0, got -1.0",
        "--patience|-2|--patience: patience must be an integer >= 0, got -2",
        "--init|glorot|--init: unknown weight initialization 'glorot' (available: he, small, xavier)",
        "--schedule|cosine|--schedule: unknown learning-rate schedule 'cosine' (use constant, step:FACTOR:EVERY or exponential:FACTOR)"})
    void aBadValueIsRefusedNamingTheOption(String option, String value, String message) {
        String given = value.equals("''") ? "" : value;
        assertEquals(message, assertThrows(CommandException.class, () -> request(option, given, "xor")).getMessage());
    }

    @Test
    void epochsAndIterationsTogetherAreRefusedAndEpochsOverrideADefaultIterationBudget() {
        assertEquals("--epochs and --iterations are both given: a run trains for a number of epochs or for a number of"
                + " iterations, give one of them", assertThrows(CommandException.class,
                () -> request("--epochs", "3", "--iterations", "9", "xor")).getMessage());
        TrainingRequest.Builder byIterations = TrainingRequest.builder().iterations(500);
        TrainingOptions.apply(TRAIN.parse(List.of("--epochs", "3", "xor")), byIterations);
        assertEquals(0, byIterations.build().iterations());
        assertEquals(3, byIterations.build().epochs());
    }

    @Test
    void describeWritesWhatSetReadsBack() {
        TrainingRequest r = request("--layers", "none", "--lr", "0.3", "--hp", "momentum=0.8", "--batch", "all",
                "--schedule", "exponential:0.9", "--optimizer", "momentum", "xor");
        Map<String, String> described = TrainingOptions.describe(r);
        assertEquals("none", described.get("layers"));
        assertEquals("0.3", described.get("lr"));
        assertEquals("momentum=0.8", described.get("hp"));
        assertEquals("all", described.get("batch"));
        TrainingRequest.Builder again = TrainingRequest.builder();
        described.forEach((name, text) -> TrainingOptions.set(name, text, again));
        assertEquals(r, again.build());
    }

    @Test
    void precisionIsFloat64UnlessFloat32IsAskedForAndOnlyFloat32IsRecorded() {
        assertEquals(Precision.FLOAT64, request("xor").precision());
        TrainingRequest f32 = request("--precision", "float32", "xor");
        assertEquals(Precision.FLOAT32, f32.precision());
        assertEquals("float32", TrainingOptions.describe(f32).get("precision"));
        assertEquals(null, TrainingOptions.describe(request("--precision", "float64", "xor")).get("precision"),
                "float64, the default, is not recorded: models saved before --precision existed read as float64");
        TrainingRequest.Builder again = TrainingRequest.builder();
        TrainingOptions.set("precision", "float32", again);
        assertEquals(Precision.FLOAT32, again.build().precision(), "a model's provenance read back");
        assertEquals("--precision: 'half' is neither float64 nor float32",
                assertThrows(CommandException.class, () -> request("--precision", "half", "xor")).getMessage());
    }
}
