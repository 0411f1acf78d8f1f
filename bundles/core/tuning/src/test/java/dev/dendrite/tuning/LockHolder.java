package dev.dendrite.tuning;

import java.nio.file.Path;

/**
 * A second process for {@link StudyLockTest}: {@code LockHolder FILE STUDY} takes the study's lock,
 * prints {@code locked} and holds it until its standard input closes (or it is killed); when the
 * lock is taken it prints the refusal and exits.
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (StudyLock lock = StudyLock.acquire(Path.of(args[0]), args[1])) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the parent closes the pipe
            }
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
        }
    }
}
