/**
 * The propagation trace: the {@code ml:trace} command, the listener that copies one iteration of
 * the trainer's forward and backward propagation, the finite-difference check and the printout
 * (private to the bundle).
 */
package dev.dendrite.trace;
