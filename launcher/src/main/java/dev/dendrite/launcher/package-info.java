/**
 * The Dendrite launcher: an embedded Apache Felix framework running the bundles of one feature
 * of the distribution's {@code etc/features.xml}, with the Gogo shell interactive or driven by
 * {@code -c} commands.
 */
package dev.dendrite.launcher;
