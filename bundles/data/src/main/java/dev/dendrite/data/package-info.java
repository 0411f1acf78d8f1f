/** Built-in data sets, the CSV loader, seeded (stratified) splits and feature scaling; private to the bundle. */
package dev.dendrite.data;
