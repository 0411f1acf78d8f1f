/**
 * Saved models: the {@link dev.dendrite.models.ModelStore} service, which keeps trained models as
 * versioned, human-readable JSON files in a configured folder, and {@link dev.dendrite.models.AtomicFiles}
 * for writing a file all at once or not at all, and {@link dev.dendrite.models.Predictions}, what a model's outputs predict.
 */
@Export
@Version("1.1.0")
package dev.dendrite.models;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
