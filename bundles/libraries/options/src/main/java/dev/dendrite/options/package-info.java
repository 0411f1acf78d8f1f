/**
 * Command options defined once: each {@link dev.dendrite.options.Option} has a name, a value
 * type, help, a default and a completion source; {@link dev.dendrite.options.TrainingOptions} is
 * the table of the training request's options, read by every command that trains, by the tuner's
 * search-space names and by the model provenance; {@link dev.dendrite.options.CommandSyntax}
 * parses a command line against a command's options, names an unknown option with the nearest
 * known one, writes {@code --help} and tells the console what to complete; {@link
 * dev.dendrite.options.Quote} bounds the user's text that a message quotes; {@link
 * dev.dendrite.options.TrainingMemory} estimates the heap a run needs, so that what cannot fit is
 * refused before the work starts; {@link dev.dendrite.options.PluginKinds} names the kinds of
 * plug-in as users list them (since 1.3).
 */
@Export
@Version("1.3.0")
package dev.dendrite.options;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
