package dev.dendrite.options;

import org.apache.felix.service.command.Process;
import org.jline.terminal.Terminal;

/**
 * Ctrl-C in Gogo's JLine console, while a command runs, interrupts the command's own thread. Gogo
 * would interrupt the command's whole job, which ends at once with a bare
 * {@code java.lang.InterruptedException} while the command is still stopping, so the console would
 * print that instead of what the command kept ({@code interrupted at epoch 12; the model of epoch
 * 11 is kept as x: …}). With this, the command stops at its next check, says so in one line, and
 * the prompt comes back after it. Elsewhere (the {@code -c} mode, Karaf's console, tests) nothing
 * changes.
 */
final class ConsoleInterrupt implements AutoCloseable {

    /** Gogo's JLine shell keeps the console's terminal in this session variable. */
    private static final String TERMINAL = ".terminal";

    private final Terminal terminal;
    private final Terminal.SignalHandler previous;

    private ConsoleInterrupt(Terminal terminal, Terminal.SignalHandler previous) {
        this.terminal = terminal;
        this.previous = previous;
    }

    /** Until {@link #close()}, Ctrl-C on the console interrupts the calling thread alone; null outside the console. */
    static ConsoleInterrupt during() {
        try {
            Process process = Process.Utils.current();
            Object terminal = process == null || process.job() == null ? null : process.job().session().get(TERMINAL);
            if (!(terminal instanceof Terminal console)) {
                return null;
            }
            Thread command = Thread.currentThread();
            return new ConsoleInterrupt(console, console.handle(Terminal.Signal.INT, signal -> command.interrupt()));
        } catch (NoClassDefFoundError e) {
            return null; // no Gogo or no JLine here
        }
    }

    /** Gives Ctrl-C back to the console. */
    @Override
    public void close() {
        terminal.handle(Terminal.Signal.INT, previous);
    }
}
