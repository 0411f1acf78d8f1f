package dev.dendrite.math.fast;

import dev.dendrite.api.math.Epilogue;
import dev.dendrite.api.math.MatrixMath;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * {@link MatrixMath} in pure Java with the Vector API: register-blocked matrix products
 * ({@link VectorProduct}, {@link FloatProduct} in single precision) shared between all processors ({@link ProductThreads}). The default
 * where it can run ({@code service.ranking} 20, above {@code blas} and EJML): registered by
 * {@link FastMathAvailability} only when the Vector API is there, that is on JDK 16 or later
 * started with {@code --add-modules jdk.incubator.vector} (in OSGi the system bundle then exports
 * its package).
 */
@Component(service = MatrixMath.class, enabled = false, property = {
        "name=vector",
        "description=register-blocked matrix products with the Vector API (pure Java, all cores)",
        "service.ranking:Integer=20"})
public final class VectorMatrixMath extends ProductMatrixMath implements AutoCloseable {
    private final ProductThreads threads;

    /** On every processor. */
    public VectorMatrixMath() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * On {@code threads} threads (the caller's included).
     *
     * @throws NoClassDefFoundError without the Vector API (checked here rather than at the first product)
     */
    VectorMatrixMath(int threads) {
        VectorProduct.lanes();
        this.threads = new ProductThreads(threads, "dendrite-vector", BlockProduct.VECTOR);
    }

    @Override
    void product(boolean transA, boolean transB, int n, int m, int k, double alpha, double[] a, double[] b, double[] c,
                 boolean accumulate, Epilogue then) {
        threads.product(transA, transB, n, m, k, alpha, a, b, c, accumulate, then);
    }

    /** Stops the worker threads. */
    @Deactivate
    @Override
    public void close() {
        threads.close();
    }

    @Override
    void product(boolean transA, boolean transB, int n, int m, int k, float alpha, float[] a, float[] b, float[] c,
                 boolean accumulate, Epilogue then) {
        threads.product(transA, transB, n, m, k, alpha, a, b, c, accumulate, then);
    }
}
