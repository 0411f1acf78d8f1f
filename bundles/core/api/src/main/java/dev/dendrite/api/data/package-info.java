/**
 * Data sets (samples as columns), built-in data-set providers and the data service that loads,
 * splits and scales them.
 */
@Export
@Version("1.1.0")
package dev.dendrite.api.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
