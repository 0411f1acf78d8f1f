package dev.dendrite.models;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file all at once or not at all: the content goes to a new temporary file
 * {@code .<file name>.<random>.tmp} in the target's folder, is forced to the disk, and is then
 * renamed over the target with {@code ATOMIC_MOVE}. A reader, or the file system after a crash,
 * sees the previous content or the new one, never a mix. When the content or the disk fails,
 * the temporary file is deleted and the target is left as it was.
 */
public final class AtomicFiles {

    /** Writes a file's content to a stream (which the caller closes). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with what {@code content} writes, creating missing parent folders.
     *
     * @throws UncheckedIOException when the file system fails (the message names the target);
     *                              exceptions of {@code content} itself pass through unchanged
     */
    public static void write(Path target, Content content) {
        Path file = target.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = createTemp(file);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the write already failed; its exception is the one to report
                }
            }
        }
    }

    /** A new empty file beside {@code file}, with the default permissions (unlike Files.createTempFile's owner-only ones). */
    private static Path createTemp(Path file) throws IOException {
        while (true) {
            String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path temp = file.resolveSibling("." + file.getFileName() + "." + suffix + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException taken) {
                // another writer's name: draw again
            }
        }
    }
}
