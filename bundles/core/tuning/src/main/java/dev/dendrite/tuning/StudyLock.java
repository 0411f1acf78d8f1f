package dev.dendrite.tuning;

import dev.dendrite.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One process's exclusive use of a study: an OS lock ({@link FileChannel#tryLock()}) on a lock
 * file next to the journal, held from before the journal is created or resumed until the run
 * ends. The operating system drops the lock when the process dies, kill -9 included, so a crashed
 * run never leaves a study locked. The holder writes who it is into the file ({@code pid},
 * {@code host}, {@code since}), so a second process is refused with a message naming it.
 *
 * <p>The lock is per process, and on POSIX systems closing <em>any</em> channel of the file
 * releases all the process's locks on it. So a study locked in this JVM is refused from the
 * {@link #HELD} table without opening the file at all (which also avoids the
 * {@link java.nio.channels.OverlappingFileLockException} {@code tryLock} throws within one JVM).
 */
final class StudyLock implements AutoCloseable {
    static final String EXTENSION = ".lock";

    /** The lock files this JVM holds, absolute, with their holders' descriptions. */
    private static final Map<Path, Map<String, Object>> HELD = new ConcurrentHashMap<>();

    private final Path file;
    private final FileChannel channel;

    private StudyLock(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Takes the study's lock, or refuses at once.
     *
     * @param file  the lock file ({@code <name>.lock}; created when missing, never deleted)
     * @param study the study's name, for the message
     * @throws IllegalStateException naming the holder, e.g. {@code study rr is in use by process 12345 on host h
     *                               since 08:12:03 (lock …/rr.lock); wait for it or use another --study name}
     * @throws UncheckedIOException  when the lock file cannot be created or written
     */
    static StudyLock acquire(Path file, String study) {
        Path key = file.toAbsolutePath().normalize();
        Map<String, Object> me = holder();
        Map<String, Object> other = HELD.putIfAbsent(key, me);
        if (other != null) {
            throw inUse(study, key, other);
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(key.getParent());
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                throw inUse(study, key, read(channel));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((Json.write(me) + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new StudyLock(key, channel);
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            closeQuietly(channel, e);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot lock study " + study + " with " + key + ": " + Journal.reason(io), io);
            }
            throw (RuntimeException) e;
        }
    }

    private static void closeQuietly(FileChannel channel, Exception failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * Releases the lock, emptying the file first when it can (the file stays: deleting it would
     * race with a new holder). An interrupted thread cannot write the file; closing the channel
     * releases the lock all the same.
     */
    @Override
    public void close() {
        try {
            channel.truncate(0);
        } catch (IOException e) {
            // interrupted (the channel is closed already) or the disk failed: the holder's line stays, unlocked
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release the lock " + file + ": " + e.getMessage(), e);
            } finally {
                HELD.remove(file); // only now: another thread of this JVM must not reach the file while this channel holds it
            }
        }
    }

    /** This process: {@code pid}, {@code host}, {@code since} (an ISO instant). */
    private static Map<String, Object> holder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", ProcessHandle.current().pid());
        m.put("host", host());
        m.put("since", Instant.now().toString());
        return m;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return ManagementFactory.getRuntimeMXBean().getName().replaceFirst("^\\d+@", "");
        }
    }

    /** The holder the file names, or an empty map when it has not written itself yet (or wrote something else). */
    private static Map<String, Object> read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(buffer, 0);
        try {
            Object parsed = Json.parse(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip());
            if (parsed instanceof Map<?, ?> map) {
                Map<String, Object> m = new LinkedHashMap<>();
                map.forEach((k, v) -> m.put((String) k, v));
                return m;
            }
        } catch (IllegalArgumentException e) {
            // a holder that has taken the lock but not yet written itself
        }
        return Map.of();
    }

    private static IllegalStateException inUse(String study, Path file, Map<String, Object> holder) {
        String who = holder.get("pid") == null ? "another process" : "process " + holder.get("pid");
        if (holder.get("host") != null) {
            who += " on host " + holder.get("host");
        }
        if (holder.get("since") instanceof String since) {
            who += " since " + since(since);
        }
        return new IllegalStateException("study " + study + " is in use by " + who + " (lock " + file
                + "); wait for it or use another --study name");
    }

    /** {@code 08:12:03} when {@code since} is today (local time), else {@code 2026-11-29 08:12:03}. */
    private static String since(String instant) {
        try {
            LocalDateTime t = LocalDateTime.ofInstant(Instant.parse(instant), ZoneId.systemDefault());
            return t.format(DateTimeFormatter.ofPattern(t.toLocalDate().equals(LocalDateTime.now().toLocalDate()) ? "HH:mm:ss" : "yyyy-MM-dd HH:mm:ss"));
        } catch (RuntimeException e) {
            return instant;
        }
    }
}
