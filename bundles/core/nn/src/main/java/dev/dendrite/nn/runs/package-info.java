/** The registry of training runs ({@link dev.dendrite.api.run.TrainingRuns}): private to the bundle. */
package dev.dendrite.nn.runs;
