package dev.dendrite.tuning;

import dev.dendrite.api.data.Task;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialState;
import dev.dendrite.json.Json;
import dev.dendrite.options.TrainingOptions;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * <p>The file is written through a {@link FileOutputStream}, not an interruptible channel: an
 * interrupt of a trial's thread (the study stopping) must not close the journal mid-study.
 */
final class Journal implements AutoCloseable {
    static final String EXTENSION = ".jsonl";
    private static final String FORMAT = "dendrite-study";

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
            Map<String, Object> e = event("study");
            e.put("format", FORMAT);
            e.put("version", 1L);
            e.put("name", settings.name());
            e.put("created", Instant.now().toString());
            e.put("settings", settingsMap(settings));
            e.put("metric", metric);
            e.put("higherIsBetter", higherIsBetter);
            journal.write(e);
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create study journal " + file + ": " + e.getMessage(), e);
        }
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
            throw new UncheckedIOException("cannot open study journal " + file + ": " + e.getMessage(), e);
        }
    }

    void resumed(int trials, long totalEpochs) {
        Map<String, Object> e = event("resumed");
        e.put("trials", (long) trials);
        e.put("totalEpochs", totalEpochs);
        write(e);
    }

    void started(TrialRecord trial, int visible, long seed) {
        Map<String, Object> e = event("started");
        e.put("trial", (long) trial.number());
        e.put("parameters", new LinkedHashMap<>(trial.parameters()));
        e.put("budget", (long) trial.budget());
        e.put("visible", (long) visible);
        e.put("seed", seed);
        write(e);
    }

    void epoch(int trial, int epoch, double value) {
        Map<String, Object> e = event("epoch");
        e.put("trial", (long) trial);
        e.put("epoch", (long) epoch);
        e.put("value", number(value));
        write(e);
    }

    void finished(TrialRecord trial) {
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
            throw new UncheckedIOException("cannot write the study journal: " + e.getMessage(), e);
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

    /** Reads a journal; a partial last line is ignored. */
    static Contents read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read study journal " + file + ": " + e.getMessage(), e);
        }
        String[] lines = text.split("\n", -1);
        StudySettings settings = null;
        String metric = null;
        boolean higher = true;
        List<TrialRecord> trials = new ArrayList<>();
        List<Integer> visible = new ArrayList<>();
        for (int i = 0; i < lines.length - 1; i++) { // the last element follows the last '\n': empty or partial
            String where = "study journal " + file + ", line " + (i + 1);
            try {
                Map<String, Object> e = object(Json.parse(lines[i]), "the line");
                String kind = string(e, "event");
                if (i == 0 != kind.equals("study")) {
                    throw new IllegalArgumentException(i == 0 ? "expected the study event first" : "a second study event");
                }
                switch (kind) {
                    case "study" -> {
                        if (!FORMAT.equals(e.get("format")) || !Long.valueOf(1).equals(e.get("version"))) {
                            throw new IllegalArgumentException("not a dendrite-study journal of version 1");
                        }
                        settings = settings(object(e.get("settings"), "settings"));
                        metric = string(e, "metric");
                        higher = Boolean.TRUE.equals(e.get("higherIsBetter"));
                    }
                    case "resumed" -> settings = limits(settings.toBuilder(), (int) integer(e, "trials"), integer(e, "totalEpochs")).build();
                    case "started" -> {
                        int n = (int) integer(e, "trial");
                        TrialRecord t = TrialRecord.running(n, object(e.get("parameters"), "parameters"), (int) integer(e, "budget"));
                        if (n == trials.size()) {
                            trials.add(t);
                            visible.add((int) integer(e, "visible"));
                        } else if (n < trials.size() && !trials.get(n).finished()) {
                            trials.set(n, t);
                        } else {
                            throw new IllegalArgumentException("trial " + n + " started out of order");
                        }
                    }
                    case "epoch" -> integer(e, "trial");
                    case "finished" -> {
                        int n = (int) integer(e, "trial");
                        if (n >= trials.size() || trials.get(n).finished()) {
                            throw new IllegalArgumentException("trial " + n + " finished but not running");
                        }
                        TrialRecord t = trials.get(n);
                        List<Double> values = new ArrayList<>();
                        for (Object v : (List<?>) e.get("values")) {
                            values.add(v == null ? Double.NaN : ((Number) v).doubleValue());
                        }
                        Object value = e.get("value");
                        trials.set(n, new TrialRecord(n, t.parameters(), t.budget(), TrialState.valueOf(string(e, "state")),
                                value == null ? Double.NaN : ((Number) value).doubleValue(), values, (String) e.get("message")));
                    }
                    default -> throw new IllegalArgumentException("unknown event '" + kind + "'");
                }
            } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        if (settings == null) {
            throw new IllegalArgumentException("study journal " + file + " is empty");
        }
        return new Contents(settings, metric, higher, trials, visible);
    }

    /** The settings as the journal writes them (and as resuming compares them): JSON values only. */
    static Map<String, Object> settingsMap(StudySettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.putAll(s.identity());
        m.put("base", new LinkedHashMap<String, Object>(TrainingOptions.describe(s.base())));
        m.put("trials", (long) s.trials());
        m.put("totalEpochs", s.totalEpochs());
        m.replaceAll((k, v) -> v instanceof Integer i ? Long.valueOf(i) : v);
        return m;
    }

    private static StudySettings settings(Map<String, Object> m) {
        Map<String, String> options = new LinkedHashMap<>();
        object(m.get("options"), "options").forEach((k, v) -> options.put(k, (String) v));
        StudySettings.Builder b = StudySettings.builder(string(m, "dataset"), string(m, "space"))
                .name((String) m.get("name")).target((String) m.get("target"))
                .validation(((Number) m.get("validation")).doubleValue()).scaling((String) m.get("scaling"))
                .strategy(string(m, "strategy")).options(options).epochs((int) integer(m, "epochs")).seed(integer(m, "seed"))
                .metric((String) m.get("metric")).pruner(string(m, "pruner")).lag((int) integer(m, "lag")).parallel(1);
        if (m.get("task") instanceof String task) {
            b.task(Task.valueOf(task.toUpperCase(Locale.ROOT)));
        }
        int folds = (int) integer(m, "folds");
        if (folds > 0) {
            b.folds(folds);
        }
        if (m.containsKey("base")) {
            TrainingRequest.Builder base = TrainingRequest.builder();
            object(m.get("base"), "base").forEach((name, text) -> TrainingOptions.set(name, (String) text, base));
            b.base(base.build());
        }
        return limits(b, (int) integer(m, "trials"), integer(m, "totalEpochs")).build();
    }

    /** Sets the trials and the epoch limit (0: none) that a study line or a resumed line holds. */
    private static StudySettings.Builder limits(StudySettings.Builder b, int trials, long totalEpochs) {
        b.trials(trials);
        return totalEpochs > 0 ? b.totalEpochs(totalEpochs) : b.noEpochLimit();
    }

    private static Map<String, Object> event(String kind) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("event", kind);
        return e;
    }

    private static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object v, String what) {
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
        return (Map<String, Object>) v;
    }

    private static String string(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof String s)) {
            throw new IllegalArgumentException("field " + key + " is missing or not a string");
        }
        return s;
    }

    private static long integer(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof Long l)) {
            throw new IllegalArgumentException("field " + key + " is missing or not an integer");
        }
        return l;
    }
}
