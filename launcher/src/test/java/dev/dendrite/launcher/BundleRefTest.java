package dev.dendrite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BundleRefTest {

    private static final Path REPO = Path.of("system");

    @Test
    void mapsAMavenUrlToTheRepositoryLayout() {
        assertEquals(REPO.resolve("org/apache/felix/org.apache.felix.scr/2.2.18/org.apache.felix.scr-2.2.18.jar"),
                new BundleRef("mvn:org.apache.felix/org.apache.felix.scr/2.2.18", 12).path(REPO));
    }

    @Test
    void typeAndClassifierChangeTheFileName() {
        assertEquals(REPO.resolve("dev/dendrite/dendrite-features/0.1.0-SNAPSHOT/dendrite-features-0.1.0-SNAPSHOT-features.xml"),
                new BundleRef("mvn:dev.dendrite/dendrite-features/0.1.0-SNAPSHOT/xml/features", 80).path(REPO));
        assertEquals(REPO.resolve("g/a/1/a-1.war"), new BundleRef("mvn:g/a/1/war", 80).path(REPO));
    }

    @Test
    void rejectsWhatIsNotAMavenUrl() {
        for (String url : new String[] {"file:/tmp/a.jar", "mvn:g/a", "mvn:g//1", "mvn:g/a/1/jar/c/extra"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BundleRef(url, 1).path(REPO));
            assertTrue(e.getMessage().startsWith("bad bundle URL '" + url + "'"), e.getMessage());
        }
    }
}
