package dev.dendrite.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The framework storages of a distribution, {@code cache/<pid>}: one per running process, deleted
 * at its exit. A process killed (kill -9) leaves its storage behind; the next start removes it.
 * Each storage holds a marker, {@value #STARTED}, with its process's start instant, so that a
 * storage whose pid a new process has taken since is seen as stale too.
 */
final class FrameworkStorage {

    /** The marker file naming the start instant of the process owning a storage. */
    static final String STARTED = "dendrite.started";

    private final Path cache;

    /** @param cache the folder of the storages, {@code home/cache} */
    FrameworkStorage(Path cache) {
        this.cache = cache;
    }

    /** The storage of the process {@code pid}. */
    Path of(long pid) {
        return cache.resolve(String.valueOf(pid));
    }

    /**
     * Records the current process as the owner of its storage, if the framework made it there (a
     * system property may put it elsewhere); after the framework's init, which cleans the folder.
     */
    void markOwned() throws IOException {
        ProcessHandle self = ProcessHandle.current();
        Optional<Instant> started = self.info().startInstant();
        if (started.isPresent() && Files.isDirectory(of(self.pid()))) {
            Files.writeString(of(self.pid()).resolve(STARTED), started.get().toString());
        }
    }

    /** Deletes the storages whose process is no longer running. */
    void removeStale() throws IOException {
        if (!Files.isDirectory(cache)) {
            return;
        }
        try (Stream<Path> folders = Files.list(cache)) {
            for (Path folder : folders.filter(f -> f.getFileName().toString().matches("\\d{1,18}")).toList()) {
                if (!ownerRuns(folder)) {
                    delete(folder);
                }
            }
        }
    }

    /**
     * Whether the process that owns {@code folder} runs: a live process of that pid, started at
     * the instant the marker names, or, without a marker (a platform still starting), a Java process.
     */
    private static boolean ownerRuns(Path folder) throws IOException {
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(folder.getFileName().toString()));
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        ProcessHandle.Info info = process.get().info();
        Optional<Instant> recorded = recordedStart(folder.resolve(STARTED));
        if (recorded.isPresent() && info.startInstant().isPresent()) {
            return recorded.equals(info.startInstant());
        }
        return info.command().map(command -> command.endsWith("java")).orElse(true);
    }

    private static Optional<Instant> recordedStart(Path marker) throws IOException {
        if (!Files.isRegularFile(marker)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(Files.readString(marker).strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Deletes {@code folder} and everything in it, if it exists. */
    static void delete(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(file);
                }
            }
        }
    }
}
