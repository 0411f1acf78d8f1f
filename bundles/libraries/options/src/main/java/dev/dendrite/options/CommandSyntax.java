package dev.dendrite.options;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a command takes: its options and positional arguments. {@link #parse} reads a command line
 * into {@link Arguments}, refusing with one line that names the problem: an unknown option (with
 * the nearest known one), an option given twice, a missing or malformed value, too few or too
 * many arguments. {@link #usage} writes the {@code --help} text and {@link #completionAfter} tells
 * the console what the next word may be.
 */
public final class CommandSyntax {

    /** A positional argument, which must be given: its name in the usage ({@code DATASET}), help and completion. */
    public record Argument(String name, String help, Completion completion) {
    }

    private static final String HELP = "--help";
    /** The system property Apache Karaf sets to its installation. */
    private static final String KARAF_HOME = "karaf.home";

    private final String name;
    private final String summary;
    private final Map<String, Option<?>> options;
    private final List<Argument> arguments;

    private CommandSyntax(String name, String summary, Map<String, Option<?>> options, List<Argument> arguments) {
        this.name = name;
        this.summary = summary;
        this.options = options;
        this.arguments = arguments;
    }

    /** Starts the syntax of the command {@code name} (e.g. {@code ml:train}), described by {@code summary}. */
    public static Builder command(String name, String summary) {
        return new Builder(name, summary);
    }

    /** The command's name with its scope, e.g. {@code ml:train}. */
    public String name() {
        return name;
    }

    public String summary() {
        return summary;
    }

    /** The options, in the order of the help. */
    public List<Option<?>> options() {
        return List.copyOf(options.values());
    }

    public List<Argument> arguments() {
        return arguments;
    }

    /**
     * Reads {@code words} (the command's arguments, without its name). {@code --name value} and
     * {@code --name=value} give a value; {@code --} ends the options.
     *
     * @throws CommandException naming the problem
     */
    public Arguments parse(List<String> words) {
        Map<Option<?>, Object> values = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        boolean help = false;
        boolean optionsEnded = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (optionsEnded || !isOption(word)) {
                positional.add(word);
                continue;
            }
            if (word.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (word.equals(HELP) || word.equals("-h")) {
                help = true;
                continue;
            }
            int eq = word.indexOf('=');
            String flag = eq > 0 ? word.substring(0, eq) : word;
            Option<?> option = flag.startsWith("--") ? options.get(flag.substring(2)) : null;
            if (option == null) {
                throw new CommandException(unknown(flag));
            }
            if (values.containsKey(option)) {
                throw new CommandException(name + ": " + flag + " is given twice");
            }
            String text;
            if (!option.takesValue()) {
                if (eq > 0) {
                    throw new CommandException(name + ": " + flag + " takes no value, got " + Quote.of(word.substring(eq + 1)));
                }
                text = "";
            } else if (eq > 0) {
                text = word.substring(eq + 1);
            } else if (i + 1 < words.size()) {
                text = words.get(++i);
            } else {
                throw new CommandException(name + ": " + flag + " needs a value (" + option.label() + ": " + option.help() + ")");
            }
            values.put(option, option.read(text));
        }
        if (!help) {
            checkCount(positional);
        }
        return new Arguments(values, positional, help);
    }

    /**
     * Runs a command the way every {@code ml:} command runs: reads {@code words}, prints the usage
     * for {@code --help}, else calls {@code body}, which Ctrl-C on the console interrupts
     * ({@link ConsoleInterrupt}) and whose output reaches the console as it is printed ({@link ConsoleFlush}). Whatever {@code body} refuses or fails with, running out of memory
     * included, leaves as a {@link CommandException}: one line, its message, for the console to print.
     *
     * @param defaults as for {@link #usage}
     * @return what {@code body} returns, or the usage
     */
    public Object run(String[] words, Function<Option<?>, String> defaults, Function<Arguments, Object> body) {
        Arguments arguments = parse(List.of(words));
        if (arguments.helpRequested()) {
            return help(usage(defaults));
        }
        try (ConsoleInterrupt ctrlC = ConsoleInterrupt.during(); ConsoleFlush output = ConsoleFlush.during()) {
            return body.apply(arguments);
        } catch (CommandException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CommandException(e.getMessage() != null ? e.getMessage() : name + " failed: " + e.getClass().getSimpleName(), e);
        } catch (OutOfMemoryError e) {
            // the estimate before work errs low; what the command held is garbage now, and the platform goes on
            throw new CommandException(String.format(java.util.Locale.ROOT, "%s ran out of memory: the heap (%.1f GB) cannot hold"
                    + " what it was asked for; ask for less, or give more with DENDRITE_OPTS=-Xmx…", name,
                    Runtime.getRuntime().maxMemory() / (double) (1L << 30)), e);
        }
    }

    /**
     * The usage as the command's value, which the consoles print; printed in Apache Karaf instead,
     * whose {@code help ml:train} runs {@code ml:train --help} and shows only what that prints.
     */
    private static Object help(String usage) {
        if (System.getProperty(KARAF_HOME) == null) {
            return usage;
        }
        System.out.println(usage);
        System.out.flush();
        return null;
    }

    /**
     * The {@code --help} text: the summary, the usage line, then each option with its value's
     * label, help and default.
     *
     * @param defaults the live default of an option as text (configured, or the command's), or
     *                 null to show the option's own {@link Option#defaultText()}
     */
    public String usage(Function<Option<?>, String> defaults) {
        StringBuilder s = new StringBuilder();
        s.append(name).append(" - ").append(summary).append(System.lineSeparator());
        s.append("usage: ").append(name).append(" [options]");
        for (Argument a : arguments) {
            s.append(' ').append(a.name());
        }
        s.append(System.lineSeparator());
        for (Argument a : arguments) {
            s.append(String.format("  %-24s %s%n", a.name(), a.help()));
        }
        s.append("options:").append(System.lineSeparator());
        for (Option<?> o : options.values()) {
            String shown = defaults.apply(o);
            if (shown == null) {
                shown = o.defaultText();
            }
            String head = o.flagName() + (o.takesValue() ? " " + o.label() : "");
            s.append(String.format("  %-24s %s%s%n", head, o.help(), shown == null ? "" : " (default " + shown + ")"));
        }
        s.append(String.format("  %-24s %s", HELP, "this help"));
        return s.toString();
    }

    /**
     * What the word after {@code words} may be: the value of the option just before it, or the
     * next positional argument.
     *
     * @param words the words before the one being completed; {@code words[0]} is the command
     */
    public Completion completionAfter(List<String> words) {
        int argument = 0;
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (!isOption(word)) {
                argument++;
                continue;
            }
            Option<?> option = word.startsWith("--") && word.indexOf('=') < 0 ? options.get(word.substring(2)) : null;
            if (option != null && option.takesValue()) {
                if (i == words.size() - 1) {
                    return option.completion();
                }
                i++;
            }
        }
        return argument < arguments.size() ? arguments.get(argument).completion() : Completion.NONE;
    }

    /** An option: {@code --name}, {@code -x}; not a negative number or a lone {@code -}. */
    private static boolean isOption(String word) {
        return word.length() > 1 && word.charAt(0) == '-' && !Character.isDigit(word.charAt(1)) && word.charAt(1) != '.';
    }

    private void checkCount(List<String> positional) {
        if (positional.size() < arguments.size()) {
            throw new CommandException(name + " needs " + arguments.get(positional.size()).name() + " (" + name + " --help)");
        }
        if (positional.size() > arguments.size()) {
            List<String> extra = positional.subList(arguments.size(), positional.size());
            throw new CommandException(name + (arguments.isEmpty() ? " takes no argument" : " takes " + arguments.size()
                    + (arguments.size() == 1 ? " argument" : " arguments")) + ", got " + Quote.bounded(String.join(" ", extra))
                    + " too" + " (" + name + " --help)");
        }
    }

    /** The message for an unknown option: its name, the nearest known one when close, and where the options are listed. */
    private String unknown(String flag) {
        String nearest = nearest(flag.replaceFirst("^-+", ""), options.keySet());
        String hint = nearest != null ? "; did you mean --" + nearest + "?" : "";
        return name + " has no option " + Quote.bounded(flag) + hint + " (" + name + " --help)";
    }

    /**
     * The known name closest to a misspelt one, when it is close enough to be what was meant (a
     * prefix of it, or within a third of its length in edits), else null: the hint of an unknown
     * option's message, and of an unknown field's or column's elsewhere (since 1.2).
     */
    public static String nearest(String given, Collection<String> known) {
        String nearest = null;
        int best = Integer.MAX_VALUE;
        for (String name : known) {
            int d = name.startsWith(given) && !given.isEmpty() ? 1 : distance(given, name);
            if (d < best) {
                best = d;
                nearest = name;
            }
        }
        int close = given.length() < 3 ? 0 : Math.max(2, given.length() / 3);
        return nearest != null && best <= close ? nearest : null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    /** Collects a command's options and arguments. */
    public static final class Builder {
        private final String name;
        private final String summary;
        private final Map<String, Option<?>> options = new LinkedHashMap<>();
        private final List<Argument> arguments = new ArrayList<>();

        private Builder(String name, String summary) {
            this.name = name;
            this.summary = summary;
        }

        public Builder option(Option<?> option) {
            if (options.put(option.name(), option) != null) {
                throw new IllegalStateException(name + ": option " + option + " is defined twice");
            }
            return this;
        }

        public Builder options(List<? extends Option<?>> list) {
            list.forEach(this::option);
            return this;
        }

        /** A positional argument, after those already added. */
        public Builder argument(String label, String help, Completion completion) {
            arguments.add(new Argument(label, help, completion));
            return this;
        }

        public CommandSyntax build() {
            return new CommandSyntax(name, summary, new LinkedHashMap<>(options), List.copyOf(arguments));
        }
    }
}
