package dev.dendrite.bench;

import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.math.ejml.EjmlConcurrentMatrixMath;
import dev.dendrite.math.ejml.EjmlMatrixMath;
import dev.dendrite.math.fast.BlasMatrixMath;
import dev.dendrite.math.fast.VectorMatrixMath;
import java.util.List;

/** The maths back-ends by their service names, created as the platform would (outside OSGi). */
final class Backends {
    static final List<String> ALL = List.of("ejml", "ejml-mt", "vector", "blas");

    private Backends() {
    }

    /**
     * A new back-end of that name.
     *
     * @throws IllegalStateException when it cannot run here (blas without a native BLAS, vector without the Vector API)
     */
    static MatrixMath create(String name) {
        try {
            return switch (name) {
                case "ejml" -> new EjmlMatrixMath();
                case "ejml-mt" -> new EjmlConcurrentMatrixMath(); // EJML's default: one thread per processor
                case "vector" -> new VectorMatrixMath();
                case "blas" -> new BlasMatrixMath();
                default -> throw new IllegalArgumentException("unknown back-end '" + name + "' (available: " + String.join(", ", ALL) + ")");
            };
        } catch (LinkageError e) {
            throw new IllegalStateException(name + " cannot run here: " + e, e);
        }
    }
}
