/**
 * The built-in optimizers, each a DS component registered as an
 * {@link dev.dendrite.api.nn.Optimizer} service under its {@code name}; each run gets its own
 * stateful {@link dev.dendrite.api.nn.Updater}. Private to the bundle.
 */
package dev.dendrite.optimizers;
