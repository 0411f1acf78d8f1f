/**
 * Fast {@link dev.dendrite.api.math.MatrixMath} back-ends: {@code blas} (the system's BLAS through
 * JNI) and {@code vector} (register-blocked matrix products with the Vector API on all cores). Private to
 * the bundle.
 */
package dev.dendrite.math.fast;
