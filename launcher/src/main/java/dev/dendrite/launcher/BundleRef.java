package dev.dendrite.launcher;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A bundle of a feature: its Maven URL {@code mvn:groupId/artifactId/version[/type[/classifier]]}
 * and the start level it is started at.
 */
public record BundleRef(String url, int startLevel) {

    private static final String SCHEME = "mvn:";

    /**
     * The bundle's file in a directory in Maven repository layout:
     * {@code group/id/as/dirs/artifactId/version/artifactId-version[-classifier].type}, type {@code jar}
     * by default.
     *
     * @throws IllegalArgumentException if the URL is not of the form above
     */
    public Path path(Path repository) {
        String[] parts = url.startsWith(SCHEME) ? url.substring(SCHEME.length()).split("/", -1) : new String[0];
        if (parts.length < 3 || parts.length > 5 || Arrays.asList(parts).contains("")) {
            throw new IllegalArgumentException("bad bundle URL '" + url
                    + "': expected mvn:groupId/artifactId/version[/type[/classifier]]");
        }
        String artifactId = parts[1];
        String version = parts[2];
        String type = parts.length > 3 ? parts[3] : "jar";
        String classifier = parts.length > 4 ? "-" + parts[4] : "";
        return repository.resolve(parts[0].replace('.', '/'))
                .resolve(artifactId)
                .resolve(version)
                .resolve(artifactId + "-" + version + classifier + "." + type);
    }
}
