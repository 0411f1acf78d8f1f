package dev.dendrite.tuning;

import dev.dendrite.api.tuning.StudyContext;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.json.Json;
import dev.dendrite.models.AtomicFiles;
import dev.dendrite.options.DataLoadingOptions;
import dev.dendrite.options.TrainingOptions;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study's append-only journal {@code <name>.jsonl}: one JSON object per line, each line written
 * and flushed at once, so a crash loses at most the line being written (a partial last line is
 * ignored when read, and cut off before appending). Events, by their {@code event} field:
 * <ul>
 *   <li>{@code study} (first line): {@code format} "dendrite-study", {@code version} 1, {@code name},
 *       {@code created}, {@code settings} (an object; its {@code base} is the trials' base request
 *       by option name, as {@link TrainingOptions#describe} writes it), {@code metric},
 *       {@code higherIsBetter};</li>
 *   <li>{@code resumed}: {@code time}, {@code trials} and {@code totalEpochs} now in force;</li>
 *   <li>{@code started}: {@code trial} number, {@code parameters} (an object; numbers of uniform and
 *       loguniform parameters always with a '.' or exponent, int parameters without), {@code budget}
 *       epochs, {@code visible} (the proposal saw the outcomes of trials 0 … visible−1), {@code seed},
 *       {@code time};</li>
 *   <li>{@code epoch}: {@code trial}, {@code epoch}, {@code value} (the objective, null for NaN);</li>
 *   <li>{@code finished}: {@code trial}, {@code state} (COMPLETE, PRUNED, FAILED), {@code value},
 *       {@code values} (per epoch), {@code message}, {@code time}.</li>
 * </ul>
 * A trial started but not finished was running when the process stopped (or the study was
 * interrupted): it is trained again, and its new {@code started} line replaces the old one.
 * Journals written before the settings had {@code task}, {@code scaling} and {@code base} read as
 * detected task, default scaling and the default request, which is what they ran with.
 *
 * <p>One process at a time writes a journal: {@link JournalStorage} holds the study's
 * {@link StudyLock} while it does; {@link JournalReader} reads one without the lock.
 *
 * <p>The file is written through a {@link FileOutputStream}, not an interruptible channel: an
 * interrupt of a trial's thread (the study stopping) must not close the journal mid-study.
 */
final class Journal implements TrialLog {
    static final String EXTENSION = ".jsonl";
    static final String FORMAT = "dendrite-study";

    private final OutputStream out;
    private boolean closed;

    private Journal(OutputStream out) {
        this.out = out;
    }

    /** What a journal holds. {@code visible.get(n)} is trial n's {@code visible}. */
    record Contents(StudySettings settings, String metric, boolean higherIsBetter, List<TrialRecord> trials, List<Integer> visible) {
    }

    /** Creates the journal of a new study (the file must not exist). */
    static Journal create(Path file, StudySettings settings, String metric, boolean higherIsBetter) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.createFile(file);
            Journal journal = new Journal(new FileOutputStream(file.toFile(), true));
            journal.write(header(settings, metric, higherIsBetter));
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create study journal " + file + ": " + reason(e), e);
        }
    }

    /** The {@code study} event, the journal's first line (also the header of a study kept in a database). */
    static Map<String, Object> header(StudySettings settings, String metric, boolean higherIsBetter) {
        Map<String, Object> e = event("study");
        e.put("format", FORMAT);
        e.put("version", 1L);
        e.put("name", settings.name());
        e.put("created", Instant.now().toString());
        e.put("settings", settingsMap(settings));
        e.put("metric", metric);
        e.put("higherIsBetter", higherIsBetter);
        return e;
    }

    /**
     * Writes {@code contents} as a journal, atomically: its study line under the name
     * {@code name}, each trial's started line and, when it finished, its finished line.
     */
    static void write(Path file, String name, Contents contents) {
        StudySettings settings = contents.settings().toBuilder().name(name).build();
        AtomicFiles.write(file, out -> {
            Journal journal = new Journal(out);
            journal.write(header(settings, contents.metric(), contents.higherIsBetter()));
            for (TrialRecord t : contents.trials()) {
                journal.started(t, contents.visible().get(t.number()), StudyContext.trialSeed(settings.seed(), t.number()));
                if (t.finished()) {
                    journal.finished(t);
                }
            }
        });
    }

    /** Opens an existing journal for appending, cutting off a partial last line. */
    static Journal append(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            if (end < bytes.length) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(end);
                }
            }
            return new Journal(new FileOutputStream(file.toFile(), true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open study journal " + file + ": " + reason(e), e);
        }
    }

    @Override
    public void resumed(int trials, long totalEpochs) {
        Map<String, Object> e = event("resumed");
        e.put("trials", (long) trials);
        e.put("totalEpochs", totalEpochs);
        write(e);
    }

    @Override
    public void started(TrialRecord trial, int visible, long seed) {
        Map<String, Object> e = event("started");
        e.put("trial", (long) trial.number());
        e.put("parameters", new LinkedHashMap<>(trial.parameters()));
        e.put("budget", (long) trial.budget());
        e.put("visible", (long) visible);
        e.put("seed", seed);
        write(e);
    }

    @Override
    public void epoch(int trial, int epoch, double value) {
        Map<String, Object> e = event("epoch");
        e.put("trial", (long) trial);
        e.put("epoch", (long) epoch);
        e.put("value", number(value));
        write(e);
    }

    @Override
    public void finished(TrialRecord trial) {
        Map<String, Object> e = event("finished");
        e.put("trial", (long) trial.number());
        e.put("state", trial.state().name());
        e.put("value", number(trial.value()));
        e.put("values", trial.values().stream().map(Journal::number).toList());
        e.put("message", trial.message());
        write(e);
    }

    /** Writes one line and flushes it; after {@link #close()} lines are dropped (a stopped process writes nothing). */
    private synchronized void write(Map<String, Object> event) {
        if (closed) {
            return;
        }
        if (!event.containsKey("time") && !event.get("event").equals("study")) {
            event.put("time", Instant.now().toString());
        }
        try {
            out.write((Json.write(event) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the study journal: " + reason(e), e);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The settings as the journal writes them (and as resuming compares them): JSON values only. */
    static Map<String, Object> settingsMap(StudySettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.putAll(s.identity());
        m.put("table", new LinkedHashMap<String, Object>(DataLoadingOptions.describe(s.table())));
        m.put("base", new LinkedHashMap<String, Object>(TrainingOptions.describe(s.base())));
        m.put("trials", (long) s.trials());
        m.put("totalEpochs", s.totalEpochs());
        m.replaceAll((k, v) -> v instanceof Integer i ? Long.valueOf(i) : v);
        return m;
    }

    /**
     * Why a file operation failed, in words: {@code the file exists already} for
     * {@link FileAlreadyExistsException}, whose message is only the path; otherwise the
     * exception's kind and message.
     */
    static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException) {
            return "the file exists already (" + e.getMessage() + ")";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied (" + e.getMessage() + ")";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder (" + e.getMessage() + ")";
        }
        return e.getClass().getSimpleName() + " " + e.getMessage();
    }

    private static Map<String, Object> event(String kind) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("event", kind);
        return e;
    }

    private static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
