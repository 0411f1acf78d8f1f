package dev.dendrite.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkStorageTest {

    @TempDir
    Path cache;

    private Path storage(long pid, String started) throws Exception {
        Path folder = Files.createDirectories(cache.resolve(String.valueOf(pid)).resolve("bundle0"));
        if (started != null) {
            Files.writeString(folder.getParent().resolve(FrameworkStorage.STARTED), started);
        }
        return folder.getParent();
    }

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().orElseThrow().toString();
    }

    @Test
    void theStorageOfADeadProcessIsRemovedAndThatOfALiveOneKept() throws Exception {
        Path stale = storage(deadPid(), null);
        Path live = storage(ProcessHandle.current().pid(), startOf(ProcessHandle.current()));

        new FrameworkStorage(cache).removeStale();

        assertFalse(Files.exists(stale), "stale storage of a dead process");
        assertTrue(Files.exists(live.resolve("bundle0")), "storage of a live process");
    }

    @Test
    void aStorageWhosePidANewerProcessTookIsRemoved() throws Exception {
        Path reused = storage(ProcessHandle.current().pid(), Instant.parse("2020-01-01T00:00:00Z").toString());

        new FrameworkStorage(cache).removeStale();

        assertFalse(Files.exists(reused));
    }

    @Test
    void anUnmarkedStorageOfANonJavaProcessIsRemovedAndOfAJavaProcessKept() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            Path other = storage(sleep.pid(), null);
            Path starting = storage(ProcessHandle.current().pid(), null);

            new FrameworkStorage(cache).removeStale();

            assertFalse(Files.exists(other), "storage of a pid now running sleep");
            assertTrue(Files.exists(starting), "storage of a Java process without its marker yet");
        } finally {
            sleep.destroy();
        }
    }

    @Test
    void foldersThatAreNoStoragesAreLeftAlone() throws Exception {
        Path other = Files.createDirectories(cache.resolve("notes"));

        new FrameworkStorage(cache).removeStale();

        assertTrue(Files.exists(other));
    }
}
