package dev.dendrite.tuning;

import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.models.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Studies as {@link Journal} files {@code <name>.jsonl} in a folder (which may change while the
 * platform runs). A run or a repair holds the study's {@link StudyLock} {@code <name>.lock}, so
 * a second process is refused, naming the first, instead of appending to the same journal;
 * reading needs no lock. Repairs and exports write whole files through {@link AtomicFiles}.
 */
final class JournalStorage implements StudyStorage {
    private static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Supplier<Path> folder;

    JournalStorage(Supplier<Path> folder) {
        this.folder = folder;
    }

    @Override
    public List<String> names() {
        Path dir = folder.get();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(Journal.EXTENSION))
                    .map(f -> f.substring(0, f.length() - Journal.EXTENSION.length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Path location(String name) {
        StudySettings.checkName(name);
        return folder.get().resolve(name + Journal.EXTENSION);
    }

    @Override
    public String where() {
        return folder.get().toString();
    }

    @Override
    public void put(String name, Journal.Contents contents) {
        Path file = location(name);
        try (StudyLock lock = StudyLock.acquire(file.resolveSibling(name + StudyLock.EXTENSION), name)) {
            if (Files.exists(file)) {
                throw new IllegalArgumentException("study " + name + " exists already: " + file);
            }
            Journal.write(file, name, contents);
        }
    }

    @Override
    public Saved read(String name) {
        Path file = location(name);
        return Files.isRegularFile(file) ? JournalReader.read(file).saved() : null;
    }

    @Override
    public Session open(String name) {
        Path file = location(name);
        StudyLock lock = StudyLock.acquire(file.resolveSibling(name + StudyLock.EXTENSION), name);
        Saved saved = Files.exists(file) ? JournalReader.read(file).saved() : null;
        return new Session() {
            @Override
            public Saved saved() {
                return saved;
            }

            @Override
            public TrialLog create(StudySettings settings, String metric, boolean higherIsBetter) {
                return Journal.create(file, settings, metric, higherIsBetter);
            }

            @Override
            public TrialLog append() {
                return Journal.append(file);
            }

            @Override
            public void close() {
                lock.close();
            }
        };
    }

    @Override
    public Path repair(String name) {
        Path file = location(name);
        try (StudyLock lock = StudyLock.acquire(file.resolveSibling(name + StudyLock.EXTENSION), name)) {
            byte[] bytes = bytes(file);
            JournalReader.Reading reading = valid(name, file, bytes);
            if (reading.saved().problem() == null) {
                throw new IllegalArgumentException("study " + name + " is not damaged: nothing to repair (" + file + ")");
            }
            Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + LocalDateTime.now().format(ASIDE));
            Files.write(aside, bytes, StandardOpenOption.CREATE_NEW);
            AtomicFiles.write(file, out -> out.write(bytes, 0, reading.validLength()));
            return aside;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the damaged journal " + file + " aside: " + Journal.reason(e), e);
        }
    }

    @Override
    public Journal.Contents export(String name, Path file) {
        Path journal = location(name);
        byte[] bytes = bytes(journal);
        JournalReader.Reading reading = valid(name, journal, bytes);
        AtomicFiles.write(file, out -> out.write(bytes, 0, reading.validLength()));
        return reading.saved().contents();
    }

    /** The journal's bytes, as one read. */
    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read study journal " + file + ": " + Journal.reason(e), e);
        }
    }

    /** The reading of {@code bytes}, which must have a valid part to keep. */
    private static JournalReader.Reading valid(String name, Path file, byte[] bytes) {
        JournalReader.Reading reading = JournalReader.read(bytes);
        if (reading.saved().contents() == null) {
            throw new IllegalArgumentException("study " + name + " has nothing valid to keep: " + file + " " + reading.saved().problem());
        }
        return reading;
    }
}
