package dev.dendrite.web;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataService;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.TableOptions;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingInterruptedException;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.run.TrackedRun;
import dev.dendrite.api.run.TrainingRuns;
import dev.dendrite.models.ModelStore;
import dev.dendrite.options.CommandSyntax;
import dev.dendrite.options.DataLoadingOptions;
import dev.dendrite.options.Option;
import dev.dendrite.options.TrainingOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Training runs started over HTTP. A body names the data set and sets options by the names of
 * {@code ml:train}'s options ({@code {"dataset": "xor", "layers": [4, 2], "epochs": 50, "lr": 0.1,
 * "save": "xor-web"}}); each value is read by the option table, so it is refused with the shell's
 * own message. The data set is loaded before the answer, so a missing file is refused then; the
 * run trains on a thread of its own, tracked by {@link TrainingRuns}.
 */
final class WebRuns implements AutoCloseable {
    private static final String DATASET = "dataset";
    private static final String SAVE = "save";
    /** The options whose value is a comma-separated list, which a body may give as an array. */
    private static final Set<String> LISTS = Set.of(TrainingOptions.LAYERS.name(), DataLoadingOptions.CATEGORICAL.name());
    /** Runs training at once; more wait their turn, in state queued. */
    private static final int PARALLEL = 2;

    private final Trainer trainer;
    private final DataService data;
    private final ModelStore models;
    private final TrainingRuns runs;
    private final Map<String, String> saved = new ConcurrentHashMap<>();
    private final ExecutorService executor;

    WebRuns(Trainer trainer, DataService data, ModelStore models, TrainingRuns runs) {
        this.trainer = trainer;
        this.data = data;
        this.models = models;
        this.runs = runs;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(PARALLEL, task -> {
            Thread t = new Thread(task, "dendrite web run " + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The names a body may hold. */
    static Set<String> fields() {
        Set<String> names = new TreeSet<>(Set.of(DATASET, SAVE));
        TrainingOptions.all().forEach(o -> names.add(o.name()));
        DataLoadingOptions.all().forEach(o -> names.add(o.name()));
        return names;
    }

    /** The name of the model a run of this console saved, or null. */
    String savedAs(String runId) {
        return saved.get(runId);
    }

    /**
     * Checks the body, loads the data and starts the run.
     *
     * @throws Problem 400 naming the field and the problem
     */
    TrackedRun start(Object body) {
        if (!(body instanceof Map<?, ?> map)) {
            throw Problem.badRequest("the body must be a JSON object such as {\"dataset\": \"xor\", \"epochs\": 50}");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) map;
        Set<String> known = fields();
        for (String name : fields.keySet()) {
            if (!known.contains(name)) {
                String nearest = CommandSyntax.nearest(name, known);
                throw Problem.badRequest("unknown field '" + name + "'" + (nearest != null ? "; did you mean '" + nearest + "'?" : "")
                        + " (the fields are dataset, save and ml:train's options)");
            }
        }
        Object dataset = fields.get(DATASET);
        if (!(dataset instanceof String name) || name.isBlank()) {
            throw Problem.badRequest("field 'dataset' must be a string: a built-in data set, a CSV file or an IDX images file"
                    + (dataset == null ? " (it is missing)" : ", got " + HttpJson.kind(dataset)));
        }
        String save = fields.containsKey(SAVE) ? text(SAVE, fields.get(SAVE)) : null;
        if (save != null) {
            try {
                ModelStore.checkName(save);
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest("--save: " + e.getMessage());
            }
        }
        TrainingRequest request = request(fields);
        DataOptions options = dataOptions(fields, request.seed());
        DataSplit split;
        try {
            split = data.load(name, options);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw Problem.badRequest(e.getMessage());
        }
        TrackedRun run = runs.open(name, request, "web");
        executor.execute(() -> train(run, request, split, save));
        return run;
    }

    /** Trains, and saves the model (or the last completed epoch's, when stopped) before the run is seen as over. */
    private void train(TrackedRun run, TrainingRequest request, DataSplit split, String save) {
        try {
            run.execute(listener -> {
                try {
                    TrainingResult result = trainer.train(request, split, listener);
                    save(run, save, result);
                    return result;
                } catch (TrainingInterruptedException e) {
                    save(run, save, e.partial());
                    throw e;
                }
            });
        } catch (RuntimeException e) {
            // the run recorded why it ended; GET /api/runs/{id} shows it
        }
    }

    private void save(TrackedRun run, String name, TrainingResult result) {
        if (name != null && result != null) {
            models.save(name, result.model());
            saved.put(run.id(), name);
        }
    }

    private static TrainingRequest request(Map<String, Object> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (var option : TrainingOptions.all()) {
            if (fields.containsKey(option.name())) {
                values.put(option.name(), text(option.name(), fields.get(option.name())));
            }
        }
        TrainingRequest.Builder builder = TrainingRequest.builder();
        try {
            TrainingOptions.set(values, builder);
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        }
    }

    private static DataOptions dataOptions(Map<String, Object> fields, long seed) {
        try {
            TableOptions table = new TableOptions(read(DataLoadingOptions.DELIMITER, fields), read(DataLoadingOptions.MISSING, fields),
                    read(DataLoadingOptions.CATEGORICAL, fields), read(DataLoadingOptions.UNSEEN, fields));
            return new DataOptions(read(DataLoadingOptions.TARGET, fields), orElse(read(DataLoadingOptions.VAL, fields),
                    DataLoadingOptions.DEFAULT_VALIDATION), seed, read(DataLoadingOptions.TASK, fields),
                    read(DataLoadingOptions.SCALING, fields), table);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        }
    }

    private static <T> T read(Option<T> option, Map<String, Object> fields) {
        return fields.containsKey(option.name()) ? option.read(text(option.name(), fields.get(option.name()))) : null;
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /**
     * A field's value as the text its option reads: a string or number as written, an array of
     * for {@code layers} and {@code categorical} comma-separated ({@code "layers": [64, 32]}), an object for {@code hp} as {@code k=v,…}
     * ({@code "hp": {"momentum": 0.9}}).
     */
    private static String text(String field, Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (LISTS.contains(field) && value instanceof List<?> list && list.stream().allMatch(WebRuns::scalar)) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (field.equals(TrainingOptions.HP.name()) && value instanceof Map<?, ?> map && map.values().stream().allMatch(WebRuns::scalar)) {
            return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        }
        throw Problem.badRequest("field '" + field + "' must be a string or a number"
                + (LISTS.contains(field) ? " or an array" : field.equals(TrainingOptions.HP.name()) ? " or an object of numbers" : "")
                + ", got " + HttpJson.kind(value));
    }

    private static boolean scalar(Object value) {
        return value instanceof String || value instanceof Number;
    }

    /**
     * Stops a run.
     *
     * @throws Problem 404 for an unknown run, 409 for one that has finished
     */
    TrackedRun stop(String id) {
        TrackedRun run = run(id);
        if (!run.stop()) {
            throw new Problem(409, "run " + id + " has finished (" + run.state().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (!run.state().finished() && run.state() != dev.dendrite.api.run.RunState.QUEUED && System.currentTimeMillis() < deadline) {
            try {
                run.awaitEpochs(Integer.MAX_VALUE - 1, 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return run;
    }

    /** @throws Problem 404 for an unknown run */
    TrackedRun run(String id) {
        return runs.get(id).orElseThrow(() -> Problem.notFound("no run " + id + " (GET /api/runs lists them)"));
    }

    List<TrackedRun> list() {
        return runs.list();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
