package dev.dendrite.launcher;

import java.io.PrintStream;
import org.apache.felix.framework.Logger;

/**
 * The Felix framework's log (errors by default, {@code -Dfelix.log.level=4} for all), written to
 * standard error: Felix writes to standard output by default, which belongs to command output.
 */
final class FrameworkLog extends Logger {

    private static final String[] LEVELS = {"", "ERROR", "WARNING", "INFO", "DEBUG"};

    private final PrintStream err;

    FrameworkLog(PrintStream err) {
        this.err = err;
    }

    @Override
    protected void doLog(int level, String message, Throwable throwable) {
        String name = level > 0 && level < LEVELS.length ? LEVELS[level] : "LOG" + level;
        err.println("framework " + name + ": " + message);
    }
}
