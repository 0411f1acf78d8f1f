/**
 * Training runs as the platform sees them while they train: a registry of runs started from any
 * front end (the shell's {@code ml:train}, the web console), each with its epochs so far, its state
 * and a way to stop it. A front end tracks a run with {@link dev.dendrite.api.run.TrainingRuns#open}
 * and {@link dev.dendrite.api.run.TrackedRun#execute}; another front end lists and watches it.
 */
@Export
@Version("1.0.0")
package dev.dendrite.api.run;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
