/**
 * Built-in data sets, the CSV and IDX (MNIST-format) loaders, seeded (stratified) splits and
 * feature scaling; private to the bundle.
 */
package dev.dendrite.data;
