/** The Gogo commands of scope {@code ml}. Private. */
package dev.dendrite.shell;
