/**
 * Dense matrices and the matrix-maths service that every network computation goes through.
 * Samples are columns: a batch of m samples with n features is an (n, m) matrix.
 */
@Export
@Version("1.2.0")
package dev.dendrite.api.math;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
