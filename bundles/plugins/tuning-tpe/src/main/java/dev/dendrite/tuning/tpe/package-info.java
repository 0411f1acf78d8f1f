/** The tree-structured Parzen estimator strategy. Private. */
package dev.dendrite.tuning.tpe;
