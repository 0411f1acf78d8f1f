/** The file-based model store, its configuration and the model file format; private to the bundle. */
package dev.dendrite.models.store;
