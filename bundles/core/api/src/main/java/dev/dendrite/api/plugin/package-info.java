/**
 * Discovery of plug-ins: which implementations of each kind are registered, by whom, and which
 * one a new run would use; which installed bundles fail to resolve or start.
 */
@Export
@Version("1.1.0")
package dev.dendrite.api.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
