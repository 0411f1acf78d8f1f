package dev.dendrite.shell;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Calls a command method the way Gogo does: the command reads its own words, the options then the positional arguments. */
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

    /** Options by name, then the positional arguments. */
    static String call(Object command, String name, Map<String, String> options, String... positional) throws Throwable {
        Method method = Arrays.stream(command.getClass().getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == 1 && m.getParameterTypes()[0] == String[].class)
                .findFirst().orElseThrow();
        List<String> words = new ArrayList<>();
        options.forEach((option, value) -> {
            words.add(option);
            words.add(value);
        });
        words.addAll(List.of(positional));
        try {
            return (String) method.invoke(command, (Object) words.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
