package dev.dendrite.shell.karaf;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code ml:help} in Apache Karaf's console: the {@code ml} commands with a line on each (what
 * {@code help ml} prints), or the options of one ({@code ml:help train}, as {@code ml:train --help}).
 * Karaf's {@code help SCOPE} lists a scope's commands only when one of them is a Karaf action of
 * a single bundle, which the Gogo commands are not: this action, registered by Karaf's command
 * extender (header {@code Karaf-Commands}), is that one, and so {@code help ml} works too.
 */
@Service
@Command(scope = "ml", name = "help", description = "lists the ml commands with a line on each, or the options of one")
public final class HelpAction implements Action {

    @Reference
    Session session;

    @Argument(name = "command", description = "an ml command (train, ml:train): print its options and their defaults")
    String command;

    @Override
    public Object execute() throws Exception {
        if (command == null) {
            return session.execute("help ml");
        }
        return session.execute((command.contains(":") ? command : "ml:" + command) + " --help");
    }
}
