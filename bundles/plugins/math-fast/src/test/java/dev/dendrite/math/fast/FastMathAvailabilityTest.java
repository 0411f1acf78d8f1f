package dev.dendrite.math.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.testing.ComponentDescriptors;
import dev.dendrite.testing.ComponentDescriptors.Descriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The back-ends' registrations, and how each stands aside when its requirement is missing. */
class FastMathAvailabilityTest {

    @Test
    void bothBackEndsRankAboveEjmlAndVectorAboveBlas() {
        Map<String, Descriptor> byName = ComponentDescriptors.providing(MatrixMath.class, BlasMatrixMath.class).stream()
                .collect(Collectors.toMap(d -> d.properties().get("name"), d -> d));
        assertEquals(2, byName.size(), byName.keySet().toString());
        assertEquals(BlasMatrixMath.class.getName(), byName.get("blas").implementation());
        assertEquals(VectorMatrixMath.class.getName(), byName.get("vector").implementation());
        int blas = Integer.parseInt(byName.get("blas").properties().get("service.ranking"));
        int vector = Integer.parseInt(byName.get("vector").properties().get("service.ranking"));
        assertTrue(blas > 0 && vector > blas, "rankings blas " + blas + ", vector " + vector);
        byName.values().forEach(d -> assertTrue(!d.properties().get("description").isBlank()));
    }

    @Test
    void theVectorApiServesWhenItsModuleIsThere() {
        // surefire starts the tests with --add-modules jdk.incubator.vector
        assertNull(FastMathAvailability.vectorProblem());
        assertTrue(VectorProduct.NR == 2 * VectorProduct.lanes());
    }

    @Test
    void withoutTheVectorModuleTheVectorBackEndStandsAsideWithAReason() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), Probe.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, process.waitFor(), output);
        assertTrue(output.startsWith("the Vector API is not available"), output);
    }

    @Test
    void theNativeBlasIsEitherUsableOrExplainsWhatToInstall() {
        String problem = NativeBlas.problem();
        if (problem == null) {
            try (BlasMatrixMath blas = new BlasMatrixMath()) {
                Matrix c = new Matrix(1, 1);
                blas.mult(Matrix.of(new double[] {2, 3}), Matrix.of(new double[] {4}, new double[] {5}), c);
                assertEquals(23.0, c.get(0, 0));
            }
        } else {
            assertTrue(problem.contains("install libopenblas0-pthread"), problem);
        }
    }

    /** Prints the Vector API probe's verdict, in a JVM started without the incubator module. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println(FastMathAvailability.vectorProblem());
        }
    }
}
