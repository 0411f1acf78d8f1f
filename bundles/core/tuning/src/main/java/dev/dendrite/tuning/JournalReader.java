package dev.dendrite.tuning;

import dev.dendrite.api.data.Task;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialState;
import dev.dendrite.json.Json;
import dev.dendrite.options.DataLoadingOptions;
import dev.dendrite.options.TrainingOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@link Journal} line by line as far as it is valid. It needs no lock and never fails on
 * a journal another process is appending to: a last line without its newline (being written, or
 * torn by a crash) is not read. The first line that does not read, or that does not follow from
 * the lines before it (a trial finished twice, as two processes appending to one journal wrote),
 * ends the reading: what came before is kept as the study's valid prefix, and the line is the
 * journal's problem.
 */
final class JournalReader {

    /**
     * A journal as far as it reads.
     *
     * @param saved       what its valid prefix holds, and the problem of the line after it
     *                    (e.g. {@code line 17642: trial 40 finished but not running}; null when every complete line reads)
     * @param validLength the bytes of the valid prefix (complete lines only)
     */
    record Reading(StudyStorage.Saved saved, int validLength) {
    }

    private StudySettings settings;
    private String metric;
    private boolean higher = true;
    private final List<TrialRecord> trials = new ArrayList<>();
    private final List<Integer> visible = new ArrayList<>();

    private JournalReader() {
    }

    /** Reads {@code file}'s complete lines up to the first bad one. */
    static Reading read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new Reading(new StudyStorage.Saved(null, "cannot read the journal: " + e.getClass().getSimpleName() + " " + e.getMessage()), 0);
        }
        return read(bytes);
    }

    /** Reads a journal's bytes' complete lines up to the first bad one. */
    static Reading read(byte[] bytes) {
        return new JournalReader().lines(bytes);
    }

    /**
     * A study line ({@link Journal#header}, e.g. a database's copy of it) with the limits in
     * force: the study's settings, metric and direction, and no trials.
     *
     * @throws IllegalArgumentException when it does not read
     */
    static Journal.Contents header(String line, int trials, long totalEpochs) {
        JournalReader reader = new JournalReader();
        try {
            reader.apply(object(Json.parse(line), "the header"), true);
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("the study's header does not read: " + e.getMessage(), e);
        }
        return new Journal.Contents(limits(reader.settings.toBuilder(), trials, totalEpochs).build(), reader.metric, reader.higher,
                List.of(), List.of());
    }

    private Reading lines(byte[] bytes) {
        int start = 0;
        int line = 1;
        for (int end = indexOf(bytes, start); end >= 0; end = indexOf(bytes, start), line++) {
            try {
                apply(object(Json.parse(new String(bytes, start, end - start, StandardCharsets.UTF_8)), "the line"), line == 1);
            } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
                return reading("line " + line + ": " + e.getMessage(), start);
            }
            start = end + 1;
        }
        return reading(settings == null ? "the journal is empty" : null, start);
    }

    private Reading reading(String problem, int validLength) {
        Journal.Contents contents = settings == null ? null : new Journal.Contents(settings, metric, higher, List.copyOf(trials), List.copyOf(visible));
        return new Reading(new StudyStorage.Saved(contents, problem), validLength);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Applies one event; throws, changing nothing, when it does not read or does not follow. */
    private void apply(Map<String, Object> e, boolean first) {
        String kind = string(e, "event");
        if (first != kind.equals("study")) {
            throw new IllegalArgumentException(first ? "expected the study event first" : "a second study event");
        }
        switch (kind) {
            case "study" -> {
                if (!Journal.FORMAT.equals(e.get("format")) || !Long.valueOf(1).equals(e.get("version"))) {
                    throw new IllegalArgumentException("not a dendrite-study journal of version 1");
                }
                StudySettings read = settings(object(e.get("settings"), "settings"));
                metric = string(e, "metric");
                higher = Boolean.TRUE.equals(e.get("higherIsBetter"));
                settings = read;
            }
            case "resumed" -> settings = limits(settings.toBuilder(), (int) integer(e, "trials"), integer(e, "totalEpochs")).build();
            case "started" -> {
                int n = (int) integer(e, "trial");
                TrialRecord t = TrialRecord.running(n, object(e.get("parameters"), "parameters"), (int) integer(e, "budget"));
                int seen = (int) integer(e, "visible");
                if (n == trials.size()) {
                    trials.add(t);
                    visible.add(seen);
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
        if (m.containsKey("table")) {
            Map<String, String> table = new LinkedHashMap<>();
            object(m.get("table"), "table").forEach((k, v) -> table.put(k, (String) v));
            b.table(DataLoadingOptions.table(table));
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
