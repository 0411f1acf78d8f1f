package dev.dendrite.models.store;

import dev.dendrite.api.data.DataSchema;
import dev.dendrite.api.data.FeatureColumn;
import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.DenseLayer;
import dev.dendrite.api.nn.Model;
import dev.dendrite.json.Json;
import dev.dendrite.models.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The model file format {@code dendrite-model}, version 2 (version 1 files are read too): UTF-8
 * JSON, two-space indented, one line per weight row. Fields, in this order:
 *
 * <pre>
 * format      "dendrite-model"
 * version     1
 * name        the model's name
 * created     when it was saved, ISO-8601 UTC (e.g. "2026-11-26T10:15:30.123Z")
 * provenance  { string: string } how it was made (plug-ins and bundles, platform, seed, options)
 * loss        the loss it was trained with, e.g. "categorical_crossentropy"
 * schema      features  [n[0] column names, in input order]
 *             target    the target column, or null
 *             task      "classification" or "regression"
 *             classes   [class labels in output order] (empty for regression)
 *             scaling   offset [n[0] numbers], scale [n[0] positive numbers]: x' = (x − offset) / scale
 *             columns   (version 2) [the file columns the features come from, in input order:
 *                       {name, fill: number or null} for a numeric column (one feature),
 *                       {name, categories: [..], fill: category or null} for a one-hot one
 *                       (one feature name=category per category); version 1: numeric columns
 *                       named as the features, no fill]
 * layers      [ L objects, layers[l-1] holding layer l:
 *               activation  g[l]'s name
 *               units       n[l]
 *               inputs      n[l-1]
 *               weights     W[l] as n[l] rows of n[l-1] numbers
 *               bias        b[l] as n[l] numbers ]
 * </pre>
 *
 * <p>Numbers are written with {@link Double#toString(double)}, so they read back bit-identical.
 * A reader refuses another {@code format}, a {@code version} newer than it knows, a feature or
 * column named twice, columns that do not give the features, a missing or
 * mistyped field, and shapes that do not chain (layer 1's inputs = the number of features, layer
 * l's inputs = layer l-1's units, {@code weights} units × inputs, {@code bias} units, the output
 * units = the number of classes, or 1 for two classes with one sigmoid unit). It ignores fields
 * it does not know, so a later version may add fields without breaking older readers; a change
 * that older readers would misread raises the version.
 */
final class ModelFile {
    static final String FORMAT = "dendrite-model";
    static final long VERSION = 2;

    /** A model file's content. */
    record Contents(String name, Instant created, Model model) {
    }

    private ModelFile() {
    }

    /**
     * Writes the file atomically (see {@link AtomicFiles}).
     *
     * @throws IllegalArgumentException for a weight the format cannot hold (NaN, ±Infinity),
     *                                  naming its field; the previous file is kept
     */
    static void write(Path file, Contents contents) {
        Map<String, Object> json = toJson(contents);
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            Json.pretty(json, writer);
            writer.write('\n');
            writer.flush();
        });
    }

    /**
     * Reads and checks a file.
     *
     * @throws IllegalArgumentException for a file that is not a valid model file; the message
     *                                  names the file and the field
     * @throws UncheckedIOException     when the file cannot be read
     */
    static Contents read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("model file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model file " + file + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
        Object json;
        try {
            json = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model file " + file + ": " + e.getMessage(), e);
        }
        return fromJson(Fields.root(file.toString(), json), file.toString());
    }

    private static Map<String, Object> toJson(Contents contents) {
        Model model = contents.model();
        DataSchema schema = model.schema();
        Map<String, Object> scaling = new LinkedHashMap<>();
        scaling.put("offset", numbers(schema.scaling().offset(), 0, schema.featureNames().size()));
        scaling.put("scale", numbers(schema.scaling().scale(), 0, schema.featureNames().size()));
        Map<String, Object> schemaJson = new LinkedHashMap<>();
        schemaJson.put("features", schema.featureNames());
        schemaJson.put("target", schema.target());
        schemaJson.put("task", schema.task().name().toLowerCase(Locale.ROOT));
        schemaJson.put("classes", schema.classes());
        schemaJson.put("scaling", scaling);
        schemaJson.put("columns", schema.columns().stream().map(ModelFile::column).toList());
        List<Object> layers = new ArrayList<>();
        for (DenseLayer layer : model.layers()) {
            Matrix w = layer.weights();
            List<Object> rows = new ArrayList<>();
            for (int r = 0; r < w.rows(); r++) {
                rows.add(numbers(w.data(), r * w.cols(), (r + 1) * w.cols()));
            }
            Map<String, Object> layerJson = new LinkedHashMap<>();
            layerJson.put("activation", layer.activation());
            layerJson.put("units", (long) w.rows());
            layerJson.put("inputs", (long) w.cols());
            layerJson.put("weights", rows);
            layerJson.put("bias", numbers(layer.bias().data(), 0, w.rows()));
            layers.add(layerJson);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("version", VERSION);
        json.put("name", contents.name());
        json.put("created", contents.created().toString());
        json.put("provenance", model.provenance());
        json.put("loss", model.loss());
        json.put("schema", schemaJson);
        json.put("layers", layers);
        return json;
    }

    /** {@code {"name": …, "fill": number or null}}, or for a categorical column {@code {"name", "categories", "fill": category or null}}. */
    private static Map<String, Object> column(FeatureColumn column) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", column.name());
        if (column.categorical()) {
            json.put("categories", column.categories());
            json.put("fill", column.filled() ? column.categories().get((int) column.fill()) : null);
        } else {
            json.put("fill", column.filled() ? (Object) column.fill() : null);
        }
        return json;
    }

    private static List<Object> numbers(double[] values, int from, int to) {
        List<Object> list = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            list.add(values[i]);
        }
        return list;
    }

    private static Contents fromJson(Fields root, String file) {
        checkFormat(root, file);
        String name = root.string("name");
        Instant created = instant(root, "created");
        Map<String, String> provenance = root.stringMap("provenance");
        String loss = root.string("loss");
        DataSchema schema = schema(root.object("schema"), root.integer("version"));
        List<Fields> layerFields = root.objects("layers");
        if (layerFields.isEmpty()) {
            throw root.error("layers", "is empty; a model needs at least one layer");
        }
        List<DenseLayer> layers = new ArrayList<>();
        int inputs = schema.featureNames().size();
        String inputsWhy = "the number of features";
        for (int l = 0; l < layerFields.size(); l++) {
            Fields layer = layerFields.get(l);
            layers.add(layer(layer, inputs, inputsWhy));
            inputs = layers.get(l).weights().rows();
            inputsWhy = "the units of layers[" + l + "]";
        }
        checkOutputs(root, schema, inputs, layerFields.size() - 1);
        return new Contents(name, created, new Model(layers, loss, schema, provenance));
    }

    private static void checkFormat(Fields root, String file) {
        if (!root.has("format")) {
            throw new IllegalArgumentException("model file " + file + " is not a Dendrite model: it has no \"format\" field");
        }
        String format = root.string("format");
        if (!format.equals(FORMAT)) {
            throw new IllegalArgumentException("model file " + file + " is not a Dendrite model: format is \"" + format + "\", expected \"" + FORMAT + "\"");
        }
        long version = root.integer("version");
        if (version > VERSION) {
            throw new IllegalArgumentException("model file " + file + " was written by format version " + version
                    + "; this platform reads version " + VERSION);
        }
        if (version < 1) {
            throw root.error("version", "expected a positive integer, found " + version);
        }
    }

    private static Instant instant(Fields fields, String key) {
        String text = fields.string(key);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw fields.error(key, "\"" + text + "\" is not an ISO-8601 instant such as 2026-11-26T10:15:30Z");
        }
    }

    private static DataSchema schema(Fields schema, long version) {
        List<String> features = schema.strings("features");
        if (features.isEmpty()) {
            throw schema.error("features", "is empty; a model needs at least one input feature");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            if (!seen.add(features.get(i))) {
                throw schema.error("features[" + i + "]", "\"" + features.get(i) + "\" is named twice; each input feature needs its own name");
            }
        }
        String target = schema.stringOrNull("target");
        Task task = task(schema);
        List<String> classes = schema.strings("classes");
        Fields scaling = schema.object("scaling");
        double[] offset = scaling.numbers("offset", features.size(), "one per feature");
        double[] scale = scaling.numbers("scale", features.size(), "one per feature");
        for (int i = 0; i < scale.length; i++) {
            if (!(scale[i] > 0)) {
                throw scaling.error("scale[" + i + "]", "must be positive, found " + scale[i]);
            }
        }
        List<FeatureColumn> columns = version >= 2 ? columns(schema) : FeatureColumn.numeric(features);
        List<String> given = FeatureColumn.featureNames(columns);
        if (!given.equals(features)) {
            throw schema.error("columns", "give the features " + abbreviated(given) + ", schema.features names " + abbreviated(features));
        }
        return new DataSchema(features, target, task, classes, new FeatureScaling(offset, scale), columns);
    }

    /** The columns of a version 2 schema, each named once. */
    private static List<FeatureColumn> columns(Fields schema) {
        List<FeatureColumn> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Fields> list = schema.objects("columns");
        for (int i = 0; i < list.size(); i++) {
            Fields column = list.get(i);
            String name = column.string("name");
            if (!names.add(name)) {
                throw schema.error("columns[" + i + "].name", "\"" + name + "\" is named twice; each column needs its own name");
            }
            if (column.has("categories")) {
                List<String> categories = column.strings("categories");
                if (categories.isEmpty() || new HashSet<>(categories).size() < categories.size()) {
                    throw column.error("categories", "must name at least one category, each once");
                }
                String fill = column.stringOrNull("fill");
                if (fill != null && !categories.contains(fill)) {
                    throw column.error("fill", "\"" + fill + "\" is not one of the categories");
                }
                columns.add(new FeatureColumn(name, categories, fill == null ? Double.NaN : categories.indexOf(fill)));
            } else {
                Double fill = column.numberOrNull("fill");
                columns.add(new FeatureColumn(name, List.of(), fill == null ? Double.NaN : fill));
            }
        }
        return columns;
    }

    private static String abbreviated(List<String> names) {
        String text = String.valueOf(names);
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static Task task(Fields schema) {
        String name = schema.string("task");
        return Arrays.stream(Task.values())
                .filter(t -> t.name().toLowerCase(Locale.ROOT).equals(name))
                .findFirst()
                .orElseThrow(() -> schema.error("task", "unknown task \"" + name + "\" (known: classification, regression)"));
    }

    private static DenseLayer layer(Fields layer, int expectedInputs, String inputsWhy) {
        String activation = layer.string("activation");
        int units = layer.positive("units");
        int inputs = layer.positive("inputs");
        if (inputs != expectedInputs) {
            throw layer.error("inputs", "is " + inputs + ", expected " + expectedInputs + " (" + inputsWhy + ")");
        }
        double[] weights = layer.matrix("weights", units, inputs, "units", "inputs");
        double[] bias = layer.numbers("bias", units, "units");
        return new DenseLayer(Matrix.wrap(units, inputs, weights), Matrix.wrap(units, 1, bias), activation);
    }

    /** The output layer must fit the task: one unit per class (one sigmoid unit for two classes), no classes for regression. */
    private static void checkOutputs(Fields root, DataSchema schema, int outputs, int last) {
        int classes = schema.classes().size();
        String units = "layers[" + last + "].units";
        if (schema.task() == Task.CLASSIFICATION) {
            if (classes < 2) {
                throw root.error("schema.classes", "a classification model needs at least 2 classes, found " + classes);
            }
            if (outputs != classes && !(outputs == 1 && classes == 2)) {
                throw root.error(units, "is " + outputs + ", expected " + classes + " (one per class in schema.classes)");
            }
        } else if (classes != 0) {
            throw root.error("schema.classes", "a regression model has no classes, found " + classes);
        }
    }
}
