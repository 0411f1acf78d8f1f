package dev.dendrite.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The plug-ins bound for one run or call, released together; it can tell when one has gone away. */
final class Bindings implements AutoCloseable {
    private final PluginResolver plugins;
    private final List<Plugin<?>> held = new ArrayList<>();
    private final List<String> kinds = new ArrayList<>();
    private final List<String> descriptions = new ArrayList<>();

    Bindings(PluginResolver plugins) {
        this.plugins = plugins;
    }

    <T> Plugin<T> bind(String kind, Class<T> type, String name) {
        Plugin<T> plugin = plugins.resolve(type, name);
        held.add(plugin);
        kinds.add(kind);
        String description = kind + " " + plugin.name() + ": " + plugin.provider();
        if (!descriptions.contains(description)) {
            descriptions.add(description);
        }
        return plugin;
    }

    /** E.g. {@code activation relu: dev.dendrite.activations 0.1.0 [7]}, each plug-in once. */
    List<String> descriptions() {
        return List.copyOf(descriptions);
    }

    /** Whether a bound plug-in is no longer registered (checked every iteration: allocates nothing). */
    boolean anyGone() {
        for (int i = 0; i < held.size(); i++) {
            if (!held.get(i).available()) {
                return true;
            }
        }
        return false;
    }

    /** The first bound plug-in that is no longer registered, described, e.g. {@code activation 'swish' of bundle …}. */
    Optional<String> gone() {
        for (int i = 0; i < held.size(); i++) {
            Plugin<?> p = held.get(i);
            if (!p.available()) {
                return Optional.of(describe(kinds.get(i), p));
            }
        }
        return Optional.empty();
    }

    /** How messages name a plug-in: {@code activation 'swish' of bundle org.example.swish 1.0.0 [31]}. */
    static String describe(String kind, Plugin<?> plugin) {
        return kind + " '" + plugin.name() + "' of bundle " + plugin.provider();
    }

    @Override
    public void close() {
        for (Plugin<?> p : held) {
            p.close();
        }
    }
}
