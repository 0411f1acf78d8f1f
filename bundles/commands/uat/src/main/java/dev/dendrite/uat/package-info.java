/**
 * The universal-approximation demo: the {@code ml:uat} command, the experiment behind it, the
 * expression parser for user targets and the plots (private to the bundle).
 */
package dev.dendrite.uat;
