/**
 * The depth study: the {@code ml:depth} command, the tasks it generates, networks of several
 * depths matched to one parameter budget, the runs over seeds, and the table and plots (private to
 * the bundle).
 */
package dev.dendrite.depth;
