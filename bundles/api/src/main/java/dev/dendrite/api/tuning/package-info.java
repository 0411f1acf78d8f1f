/**
 * Hyperparameter tuning: search spaces, trials, the ask-and-tell {@link dev.dendrite.api.tuning.TuningStrategy}
 * plug-ins (each a service with a {@code name} property) and the {@link dev.dendrite.api.tuning.Tuner}
 * service that runs and keeps studies.
 */
@Export
@Version("1.0.0")
package dev.dendrite.api.tuning;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
