/** Search-space parsing, the grid, random and halving strategies, the study runner and its journals. Private. */
package dev.dendrite.tuning;
