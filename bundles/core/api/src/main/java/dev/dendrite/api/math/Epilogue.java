package dev.dendrite.api.math;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Element-wise work on a product's result C, run on each part of C as soon as that part is
 * computed, while it is still in the computing thread's cache: the product's epilogue (for
 * example A = g(Z) after Z = W·A[l-1] + b). A back-end that shares a product between threads
 * calls it from each of them, on disjoint ranges that together cover C once; one that does not
 * calls it once, on all of C, after the product. It may touch only the elements [from, to) of C
 * and of matrices of C's shape, at the same positions.
 *
 * @since 1.2
 */
@ConsumerType
@FunctionalInterface
public interface Epilogue {

    /** Runs on the elements [from, to) of C's row-major data: part of one row, or whole rows. */
    void apply(int from, int to);
}
