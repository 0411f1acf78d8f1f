package dev.dendrite.karaf;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Apache Karaf's console as a user has it: {@code bin/karaf} of a Karaf installation in a
 * pseudo-terminal of 200 x 50 made by util-linux {@code script} (package bsdutils, in every Debian).
 * The test types keys and awaits what the terminal shows, read without its control sequences.
 */
final class KarafConsole implements AutoCloseable {

    static final String PROMPT = "karaf@root()> ";
    static final String CTRL_C = "\u0003";
    static final String TAB = "\t";
    /** Erases the line typed so far. */
    static final String CTRL_U = "\u0015";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Control sequences (CSI, OSC, charset, keypad), carriage returns, backspaces, and one cut off at the end. */
    private static final Pattern CONTROL = Pattern.compile(
            "\u001b\\[[0-?]*[ -/]*[@-~]|\u001b\\][^\u0007]*\u0007|\u001b[()][0-9A-Za-z]|\u001b[=>78]|\r|\b"
            + "|\u001b(\\[[0-?]*[ -/]*|\\][^\u0007]*|[()])?$");

    private final Process process;
    private final OutputStream keys;
    private final StringBuilder output = new StringBuilder();
    private boolean ended;
    private int read;

    private KarafConsole(Process process) {
        this.process = process;
        this.keys = process.getOutputStream();
        Thread pump = new Thread(this::pump, "karaf console output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts Karaf installed in {@code home} and waits for its first prompt. */
    static KarafConsole start(Path home) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", "stty cols 200 rows 50; exec bin/karaf", "/dev/null")
                .directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("TERM", "xterm-256color");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        KarafConsole console = new KarafConsole(builder.start());
        console.await(PROMPT, START_TIMEOUT);
        Thread.sleep(300); // the line reader starts reading just after it draws the prompt
        return console;
    }

    /** Runs a command line and returns what it printed (the line typed, its output, up to the next prompt). */
    String run(String command) throws IOException, InterruptedException {
        type(command + "\r");
        // the line reader redraws the prompt as keys are typed (and shows quotes its own way): the
        // output starts after the end of the line
        await(command.substring(Math.max(0, command.length() - 12)) + "\n", TIMEOUT);
        String shown = await(PROMPT, TIMEOUT);
        Thread.sleep(300);
        return command + "\n" + shown.substring(0, shown.length() - PROMPT.length());
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

    /** The process of Karaf's JVM (the descendant of {@code script} that runs java). */
    ProcessHandle jvm() {
        return process.descendants().filter(p -> p.info().command().orElse("").endsWith("/java")).findFirst()
                .orElseThrow(() -> new AssertionError("no java process under the console"));
    }

    /** Everything the console showed, without control sequences. */
    synchronized String shown() {
        return CONTROL.matcher(output).replaceAll("");
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            try {
                type("system:shutdown -f\r");
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (IOException e) {
                // the terminal is gone already
            }
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private synchronized String await(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (shown().indexOf(text, read) < 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || ended) {
                throw new AssertionError("Karaf's console did not show '" + text + "'" + (ended ? " before it ended" : " in time")
                        + "; it shows:\n" + shown().substring(Math.max(0, read - 2000)));
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        int end = shown().indexOf(text, read) + text.length();
        String since = shown().substring(read, end);
        read = end;
        return since;
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
            // the process ended
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }
}
