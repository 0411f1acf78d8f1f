package dev.dendrite.karaf;

import dev.dendrite.launcher.Terminal;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Apache Karaf's console as a user has it: {@code bin/karaf} of a Karaf installation in a
 * {@link Terminal} of 200 x 50 (the launcher's tests' pseudo-terminal, from their test-jar).
 */
final class KarafConsole extends Terminal {

    static final String PROMPT = "karaf@root()> ";
    static final String CTRL_C = "\u0003";
    static final String TAB = "\t";
    /** Erases the line typed so far. */
    static final String CTRL_U = "\u0015";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private KarafConsole(Path home) throws IOException {
        super("Karaf's console", "bin/karaf", 200, 50, home, TIMEOUT);
    }

    /** Starts Karaf installed in {@code home} and waits for its first prompt. */
    static KarafConsole start(Path home) throws IOException, InterruptedException {
        KarafConsole console = new KarafConsole(home);
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

    /** The process of Karaf's JVM (the descendant of {@code script} that runs java). */
    ProcessHandle jvm() {
        return process.descendants().filter(p -> p.info().command().orElse("").endsWith("/java")).findFirst()
                .orElseThrow(() -> new AssertionError("no java process under the console"));
    }

    /** Shuts Karaf down (forcibly after 30 s). */
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
        super.close();
    }
}
