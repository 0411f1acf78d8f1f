package dev.dendrite.shell;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.felix.service.command.Parameter;

/**
 * Calls a command method the way Gogo does: a command that reads its own words ({@code String...})
 * gets the options then the positional arguments; for one with {@code @Parameter}s, each gets its
 * given value or its absent value.
 */
final class Gogo {

    private Gogo() {
    }

    /** One positional argument (e.g. the data set); {@code options} alternate names and values, e.g. {@code "--lr", "0.1"}. */
    static String call(Object command, String name, String argument, String... options) throws Throwable {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            given.put(options[i], options[i + 1]);
        }
        return call(command, name, given, argument);
    }

    /** Options by name; {@code positional} fill the parameters without {@code @Parameter}, in order. */
    static String call(Object command, String name, Map<String, String> options, String... positional) throws Throwable {
        Method method = Arrays.stream(command.getClass().getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
        if (method.getParameterCount() == 1 && method.getParameterTypes()[0] == String[].class) {
            List<String> words = new ArrayList<>();
            options.forEach((option, value) -> {
                words.add(option);
                words.add(value);
            });
            words.addAll(List.of(positional));
            return invoke(method, command, (Object) words.toArray(String[]::new));
        }
        Object[] args = new Object[method.getParameterCount()];
        int next = 0;
        for (int i = 0; i < args.length; i++) {
            Parameter p = method.getParameters()[i].getAnnotation(Parameter.class);
            args[i] = p == null ? positional[next++] : options.getOrDefault(p.names()[0], p.absentValue());
        }
        if (next != positional.length) {
            throw new AssertionError(name + " takes " + next + " positional arguments, given " + positional.length);
        }
        return invoke(method, command, args);
    }

    private static String invoke(Method method, Object command, Object... args) throws Throwable {
        try {
            return (String) method.invoke(command, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
