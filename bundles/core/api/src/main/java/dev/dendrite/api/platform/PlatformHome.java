package dev.dendrite.api.platform;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * The one folder under which the platform writes its files (saved models, studies, plots): the
 * framework property {@value #PROPERTY} (the launcher sets it to its distribution); in Apache
 * Karaf, when it is not set, {@code ${karaf.data}/dendrite}; otherwise the working directory. The
 * models and studies folders of the configuration, when relative, and the demos' plots are
 * resolved against it.
 */
public final class PlatformHome {

    /** The framework (or system) property naming the home. */
    public static final String PROPERTY = "dendrite.home";
    /** Karaf's framework property naming its data folder. */
    static final String KARAF_DATA = "karaf.data";

    private PlatformHome() {
    }

    /**
     * The home, absolute.
     *
     * @param property a framework property by name, or null if it is not set (e.g. {@code context::getProperty})
     */
    public static Path of(Function<String, String> property) {
        String home = property.apply(PROPERTY);
        if (home != null && !home.isBlank()) {
            return Path.of(home.trim()).toAbsolutePath().normalize();
        }
        String karafData = property.apply(KARAF_DATA);
        if (karafData != null && !karafData.isBlank()) {
            return Path.of(karafData.trim(), "dendrite").toAbsolutePath().normalize();
        }
        return Path.of("").toAbsolutePath();
    }
}
