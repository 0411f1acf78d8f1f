package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.testing.ComponentDescriptors;
import dev.dendrite.testing.NaiveMatrixMath;
import dev.dendrite.testing.TestMatrices;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ${classPrefix}MatrixMathTest {

    private final MatrixMath math = new ${classPrefix}MatrixMath();
    private final MatrixMath reference = new NaiveMatrixMath();

    /** C (n, m) = A (n, k)·B (k, m), and the transposed forms, against the reference back-end. */
    @ParameterizedTest
    @CsvSource({"1, 1, 1", "3, 5, 2", "16, 9, 33"})
    void productsMatchTheReference(int n, int k, int m) {
        Random random = new Random(n * 100 + k * 10 + m);
        Matrix a = TestMatrices.uniform(n, k, -1, 1, random);
        Matrix b = TestMatrices.uniform(k, m, -1, 1, random);
        Matrix at = TestMatrices.uniform(k, n, -1, 1, random);
        Matrix bt = TestMatrices.uniform(m, k, -1, 1, random);
        Matrix c = new Matrix(n, m).fill(Double.NaN);   // outputs hold old values in a real run
        Matrix expected = new Matrix(n, m);

        math.mult(a, b, c);
        reference.mult(a, b, expected);
        assertTrue(TestMatrices.maxAbsDifference(expected, c) < 1e-12, "mult " + c);
        math.multTransA(at, b, c);
        reference.multTransA(at, b, expected);
        assertTrue(TestMatrices.maxAbsDifference(expected, c) < 1e-12, "multTransA " + c);
        math.multTransB(a, bt, c);
        reference.multTransB(a, bt, expected);
        assertTrue(TestMatrices.maxAbsDifference(expected, c) < 1e-12, "multTransB " + c);
    }

    @Test
    void sameInputsGiveBitIdenticalOutputs() {
        Random random = new Random(7);
        Matrix a = TestMatrices.uniform(20, 30, -1, 1, random);
        Matrix b = TestMatrices.uniform(30, 10, -1, 1, random);
        Matrix first = new Matrix(20, 10);
        Matrix second = new Matrix(20, 10);
        math.mult(a, b, first);
        math.mult(a, b, second);
        assertEquals(first, second);
    }

    @Test
    void wrongShapesAreRejected() {
        Matrix a = new Matrix(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> math.mult(a, new Matrix(4, 5), new Matrix(2, 5)));
        assertEquals("mult: shapes A (2, 3), B (4, 5), C (2, 5) do not fit", e.getMessage());
    }

    @Test
    void isRegisteredUnderItsName() {
        List<ComponentDescriptors.Descriptor> components =
                ComponentDescriptors.providing(MatrixMath.class, ${classPrefix}MatrixMath.class);
        assertEquals(1, components.size(), "components providing MatrixMath: " + components);
        assertEquals("${pluginName}", components.get(0).properties().get("name"));
    }
}
