package dev.dendrite.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study lock between two users in this JVM and between this JVM and another process. */
class StudyLockTest {
    private static final String HOLDER = "study rr is in use by process %d on host [^ ]+ since \\d\\d:\\d\\d:\\d\\d \\(lock %s\\);"
            + " wait for it or use another --study name";

    @TempDir
    Path folder;

    private static void assertRefusal(long pid, Path file, String message) {
        assertTrue(Pattern.matches(String.format(HOLDER, pid, Pattern.quote(file.toString())), message), message);
    }

    @Test
    void aSecondUserInThisJvmIsRefusedNamingThisProcessUntilTheFirstCloses() {
        Path file = folder.resolve("rr.lock");
        try (StudyLock first = StudyLock.acquire(file, "rr")) {
            assertRefusal(ProcessHandle.current().pid(), file,
                    assertThrows(IllegalStateException.class, () -> StudyLock.acquire(file, "rr")).getMessage());
        }
        StudyLock.acquire(file, "rr").close();
    }

    @Test
    void anotherProcessIsRefusedWhileThisOneHoldsTheLockEvenAfterARefusalHere() throws Exception {
        Path file = folder.resolve("rr.lock");
        try (StudyLock held = StudyLock.acquire(file, "rr")) {
            assertThrows(IllegalStateException.class, () -> StudyLock.acquire(file, "rr"));
            Process other = holder(file);
            String answer = firstLine(other);
            assertTrue(other.waitFor(30, TimeUnit.SECONDS));
            assertRefusal(ProcessHandle.current().pid(), file, answer);
        }
    }

    @Test
    void aLockOfAnotherProcessIsRefusedNamingItAndGoesWhenItIsKilled() throws Exception {
        Path file = folder.resolve("rr.lock");
        Process other = holder(file);
        try {
            assertEquals("locked", firstLine(other));
            assertRefusal(other.pid(), file, assertThrows(IllegalStateException.class, () -> StudyLock.acquire(file, "rr")).getMessage());
        } finally {
            other.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: the operating system drops the lock
        }
        StudyLock.acquire(file, "rr").close();
    }

    /** A child JVM running {@link LockHolder} on {@code file}. */
    private static Process holder(Path file) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), file.toString(), "rr")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String firstLine(Process p) throws IOException {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }
}
