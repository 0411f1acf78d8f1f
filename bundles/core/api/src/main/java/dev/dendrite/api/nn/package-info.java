/**
 * Neural-network contracts: activations, losses, optimizers (plug-ins, each a service with a
 * {@code name} property) and the trainer service with its specification, events and results.
 * Notation (deeplearning.ai): layer l has n[l] units, W[l] is (n[l], n[l-1]), b[l] is (n[l], 1),
 * Z[l] = W[l]·A[l-1] + b[l], A[l] = g[l](Z[l]), A[0] = X is (n[0], m).
 */
@Export
@Version("1.3.0")
package dev.dendrite.api.nn;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
