package dev.dendrite.options;

import org.apache.felix.service.command.Process;
import org.jline.terminal.Terminal;

/**
 * Keeps what a command prints reaching the console while the command runs. From JLine 3.25 on (Apache
 * Karaf 4.4 has 3.30) a terminal buffers its output, and Gogo writes a command's output through a
 * channel that never flushes it: a long {@code ml:train} would show its progress only when it ends.
 * Until {@link #close()}, the console's terminal is flushed every {@value #PERIOD_MS} ms, then once
 * more. Outside a console (the {@code -c} mode, tests) nothing happens.
 */
final class ConsoleFlush implements AutoCloseable {

    /** Where the consoles keep their terminal: Karaf's console, Gogo's JLine shell. */
    private static final String[] TERMINAL = {".jline.terminal", ".terminal"};
    static final long PERIOD_MS = 200;

    private final Terminal terminal;
    private final Thread flusher;

    private ConsoleFlush(Terminal terminal) {
        this.terminal = terminal;
        this.flusher = new Thread(this::flushEvery, "console flush");
        flusher.setDaemon(true);
        flusher.start();
    }

    /** Until {@link #close()}, flushes the console's terminal; null outside a console. */
    static ConsoleFlush during() {
        try {
            Process process = Process.Utils.current();
            if (process == null || process.job() == null) {
                return null;
            }
            for (String name : TERMINAL) {
                if (process.job().session().get(name) instanceof Terminal terminal) {
                    return new ConsoleFlush(terminal);
                }
            }
            return null;
        } catch (NoClassDefFoundError e) {
            return null; // no Gogo or no JLine here
        }
    }

    private void flushEvery() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(PERIOD_MS);
                terminal.flush();
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** Stops flushing, after a last flush. */
    @Override
    public void close() {
        flusher.interrupt();
        terminal.flush();
    }
}
