package dev.dendrite.launcher;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import org.apache.felix.framework.Logger;

/**
 * The Felix framework's log (warnings and errors by default, {@code -Dfelix.log.level=4} for all)
 * into the platform's log: through java.util.logging, which Pax Logging carries into
 * {@code log/dendrite.log} once it runs. Before it runs (while the framework starts) and after it
 * stopped, java.util.logging has only its default console handler: then messages go to standard
 * error as one line each ({@code framework ERROR: …}), never to standard output, which belongs to
 * command output.
 */
final class FrameworkLog extends Logger {

    private static final String[] LEVELS = {"", "ERROR", "WARNING", "INFO", "DEBUG"};
    private static final Level[] JUL_LEVELS = {Level.SEVERE, Level.SEVERE, Level.WARNING, Level.INFO, Level.FINE};
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("org.apache.felix.framework");

    private final PrintStream err;

    FrameworkLog(PrintStream err) {
        this.err = err;
    }

    @Override
    protected void doLog(int level, String message, Throwable throwable) {
        if (bridged()) {
            LOG.log(level >= 0 && level < JUL_LEVELS.length ? JUL_LEVELS[level] : Level.FINE, message, throwable);
            return;
        }
        String name = level > 0 && level < LEVELS.length ? LEVELS[level] : "LOG" + level;
        err.println("framework " + name + ": " + message + (throwable == null ? "" : ": " + throwable));
    }

    /** Whether java.util.logging goes somewhere else than its default console handler (Pax Logging's bridge). */
    private static boolean bridged() {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        return Arrays.stream(root.getHandlers()).anyMatch(handler -> !(handler instanceof ConsoleHandler));
    }
}
