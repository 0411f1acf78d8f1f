/**
 * The built-in losses, each a DS component registered as a {@link dev.dendrite.api.nn.Loss}
 * service under its {@code name}. Private to the bundle.
 */
package dev.dendrite.losses;
