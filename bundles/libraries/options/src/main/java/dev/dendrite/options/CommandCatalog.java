package dev.dendrite.options;

import java.util.List;

/**
 * A service of each bundle of commands: the syntax of its commands, so that the console completes
 * their options and values, wherever the commands come from.
 */
public interface CommandCatalog {

    /** The syntax of each command of this bundle. */
    List<CommandSyntax> commands();
}
