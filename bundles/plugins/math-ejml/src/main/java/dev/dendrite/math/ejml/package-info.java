/**
 * The EJML-backed {@link dev.dendrite.api.math.MatrixMath} service. Private to the bundle: EJML
 * stays an implementation detail.
 */
package dev.dendrite.math.ejml;
