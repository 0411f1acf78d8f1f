package dev.dendrite.launcher;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Entry point of {@code bin/dendrite.jar}: parses the command line (see {@link Options#USAGE}),
 * runs the {@link Launcher} and exits with its status (2 for a bad command line).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // the process's own streams, taken before the Gogo runtime redirects System.out and System.err per thread
        PrintStream out = System.out;
        PrintStream err = System.err;
        int status = run(args, out, err);
        out.flush();
        System.exit(status);
    }

    private static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        if (options.help()) {
            out.print(Options.USAGE);
            return 0;
        }
        if (options.web()) {
            System.setProperty("dendrite.web", "true"); // read by the web console's WebServer when it activates
        }
        try {
            Path home = options.home() != null ? options.home() : defaultHome();
            return new Launcher(home.toAbsolutePath().normalize(), out, err).run(options.features(), options.commands());
        } catch (Exception e) {
            err.println("error: " + Launcher.message(e));
            return 1;
        }
    }

    /** The directory above the {@code bin/} directory holding this program's jar. */
    private static Path defaultHome() throws URISyntaxException {
        Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path bin = jar.getParent();
        if (!jar.toString().endsWith(".jar") || bin == null || bin.getParent() == null) {
            throw new IllegalStateException("not run from DIR/bin/dendrite.jar: give the distribution directory with --home DIR");
        }
        return bin.getParent();
    }
}
