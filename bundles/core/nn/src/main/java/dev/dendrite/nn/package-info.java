/** The network (forward and backward propagation), the trainer and plug-in resolution. Private. */
package dev.dendrite.nn;
