package dev.dendrite.nn;

import java.util.function.BooleanSupplier;

/**
 * A plug-in bound for the life of one run: the service object, its name, who provides it, whether
 * it is still registered, and how to give it back. Close it when the run ends.
 */
public final class Plugin<T> implements AutoCloseable {
    private final String name;
    private final T service;
    private final String provider;
    private final BooleanSupplier available;
    private final Runnable release;

    public Plugin(String name, T service, String provider, BooleanSupplier available, Runnable release) {
        this.name = name;
        this.service = service;
        this.provider = provider;
        this.available = available;
        this.release = release;
    }

    /** A plug-in that is always available and needs no release (tests, built-ins). */
    public static <T> Plugin<T> of(String name, T service) {
        return new Plugin<>(name, service, "local", () -> true, () -> { });
    }

    /** False once the service has been unregistered (its bundle stopped, uninstalled or updated). */
    public boolean available() {
        return available.getAsBoolean();
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
