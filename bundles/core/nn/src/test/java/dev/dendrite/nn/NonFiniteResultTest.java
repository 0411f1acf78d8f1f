package dev.dendrite.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dendrite.api.data.DataSchema;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.DenseLayer;
import dev.dendrite.api.nn.Model;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A model whose outputs overflow on some data gives an error there, never Infinity or NaN printed as a result. */
class NonFiniteResultTest {
    private final NetworkTrainer trainer = LocalPlugins.trainer();

    /** y = 1e300·x: finite for x = 1, overflowing for x = 1e10. */
    private static final Model HUGE = new Model(
            List.of(new DenseLayer(Matrix.of(new double[] {1e300}), new Matrix(1, 1), "linear")), "mse",
            new DataSchema(List.of("x"), "y", Task.REGRESSION, List.of(), FeatureScaling.identity(1)), Map.of());

    @Test
    void metricsThatOverflowAreAnErrorNamingTheDataSet() {
        DataSet set = new DataSet("far.csv", List.of("x"), Matrix.of(new double[] {1, 1e10}), new double[] {0, 0},
                Task.REGRESSION, List.of());
        assertEquals("far.csv: the loss is not finite (Infinity); the model's outputs or the targets overflow on this data",
                assertThrows(IllegalArgumentException.class, () -> trainer.evaluate(HUGE, set)).getMessage());
    }

    @Test
    void aPredictionThatOverflowsIsAnErrorNamingTheSample() {
        assertEquals("sample 2: the prediction is not finite (Infinity); the model's outputs overflow on it",
                assertThrows(IllegalArgumentException.class, () -> trainer.predict(HUGE, Matrix.of(new double[] {1, 1e10})))
                        .getMessage());
    }
}
