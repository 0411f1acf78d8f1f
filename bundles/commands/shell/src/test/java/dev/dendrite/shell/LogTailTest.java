package dev.dendrite.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
    private static final String LOG = """
            2026-11-30T10:00:00,001 | INFO  | main             | PluginLog                        | dev.dendrite.nn 0.1.0 [20] | activation swish registered
            2026-11-30T10:00:01,002 | WARN  | fileinstall      | fileinstall                      |  [] | bundle did not resolve
            2026-11-30T10:00:02,003 | INFO  | pool-1           | TrialTrainer                     | dev.dendrite.tuning 0.1.0 [25] | trial 0 {lr=1e5} failed
            java.lang.IllegalStateException: diverged
            \tat dev.dendrite.nn.Divergence.check(Divergence.java:10)
            2026-11-30T10:00:03,004 | ERROR | main             | BundleLog                        | dev.dendrite.events 0.1.0 [26] | bundle x: failed
            """;

    @TempDir
    Path dir;

    private Path log() throws IOException {
        return Files.writeString(dir.resolve("dendrite.log"), LOG);
    }

    @Test
    void theLastEntriesKeepTheirStackTraces() throws IOException {
        List<String> entries = LogTail.of(log(), 2, "trace");
        assertEquals(2, entries.size());
        assertTrue(entries.get(0).contains("trial 0 {lr=1e5} failed"), entries.get(0));
        assertEquals(3, entries.get(0).lines().count(), entries.get(0));
        assertTrue(entries.get(0).lines().toList().get(2).contains("Divergence.check"));
        assertTrue(entries.get(1).endsWith("bundle x: failed"));
    }

    @Test
    void aLevelKeepsThatLevelAndAbove() throws IOException {
        List<String> entries = LogTail.of(log(), 10, "warn");
        assertEquals(2, entries.size());
        assertTrue(entries.get(0).contains("| WARN  |"));
        assertTrue(entries.get(1).contains("| ERROR |"));
        assertEquals(4, LogTail.of(log(), 10, "info").size());
        assertEquals(1, LogTail.of(log(), 10, "error").size());
    }

    @Test
    void theFileIsFoundInDendritesFolderElseInKarafs() {
        assertEquals(Path.of("/d/log/dendrite.log"), LogCommand.file("/d/log", "/k/log"));
        assertEquals(Path.of("/k/log/karaf.log"), LogCommand.file(null, "/k/log"));
        assertEquals(null, LogCommand.file(null, null));
    }
}
