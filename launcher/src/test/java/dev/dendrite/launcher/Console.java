package dev.dendrite.launcher;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The launcher's interactive console as a user has it: in a pseudo-terminal of 120 x 40 made by
 * util-linux {@code script} (package bsdutils, in every Debian). The test types keys and awaits
 * what the terminal shows, read without its control sequences (colours, cursor moves).
 */
final class Console implements AutoCloseable {

    static final String PROMPT = "dendrite> ";
    static final String CTRL_C = "\u0003";
    static final String CTRL_D = "\u0004";
    /** The Up key as the terminal sends it in the application cursor mode JLine sets. */
    static final String UP = "\u001bOA";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Control sequences (CSI, OSC, charset, keypad, save/restore cursor), carriage returns, and one cut off at the end. */
    private static final Pattern CONTROL = Pattern.compile(
            "\u001b\\[[0-?]*[ -/]*[@-~]|\u001b\\][^\u0007]*\u0007|\u001b[()][0-9A-Za-z]|\u001b[=>78]|\r"
            + "|\u001b(\\[[0-?]*[ -/]*|\\][^\u0007]*|[()])?$");

    private final Process process;
    private final OutputStream keys;
    private final StringBuilder output = new StringBuilder();
    private boolean ended;
    /** How much of what the console shows the test has awaited. */
    private int read;

    private Console(Process process) {
        this.process = process;
        this.keys = process.getOutputStream();
        Thread pump = new Thread(this::pump, "console output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts the console of the distribution {@code home}, with more launcher options if given, and waits for its first prompt. */
    static Console start(Path home, String... options) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--home", home.toString()));
        args.addAll(List.of(options));
        String launcher = Dendrite.command(args.toArray(String[]::new)).stream().map(Console::quoted)
                .collect(Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", "stty cols 120 rows 40; exec " + launcher, "/dev/null")
                .redirectErrorStream(true);
        builder.environment().put("TERM", "xterm-256color");
        Console console = new Console(builder.start());
        console.await(PROMPT, START_TIMEOUT);
        return console;
    }

    /** Types keys (Enter is {@code \r}). */
    void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Waits for {@code text} to show; returns what showed since the last wait, up to and with it. */
    String await(String text) throws InterruptedException {
        return await(text, TIMEOUT);
    }

    /** Waits until what showed since the last wait satisfies {@code condition}, named {@code what}; returns it. */
    synchronized String awaitShown(String what, Predicate<String> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.test(shown().substring(read))) {
            waitUntil(deadline, what);
        }
        String since = shown().substring(read);
        read += since.length();
        return since;
    }

    /** Waits for the program to end; returns its exit status. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the console did not end within " + TIMEOUT.toSeconds() + " s; it shows:\n" + shown());
        }
        return process.exitValue();
    }

    boolean isRunning() {
        return process.isAlive();
    }

    /** Everything the console showed, without control sequences. */
    synchronized String shown() {
        return CONTROL.matcher(output).replaceAll("");
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private synchronized String await(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (shown().indexOf(text, read) < 0) {
            waitUntil(deadline, "'" + text + "'");
        }
        int end = shown().indexOf(text, read) + text.length();
        String since = shown().substring(read, end);
        read = end;
        return since;
    }

    private void waitUntil(long deadline, String what) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0 || ended) {
            throw new AssertionError("the console did not show " + what + (ended ? " before it ended" : " in time")
                    + "; it shows:\n" + shown());
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
            // the console ended
        }
        synchronized (this) {
            ended = true;
            notifyAll();
        }
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
