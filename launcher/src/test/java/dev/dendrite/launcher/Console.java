package dev.dendrite.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The launcher's interactive console as a user has it, in a {@link Terminal} of 120 x 40. */
final class Console extends Terminal {

    static final String PROMPT = "dendrite> ";
    static final String CTRL_C = "\u0003";
    static final String CTRL_D = "\u0004";
    /** The Up key as the terminal sends it in the application cursor mode JLine sets. */
    static final String UP = "\u001bOA";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Console(String command) throws IOException {
        super("the console", command, 120, 40, null, TIMEOUT);
    }

    /** Starts the console of the distribution {@code home}, with more launcher options if given, and waits for its first prompt. */
    static Console start(Path home, String... options) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--home", home.toString()));
        args.addAll(List.of(options));
        Console console = new Console(Dendrite.command(args.toArray(String[]::new)).stream().map(Terminal::quoted)
                .collect(Collectors.joining(" ")));
        console.await(PROMPT, START_TIMEOUT);
        return console;
    }
}
