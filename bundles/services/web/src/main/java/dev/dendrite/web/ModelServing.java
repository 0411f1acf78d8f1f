package dev.dendrite.web;

import dev.dendrite.api.data.FeatureColumn;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Model;
import dev.dendrite.api.nn.Predictor;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.models.ModelStore;
import dev.dendrite.models.Predictions;
import dev.dendrite.options.CommandSyntax;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Saved models served for prediction. A loaded model is kept with its file's identity (file key,
 * modification time, size): the next request after the file was replaced — {@code --save}
 * replaces it atomically, so its identity changes — loads the new one. Thread safe: each loaded
 * model has a {@link Predictor}, whose networks are built once and lent to one request at a time,
 * so a request allocates its input and output matrices and its JSON, not the network; columns are
 * found through maps made once per loaded model.
 */
final class ModelServing {

    /**
     * A model with the identity of the file it was read from, and where each file column's
     * features start among the inputs (a categorical column has one per category).
     */
    private record Loaded(Object fileKey, FileTime modified, long size, Model model, Predictor predictor, Map<String, Integer> columns,
                          int[] offsets, List<Map<String, Integer>> categories) {
        boolean isFile(BasicFileAttributes a) {
            return Objects.equals(fileKey, a.fileKey()) && modified.equals(a.lastModifiedTime()) && size == a.size();
        }
    }

    private final ModelStore store;
    private final Trainer trainer;
    private final Map<String, Loaded> cache = new ConcurrentHashMap<>();

    ModelServing(ModelStore store, Trainer trainer) {
        this.store = store;
        this.trainer = trainer;
    }

    /**
     * The model of that name, from the cache while its file is unchanged.
     *
     * @throws Problem 400 for a name that is not a model name (a path, {@code ..}), 404 for no such model
     */
    Model model(String name) {
        return loaded(name).model();
    }

    private Loaded loaded(String name) {
        try {
            ModelStore.checkName(name);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        }
        Path file = store.folder().resolve(name + ModelStore.EXTENSION);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            Loaded gone = cache.remove(name);
            if (gone != null) {
                gone.predictor().close();
            }
            throw Problem.notFound("no model " + name + " in " + store.folder() + " (GET /api/models lists them)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Loaded cached = cache.get(name);
        if (cached != null && cached.isFile(attributes)) {
            return cached;
        }
        Model model;
        try {
            model = store.load(name);
        } catch (IllegalArgumentException e) {
            throw new Problem(500, e.getMessage());
        }
        List<FeatureColumn> columns = model.schema().columns();
        Map<String, Integer> byName = new HashMap<>();
        int[] offsets = new int[columns.size()];
        List<Map<String, Integer>> categories = new ArrayList<>();
        int offset = 0;
        for (int c = 0; c < columns.size(); c++) {
            FeatureColumn column = columns.get(c);
            byName.put(column.name(), c);
            offsets[c] = offset;
            offset += column.featureNames().size();
            Map<String, Integer> index = new HashMap<>();
            for (int k = 0; k < column.categories().size(); k++) {
                index.put(column.categories().get(k), k);
            }
            categories.add(Map.copyOf(index));
        }
        Predictor predictor;
        try {
            predictor = trainer.predictor(model);
        } catch (IllegalArgumentException e) {
            throw new Problem(503, "model " + name + " cannot be served: " + e.getMessage());
        }
        Loaded loaded = new Loaded(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size(), model, predictor,
                Map.copyOf(byName), offsets, List.copyOf(categories));
        Loaded replaced = cache.put(name, loaded);
        if (replaced != null) {
            replaced.predictor().close();
        }
        return loaded;
    }

    /**
     * Predicts the rows of {@code {"rows": [{"column": value, …}, …]}}, or, leaner for many rows,
     * {@code {"columns": ["column", …], "rows": [[value, …], …]}}: every column of the file the
     * model was trained on once, a number for a numeric column, a category for a categorical one
     * (one-hot encoded as training did); a column with a fill may be left out or null; the target
     * column may be there too and is ignored.
     *
     * @return {@code {"model": name, "task": …, "predictions": [{"label": …, "probabilities": {class: p}} | {"value": v}]}}
     * @throws Problem 400 naming the row and the missing, unknown or mistyped column
     */
    Map<String, Object> predict(String name, Object body) {
        Loaded loaded = loaded(name);
        Model model = loaded.model();
        List<?> rows = rows(body);
        List<FeatureColumn> columns = model.schema().columns();
        List<String> names = columns.stream().map(FeatureColumn::name).toList();
        int[] given = given(body, loaded, name, names);
        int n = model.inputs();
        int m = rows.size();
        double[] x = new double[n * m];
        boolean[] seen = new boolean[columns.size()];
        for (int j = 0; j < m; j++) {
            java.util.Arrays.fill(seen, false);
            if (given != null) {
                if (!(rows.get(j) instanceof List<?> row) || row.size() != given.length) {
                    throw Problem.badRequest("row " + (j + 1) + " must be an array of " + given.length + " values, one per column, got "
                            + (rows.get(j) instanceof List<?> other ? other.size() + " values" : HttpJson.kind(rows.get(j))));
                }
                for (int k = 0; k < given.length; k++) {
                    int c = given[k];
                    if (c >= 0 && row.get(k) != null) {
                        set(x, m, j, loaded, c, columns.get(c).name(), row.get(k));
                        seen[c] = true;
                    }
                }
            } else {
                if (!(rows.get(j) instanceof Map<?, ?> row)) {
                    throw Problem.badRequest("row " + (j + 1) + " must be an object of column names and values, got "
                            + HttpJson.kind(rows.get(j)));
                }
                for (Map.Entry<?, ?> cell : row.entrySet()) {
                    String column = (String) cell.getKey();
                    Integer c = loaded.columns().get(column);
                    if (c == null) {
                        if (column.equals(model.schema().target())) {
                            continue;
                        }
                        throw Problem.badRequest("row " + (j + 1) + ": " + unknown(column, name, names));
                    }
                    if (cell.getValue() != null) {
                        set(x, m, j, loaded, c, column, cell.getValue());
                        seen[c] = true;
                    }
                }
            }
            for (int c = 0; c < columns.size(); c++) {
                if (!seen[c]) {
                    FeatureColumn column = columns.get(c);
                    if (!column.filled()) {
                        throw Problem.badRequest("row " + (j + 1) + ": missing column '" + column.name() + "' (model " + name + " has "
                                + listed(names) + ")");
                    }
                    int feature = loaded.offsets()[c] + (column.categorical() ? (int) column.fill() : 0);
                    x[feature * m + j] = column.categorical() ? 1 : column.fill();
                }
            }
        }
        Matrix input = Matrix.wrap(n, m, x);
        model.schema().scaling().applyInPlace(input);
        Matrix a;
        try {
            a = loaded.predictor().predict(input);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        } catch (IllegalStateException e) {
            cache.remove(name, loaded); // a plug-in went away: the next request binds the model anew
            loaded.predictor().close();
            throw new Problem(503, "model " + name + ": " + e.getMessage() + "; try again");
        }
        List<Object> predictions = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            Map<String, Object> p = new LinkedHashMap<>();
            if (model.task() == Task.REGRESSION) {
                p.put("value", Predictions.value(model, a, j));
            } else {
                p.put("label", Predictions.label(model, a, j));
                double[] probabilities = Predictions.probabilities(model, a, j);
                Map<String, Object> byClass = new LinkedHashMap<>();
                for (int k = 0; k < probabilities.length; k++) {
                    byClass.put(model.classes().get(k), probabilities[k]);
                }
                p.put("probabilities", byClass);
            }
            predictions.add(p);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("model", name);
        answer.put("task", model.task().name().toLowerCase(java.util.Locale.ROOT));
        answer.put("predictions", predictions);
        return answer;
    }

    /** Sets column {@code c} of row j: a number as it is, a category as a one at its feature. */
    private static void set(double[] x, int m, int j, Loaded loaded, int c, String column, Object value) {
        FeatureColumn definition = loaded.model().schema().columns().get(c);
        int offset = loaded.offsets()[c];
        if (definition.categorical()) {
            Integer k = value instanceof String category ? loaded.categories().get(c).get(category) : null;
            if (k == null) {
                throw Problem.badRequest("row " + (j + 1) + ", column '" + column + "': "
                        + (value instanceof String category ? "unknown category '" + category + "'" : "expected a category, got " + HttpJson.kind(value))
                        + " (known: " + listed(definition.categories()) + ")");
            }
            x[(offset + k) * m + j] = 1;
        } else {
            if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                throw Problem.badRequest("row " + (j + 1) + ", column '" + column + "': expected a number, got " + HttpJson.kind(value));
            }
            x[offset * m + j] = number.doubleValue();
        }
    }

    /** The rows of the body, objects or (under {@code columns}) arrays; the body holds nothing else. */
    private static List<?> rows(Object body) {
        if (!(body instanceof Map<?, ?> map)) {
            throw Problem.badRequest("the body must be a JSON object {\"rows\": [{\"column\": value, …}, …]}"
                    + " or {\"columns\": [names], \"rows\": [[values], …]}");
        }
        for (Object key : map.keySet()) {
            if (!key.equals("rows") && !key.equals("columns")) {
                throw Problem.badRequest("unknown field '" + key + "' (the body holds rows, and columns when the rows are arrays)");
            }
        }
        if (!(map.get("rows") instanceof List<?> rows)) {
            throw Problem.badRequest("field 'rows' must be an array"
                    + (map.containsKey("rows") ? ", got " + HttpJson.kind(map.get("rows")) : " (it is missing)"));
        }
        if (rows.isEmpty()) {
            throw Problem.badRequest("field 'rows' is empty: give at least one row");
        }
        return rows;
    }

    /**
     * For rows given as arrays, the model column of each position of {@code columns} (-1 for the
     * target column, which is ignored); null for rows given as objects.
     *
     * @throws Problem 400 naming an unknown, repeated or missing column
     */
    private static int[] given(Object body, Loaded loaded, String name, List<String> names) {
        Map<?, ?> map = (Map<?, ?>) body;
        if (!map.containsKey("columns")) {
            return null;
        }
        if (!(map.get("columns") instanceof List<?> columns) || !columns.stream().allMatch(c -> c instanceof String)) {
            throw Problem.badRequest("field 'columns' must be an array of column names, got " + HttpJson.kind(map.get("columns")));
        }
        int[] given = new int[columns.size()];
        boolean[] named = new boolean[names.size()];
        for (int k = 0; k < given.length; k++) {
            String column = (String) columns.get(k);
            Integer c = loaded.columns().get(column);
            if (c == null && !column.equals(loaded.model().schema().target())) {
                throw Problem.badRequest("columns: " + unknown(column, name, names));
            }
            if (c != null && named[c]) {
                throw Problem.badRequest("columns: column '" + column + "' is named twice");
            }
            given[k] = c == null ? -1 : c;
            if (c != null) {
                named[c] = true;
            }
        }
        List<FeatureColumn> model = loaded.model().schema().columns();
        for (int c = 0; c < named.length; c++) {
            if (!named[c] && !model.get(c).filled()) {
                throw Problem.badRequest("columns: missing column '" + names.get(c) + "' (model " + name + " has " + listed(names) + ")");
            }
        }
        return given;
    }

    private static String unknown(String column, String model, List<String> names) {
        String nearest = CommandSyntax.nearest(column, names);
        return "unknown column '" + column + "'" + (nearest != null ? "; did you mean '" + nearest + "'?" : "")
                + " (model " + model + " has " + listed(names) + ")";
    }

    private static String listed(List<String> names) {
        return names.size() <= 8 ? String.join(", ", names) : String.join(", ", names.subList(0, 8)) + ", … (" + names.size() + " in all)";
    }
}
