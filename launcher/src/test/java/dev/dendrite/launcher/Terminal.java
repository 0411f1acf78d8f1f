package dev.dendrite.launcher;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A program in a pseudo-terminal made by util-linux {@code script} (package bsdutils, in every
 * Debian), as a user has it: the test types keys and awaits what the terminal shows, read without
 * its control sequences (colours, cursor moves). The launcher's console ({@link Console}) and
 * Apache Karaf's (the karaf module's tests, through this module's test-jar) are driven this way.
 */
public class Terminal implements AutoCloseable {
    /** Control sequences (CSI, OSC, charset, keypad, save/restore cursor), carriage returns, backspaces, and one cut off at the end. */
    private static final Pattern CONTROL = Pattern.compile(
            "\u001b\\[[0-?]*[ -/]*[@-~]|\u001b\\][^\u0007]*\u0007|\u001b[()][0-9A-Za-z]|\u001b[=>78]|\r|\b"
            + "|\u001b(\\[[0-?]*[ -/]*|\\][^\u0007]*|[()])?$");

    /** The program's process: {@code script}, whose descendant is the program. */
    protected final Process process;
    private final String name;
    private final Duration timeout;
    private final OutputStream keys;
    private final StringBuilder output = new StringBuilder();
    private boolean ended;
    /** How much of what the terminal shows the test has awaited. */
    private int read;

    /**
     * Starts {@code command} (a shell command line) in a terminal of {@code columns} × {@code rows}
     * with {@code TERM=xterm-256color}.
     *
     * @param name      what the failure messages call it, e.g. {@code the console}
     * @param directory the working directory, or null for this one
     * @param timeout   how long {@link #await(String)} and {@link #awaitShown} wait
     */
    protected Terminal(String name, String command, int columns, int rows, Path directory, Duration timeout) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", "stty cols " + columns + " rows " + rows + "; exec " + command,
                "/dev/null").redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().put("TERM", "xterm-256color");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        this.process = builder.start();
        this.name = name;
        this.timeout = timeout;
        this.keys = process.getOutputStream();
        Thread pump = new Thread(this::pump, name + " output");
        pump.setDaemon(true);
        pump.start();
    }

    /** {@code word} quoted for the shell. */
    protected static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Types keys (Enter is {@code \r}). */
    public void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Waits for {@code text} to show; returns what showed since the last wait, up to and with it. */
    public String await(String text) throws InterruptedException {
        return await(text, timeout);
    }

    /** As {@link #await(String)}, for up to {@code timeout}. */
    public synchronized String await(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (shown().indexOf(text, read) < 0) {
            waitUntil(deadline, "'" + text + "'");
        }
        int end = shown().indexOf(text, read) + text.length();
        String since = shown().substring(read, end);
        read = end;
        return since;
    }

    /** Waits until what showed since the last wait satisfies {@code condition}, named {@code what}; returns it. */
    public synchronized String awaitShown(String what, Predicate<String> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(shown().substring(read))) {
            waitUntil(deadline, what);
        }
        String since = shown().substring(read);
        read += since.length();
        return since;
    }

    /** Waits for the program to end; returns its exit status. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError(name + " did not end within " + timeout.toSeconds() + " s; it shows:\n" + shown());
        }
        return process.exitValue();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Everything the terminal showed, without control sequences. */
    public synchronized String shown() {
        return CONTROL.matcher(output).replaceAll("");
    }

    /** Ends the program and whatever it started. */
    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void waitUntil(long deadline, String what) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0 || ended) {
            throw new AssertionError(name + " did not show " + what + (ended ? " before it ended" : " in time")
                    + "; it shows:\n" + shown().substring(Math.max(0, read - 2000)));
        }
        wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
    }

    private void pump() {
        char[] buffer = new char[8192];
        try (Reader shown = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            for (int n; (n = shown.read(buffer)) >= 0; ) {
                synchronized (this) {
                    output.append(buffer, 0, n);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the program ended
        }
        synchronized (this) {
            ended = true;
            notifyAll();
        }
    }
}
