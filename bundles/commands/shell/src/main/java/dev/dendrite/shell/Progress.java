package dev.dendrite.shell;

import dev.dendrite.api.nn.TrainingListener;
import java.io.PrintStream;
import org.apache.felix.service.command.Process;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * What a user sees of a run while it goes: a {@link ProgressBar} when the command's output is the
 * terminal, else the plain lines of {@link ProgressPrinter}, which scripts and logs read.
 */
interface Progress extends TrainingListener {

    /**
     * The framework property the launcher sets to {@code true} when its standard output is a
     * terminal (the console's, or {@code -c} run from a terminal).
     */
    String TERMINAL = "dendrite.terminal";

    /** Takes anything drawn in place off the screen (before an error message, say). */
    default void clear() {
    }

    /**
     * @param epochs          the epochs the run will do
     * @param iterationBudget its updates when it trains by iterations, else 0
     */
    static Progress of(PrintStream out, int epochs, long iterationBudget) {
        return onTerminal() ? new ProgressBar(out, epochs, iterationBudget) : new ProgressPrinter(out, epochs);
    }

    /** Whether the running command writes to the terminal: not piped, not redirected, and the process's output is one. */
    private static boolean onTerminal() {
        Process process = Process.Utils.current();
        Bundle bundle = FrameworkUtil.getBundle(Progress.class);
        return process != null && process.isTty(1) && bundle != null && bundle.getBundleContext() != null
                && Boolean.parseBoolean(bundle.getBundleContext().getProperty(TERMINAL));
    }
}
