package dev.dendrite.launcher;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * In {@code -c} mode, SIGINT (Ctrl-C) and SIGTERM stop the running command instead of the JVM:
 * the threads running it are interrupted, the command throws (one that stops on an interrupt,
 * like {@code ml:train}, says what it kept), and the launcher runs no further statement and exits
 * with {@value #STATUS}. A second signal, for a command that does not stop, exits at once.
 *
 * <p>Gogo runs each statement in a thread of the session's pool, named {@value #PIPE_THREAD}
 * followed by the statement while it runs (gogo.runtime's {@code Pipe}); the job that waits for
 * it then hands back what the command threw. Interrupting the job instead
 * ({@code CommandSession.foregroundJob().interrupt()}) returns a bare InterruptedException at once,
 * losing the command's message while the command is still stopping.
 */
final class Interruption {

    /** The exit status after a signal: 128 + SIGINT, as a shell reports an interrupted program. */
    static final int STATUS = 130;

    private static final String PIPE_THREAD = "pipe-";
    private static final long RETRY_MS = 10;

    private final AtomicBoolean signalled = new AtomicBoolean();
    private final Runnable exit;
    private volatile boolean running;

    /** @param exit what a second signal does */
    Interruption(Runnable exit) {
        this.exit = exit;
    }

    /** Handles SIGINT and SIGTERM from now on; a signal the JVM does not let it handle (ignored at start, as for a background job) is left as it is. */
    void install() {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> signalled());
            } catch (IllegalArgumentException e) {
                // the signal is the JVM's or ignored: its default stays
            }
        }
    }

    /** Whether a signal came. */
    boolean happened() {
        return signalled.get();
    }

    /** Runs a statement, as the one that a signal interrupts. */
    <T> T during(Callable<T> statement) throws Exception {
        running = true;
        try {
            return statement.call();
        } finally {
            running = false;
        }
    }

    /**
     * A signal came: the first interrupts the running statement's threads, waiting for them to
     * appear if the statement is just starting; the second exits.
     */
    void signalled() {
        if (!signalled.compareAndSet(false, true)) {
            exit.run();
            return;
        }
        try {
            while (running && !interruptCommands()) {
                Thread.sleep(RETRY_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Interrupts the threads running Gogo statements; returns whether there was one. */
    static boolean interruptCommands() {
        boolean found = false;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(PIPE_THREAD)) {
                thread.interrupt();
                found = true;
            }
        }
        return found;
    }
}
