package dev.dendrite.nn;

/**
 * Finds the plug-in a run asks for by name. In the platform this is the service registry, where
 * {@code PluginOrder}'s rule picks among services of one name; tests use a plain map.
 */
public interface PluginResolver {

    /**
     * The selected implementation of {@code kind} named {@code name}; a null name means the one
     * of any name that the same rule puts first (e.g. the maths back-end without {@code --backend}).
     *
     * @throws IllegalArgumentException if there is none; the message lists the available names
     */
    <T> Plugin<T> resolve(Class<T> kind, String name);

    /** How messages name a kind of plug-in: "activation" for Activation, "matrix math" for MatrixMath, … */
    static String kindName(Class<?> kind) {
        return kindName(kind.getName());
    }

    /** {@link #kindName(Class)} of the interface of that (binary) class name. */
    static String kindName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
