package dev.dendrite.api.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformHomeTest {

    @Test
    void dendriteHomeFirstThenKarafsDataThenTheWorkingDirectory() {
        assertEquals(Path.of("/opt/dendrite"), PlatformHome.of(Map.of("dendrite.home", "/opt/dendrite", "karaf.data", "/k/data")::get));
        assertEquals(Path.of("/k/data/dendrite"), PlatformHome.of(Map.of("karaf.data", "/k/data")::get));
        assertEquals(Path.of("/k/data/dendrite"), PlatformHome.of(Map.of("dendrite.home", " ", "karaf.data", "/k/data")::get));
        assertEquals(Path.of("").toAbsolutePath(), PlatformHome.of(Map.<String, String>of()::get));
    }
}
