/**
 * Discovery of plug-ins: which implementations of each kind are registered, by whom, and which
 * one a new run would use.
 */
@Export
@Version("1.0.0")
package dev.dendrite.api.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
