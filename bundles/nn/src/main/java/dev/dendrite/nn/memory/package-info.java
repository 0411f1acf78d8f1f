/** The heap a training run needs, estimated before anything is allocated. */
@Export
@Version("1.0.0")
package dev.dendrite.nn.memory;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
