package dev.dendrite.nn;

/**
 * A plug-in bound for the life of one run: the service object, its name, who provides it, and
 * how to give it back. Close it when the run ends.
 */
public final class Plugin<T> implements AutoCloseable {
    private final String name;
    private final T service;
    private final String provider;
    private final Runnable release;

    public Plugin(String name, T service, String provider, Runnable release) {
        this.name = name;
        this.service = service;
        this.provider = provider;
        this.release = release;
    }

    /** A plug-in that needs no release (tests, built-ins). */
    public static <T> Plugin<T> of(String name, T service) {
        return new Plugin<>(name, service, "local", () -> { });
    }

    public String name() {
        return name;
    }

    public T service() {
        return service;
    }

    /** The providing bundle, e.g. {@code dev.dendrite.activations 0.1.0}. */
    public String provider() {
        return provider;
    }

    @Override
    public void close() {
        release.run();
    }
}
