/** Where the platform keeps the files it writes. */
@Export
@Version("1.0.0")
package dev.dendrite.api.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
