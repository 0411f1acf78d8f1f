package dev.dendrite.options;

import java.util.List;
import java.util.Map;

/**
 * A command line as {@link CommandSyntax#parse} read it: the value of each option given, typed,
 * and the positional arguments. Options not given are absent: the command's defaults apply.
 */
public final class Arguments {
    private final Map<Option<?>, Object> values;
    private final List<String> positional;
    private final boolean help;

    Arguments(Map<Option<?>, Object> values, List<String> positional, boolean help) {
        this.values = Map.copyOf(values);
        this.positional = List.copyOf(positional);
        this.help = help;
    }

    /** Whether the option was given. */
    public boolean has(Option<?> option) {
        return values.containsKey(option);
    }

    /** The option's value, or null when it was not given. */
    @SuppressWarnings("unchecked")
    public <T> T get(Option<T> option) {
        return (T) values.get(option);
    }

    /** The option's value, or {@code fallback} when it was not given. */
    public <T> T get(Option<T> option, T fallback) {
        T value = get(option);
        return value != null ? value : fallback;
    }

    /** The positional arguments, in order. */
    public List<String> positional() {
        return positional;
    }

    /** The {@code i}-th positional argument, or null when there are fewer. */
    public String positional(int i) {
        return i < positional.size() ? positional.get(i) : null;
    }

    /** Whether {@code --help} was given: the command prints its usage and does nothing else. */
    public boolean helpRequested() {
        return help;
    }
}
