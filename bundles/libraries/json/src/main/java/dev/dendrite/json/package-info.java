/**
 * A small, strict JSON (RFC 8259) reader and writer for the platform's own files: saved models
 * and JSON-lines journals. Values are plain Java objects: see {@link dev.dendrite.json.Json}.
 */
@Export
@Version("1.0.0")
package dev.dendrite.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
