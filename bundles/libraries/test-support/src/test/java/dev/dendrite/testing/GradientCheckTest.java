package dev.dendrite.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.Loss;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GradientCheckTest {

    private final Random random = new Random(7);

    /** g(z) = z³ with a derivative that is right or deliberately wrong. */
    private static Activation cube(boolean correct) {
        return new Activation() {
            @Override
            public void forward(Matrix z, Matrix a) {
                for (int i = 0; i < z.data().length; i++) {
                    a.data()[i] = Math.pow(z.data()[i], 3);
                }
            }

            @Override
            public void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) {
                for (int i = 0; i < z.data().length; i++) {
                    double zi = z.data()[i];
                    dZ.data()[i] = dA.data()[i] * (correct ? 3 * zi * zi : 3 * zi);
                }
            }
        };
    }

    /** Every output is the sum of all inputs; backward is right out of place but reads dA after writing dZ. */
    private static final Activation SUM_ALL = new Activation() {
        @Override
        public void forward(Matrix z, Matrix a) {
            double sum = 0;
            for (double v : z.data()) {
                sum += v;
            }
            a.fill(sum);
        }

        @Override
        public void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) {
            for (int k = 0; k < dZ.data().length; k++) {
                double sum = 0;
                for (double v : dA.data()) {
                    sum += v;
                }
                dZ.data()[k] = sum;
            }
        }
    };

    /** L(a, y) = Σ_rows (a − y)², with gradient 2(a − y) or the wrong (a − y). */
    private static Loss squared(boolean correct) {
        return new Loss() {
            @Override
            public double cost(Matrix a, Matrix y) {
                double sum = 0;
                for (int i = 0; i < a.data().length; i++) {
                    double d = a.data()[i] - y.data()[i];
                    sum += d * d;
                }
                return sum / a.cols();
            }

            @Override
            public void gradient(Matrix a, Matrix y, Matrix dA) {
                for (int i = 0; i < a.data().length; i++) {
                    dA.data()[i] = (correct ? 2 : 1) * (a.data()[i] - y.data()[i]);
                }
            }
        };
    }

    /** ½·Σ(z − y)² fused with g(z) = z, so dZ = A − Y; optionally with a fusedCost that is twice too big. */
    private static Loss halfSquaredFused(boolean correct) {
        return new Loss() {
            @Override
            public double cost(Matrix a, Matrix y) {
                return squared(true).cost(a, y) / 2;
            }

            @Override
            public void gradient(Matrix a, Matrix y, Matrix dA) {
                fusedGradient(a, y, dA);
            }

            @Override
            public boolean fusesWith(String activationName) {
                return true;
            }

            @Override
            public double fusedCost(Matrix z, Matrix y) {
                return (correct ? 1 : 2) * cost(z, y);
            }
        };
    }

    private static final Activation IDENTITY = new Activation() {
        @Override
        public void forward(Matrix z, Matrix a) {
            a.copyFrom(z);
        }

        @Override
        public void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) {
            dZ.copyFrom(dA);
        }
    };

    @Test
    void relativeErrorFollowsTheDocumentedFormula() {
        assertEquals(0.0, GradientCheck.relativeError(0, 0));
        assertEquals(1.0 / 3.0, GradientCheck.relativeError(2, 1), 1e-15);
        assertEquals(1e-9 / GradientCheck.FLOOR, GradientCheck.relativeError(1e-9, 0), 1e-12);
    }

    @Test
    void correctActivationPassesAndWrongOneFails() {
        Matrix z = TestMatrices.uniform(3, 4, -2, 2, random);
        Matrix dA = TestMatrices.uniform(3, 4, -1, 1, random);
        Matrix zBefore = z.copy();
        Matrix dABefore = dA.copy();

        assertTrue(GradientCheck.activation(cube(true), z, dA) < 1e-6);
        assertTrue(GradientCheck.activation(cube(false), z, dA) > 1e-2);
        assertEquals(zBefore, z, "the check must not modify Z");
        assertEquals(dABefore, dA, "the check must not modify dA");
    }

    @Test
    void backwardThatBreaksWhenDzIsDaIsCaught() {
        Matrix z = TestMatrices.uniform(2, 3, -1, 1, random);
        Matrix dA = TestMatrices.uniform(2, 3, 0.5, 1, random);

        assertTrue(GradientCheck.activation(SUM_ALL, z, dA) > 1e-2);
    }

    @Test
    void correctLossGradientPassesAndWrongOneFails() {
        Matrix a = TestMatrices.uniform(2, 5, -1, 1, random);
        Matrix y = TestMatrices.uniform(2, 5, -1, 1, random);

        assertTrue(GradientCheck.loss(squared(true), a, y) < 1e-6);
        assertEquals(1.0 / 3.0, GradientCheck.loss(squared(false), a, y), 1e-6);
    }

    @Test
    void fusedCheckComparesGradientAndCost() {
        Matrix z = TestMatrices.uniform(3, 4, -2, 2, random);
        Matrix y = TestMatrices.uniform(3, 4, -2, 2, random);

        assertTrue(GradientCheck.fusedLoss(halfSquaredFused(true), IDENTITY, z, y) < 1e-6);
        assertTrue(GradientCheck.fusedLoss(halfSquaredFused(false), IDENTITY, z, y) > 0.3);
    }
}
