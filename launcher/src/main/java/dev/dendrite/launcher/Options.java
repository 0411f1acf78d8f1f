package dev.dendrite.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's command line: {@code [--home DIR] [--feature NAME[,NAME…]] [--web] [-c COMMANDS]…}.
 * Long options also take the form {@code --option=value}.
 *
 * @param help     whether {@code --help} was given
 * @param home     the distribution directory, or {@code null} when not given
 * @param features the features to run ({@code dendrite} when none is given)
 * @param commands the Gogo command lines to run non-interactively, in order; empty for the interactive shell
 * @param web      whether {@code --web} was given: the web console starts with the platform
 */
public record Options(boolean help, Path home, List<String> features, List<String> commands, boolean web) {

    /** Options without {@code --web}. */
    public Options(boolean help, Path home, List<String> features, List<String> commands) {
        this(help, home, features, commands, false);
    }

    /** The feature run when none is named. */
    public static final String DEFAULT_FEATURE = "dendrite";

    /** The text printed by {@code --help}. */
    public static final String USAGE = """
            Usage: dendrite [--home DIR] [--feature NAME[,NAME...]] [--web] [-c COMMANDS]...

            Starts the Dendrite platform (Apache Felix with the bundles of a feature of
            etc/features.xml). Without -c it opens the Gogo console: type `help ml` for the
            ml commands, Tab to complete, `exit` or Ctrl-D to stop. With -c it runs the
            commands, prints their results and exits: status 0 if all succeeded, 1 if one
            failed (its message on stderr), 130 if Ctrl-C or SIGTERM stopped the running one.

              -c, --command COMMANDS  Gogo command line to run, e.g. 'ml:train xor; ml:models';
                                      each statement's value is printed (may be repeated:
                                      all run in turn in one session, up to the first failure)
                  --feature NAMES     features to start, comma separated (default: dendrite)
                  --home DIR          distribution directory with bin/ etc/ system/ deploy/
                                      (default: the directory above the jar's bin/)
                  --web               start the web console (dashboard and JSON API) on
                                      127.0.0.1:8181, as ml:web start does; etc/dev.dendrite.web.cfg
                                      sets the address (docs/web.md)
              -h, --help              print this help and exit

            Bundles copied into DIR/deploy/ are started, and .cfg files in DIR/etc/
            applied, while the platform runs. The log is DIR/log/dendrite.log (ml:log
            shows its end; etc/org.ops4j.pax.logging.cfg sets it up); warnings and
            errors also go to stderr.
            """;

    /**
     * Parses the command line.
     *
     * @throws IllegalArgumentException for an unknown option or an option without its value
     */
    public static Options parse(String... args) {
        boolean help = false;
        boolean web = false;
        Path home = null;
        List<String> features = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = null;
            int equals = option.indexOf('=');
            if (option.startsWith("--") && equals > 0) {
                value = option.substring(equals + 1);
                option = option.substring(0, equals);
            }
            switch (option) {
                case "-h", "--help" -> help = true;
                case "--web" -> web = true;
                case "-c", "--command", "--feature", "--home" -> {
                    if (value == null) {
                        if (i + 1 == args.length) {
                            throw new IllegalArgumentException("option " + option + " needs a value (see --help)");
                        }
                        value = args[++i];
                    }
                    switch (option) {
                        case "--home" -> home = Path.of(value);
                        case "--feature" -> features.addAll(List.of(value.split(",")));
                        default -> commands.add(value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "' (see --help)");
            }
        }
        if (features.isEmpty()) {
            features.add(DEFAULT_FEATURE);
        }
        return new Options(help, home, List.copyOf(features), List.copyOf(commands), web);
    }
}
