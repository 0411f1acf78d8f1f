/**
 * Helpers for the unit tests of Dendrite plug-ins: {@link dev.dendrite.testing.GradientCheck}
 * (central finite differences for activations and losses), {@link dev.dendrite.testing.NaiveMatrixMath}
 * (a plain-Java reference back-end), {@link dev.dendrite.testing.TestMatrices} (seeded random
 * inputs) and {@link dev.dendrite.testing.ComponentDescriptors} (the DS descriptors bnd generated).
 * Use it with test scope: a plug-in bundle must never import this package.
 */
@Export
@Version("1.0.0")
package dev.dendrite.testing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
