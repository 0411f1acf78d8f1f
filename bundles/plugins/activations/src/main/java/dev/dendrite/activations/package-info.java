/**
 * The built-in activation functions, each a DS component registered as an
 * {@link dev.dendrite.api.nn.Activation} service under its {@code name}. Private to the bundle.
 */
package dev.dendrite.activations;
