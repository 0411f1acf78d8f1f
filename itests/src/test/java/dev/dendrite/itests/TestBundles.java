package dev.dendrite.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes small bundles for the tests, inside the container: the given manifest headers and the
 * bytes of the given classes, read from this test bundle (so no build step makes them).
 */
final class TestBundles {

    private TestBundles() {
    }

    /**
     * Writes {@code jar} with {@code headers} (besides {@code Bundle-ManifestVersion: 2}) and
     * {@code classes}: elsewhere first, then moved in at once, so that a watched folder never
     * sees half a jar.
     */
    static Path write(Path jar, Map<String, String> headers, Class<?>... classes) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        headers.forEach(main::putValue);
        Path part = Files.createTempFile("dendrite-test-bundle", ".jar");
        try (OutputStream file = Files.newOutputStream(part); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Class<?> c : classes) {
                String entry = c.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream bytes = c.getClassLoader().getResourceAsStream(entry)) {
                    bytes.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return Files.move(part, jar, StandardCopyOption.ATOMIC_MOVE);
    }
}
