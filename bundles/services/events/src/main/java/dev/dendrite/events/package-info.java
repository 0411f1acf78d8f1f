/** Logs what changes under the running platform: configurations and bundles (hot deploy). */
package dev.dendrite.events;
