package dev.dendrite.models.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.nn.Model;
import dev.dendrite.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dendrite-model format: exact round trips, the layout, and a clear refusal of every kind of bad file. */
@SuppressWarnings("unchecked")
class ModelFileTest {
    private static final Instant CREATED = Instant.parse("2026-11-26T10:15:30.123Z");

    @TempDir
    Path dir;

    private Path write(String name, Model model) {
        Path file = dir.resolve(name + ".model.json");
        ModelFile.write(file, new ModelFile.Contents(name, CREATED, model));
        return file;
    }

    @Test
    void roundTripIsBitIdentical() {
        for (long seed = 1; seed <= 20; seed++) {
            for (Model model : List.of(TestModels.classifier(seed), TestModels.regressor(seed))) {
                ModelFile.Contents back = ModelFile.read(write("m" + seed, model));
                assertTrue(TestModels.identical(model, back.model()), "seed " + seed);
                assertEquals("m" + seed, back.name());
                assertEquals(CREATED, back.created());
            }
        }
    }

    @Test
    void theFileIsIndentedJsonWithOneLinePerWeightRow() throws IOException {
        Model model = TestModels.classifier(3);
        List<String> lines = Files.readAllLines(write("iris", model));
        assertEquals("{", lines.get(0));
        assertEquals("  \"format\": \"dendrite-model\",", lines.get(1));
        assertEquals("  \"version\": 2,", lines.get(2));
        assertEquals("  \"name\": \"iris\",", lines.get(3));
        assertEquals("  \"created\": \"2026-11-26T10:15:30.123Z\",", lines.get(4));
        assertEquals("}", lines.get(lines.size() - 1));
        double[] w = model.layers().get(0).weights().data();
        String firstRow = "        [" + w[0] + ", " + w[1] + ", " + w[2] + ", " + w[3] + "],";
        assertTrue(lines.contains(firstRow), firstRow);
        assertEquals(5 + 3, lines.stream().filter(l -> l.startsWith("        [")).count(), "one line per row of W[1] and W[2]");
    }

    @Test
    void twoSavesOfTheSameModelDifferOnlyInTheCreatedLine() throws IOException {
        Path a = dir.resolve("a.model.json");
        Path b = dir.resolve("b.model.json");
        ModelFile.write(a, new ModelFile.Contents("same", CREATED, TestModels.classifier(5)));
        ModelFile.write(b, new ModelFile.Contents("same", CREATED.plusSeconds(60), TestModels.classifier(5)));
        List<String> x = Files.readAllLines(a);
        List<String> y = Files.readAllLines(b);
        assertEquals(x.size(), y.size());
        List<Integer> differing = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            if (!x.get(i).equals(y.get(i))) {
                differing.add(i);
            }
        }
        assertEquals(List.of(4), differing);
    }

    @Test
    void unknownFieldsAreIgnored() {
        Model model = TestModels.regressor(2);
        Path file = edit(write("r", model), json -> {
            json.put("comment", "added by hand");
            layer(json, 0).put("dropout", 0.5);
        });
        assertTrue(TestModels.identical(model, ModelFile.read(file).model()));
    }

    @Test
    void aTruncatedFileIsRefusedWithItsPosition() throws IOException {
        Path file = write("t", TestModels.classifier(1));
        byte[] bytes = Files.readAllBytes(file);
        int cut = new String(bytes, StandardCharsets.UTF_8).indexOf("\"layers\": [") + 12;
        Files.write(file, java.util.Arrays.copyOf(bytes, cut));
        String message = refused(file);
        assertTrue(message.startsWith("model file " + file + ": line "), message);
        assertTrue(message.contains(": unexpected end of input, expected "), message);
    }

    @Test
    void aNewerFormatVersionIsRefused() {
        Path file = edit(write("v", TestModels.classifier(1)), json -> json.put("version", 3L));
        assertEquals("model file " + file + " was written by format version 3; this platform reads version 2", refused(file));
    }

    @Test
    void categoricalColumnsAndFillsRoundTripAndReadTheSameFeatures() throws IOException {
        Model model = TestModels.categorical(5);
        Path file = write("c", model);
        Model back = ModelFile.read(file).model();
        assertTrue(TestModels.identical(model, back));
        assertEquals(model.schema().columns(), back.schema().columns());
        assertEquals(List.of("size", "colour=blue", "colour=red", "colour=ü \"x\""), back.schema().featureNames());
        String text = Files.readString(file);
        assertTrue(text.contains("\"name\": \"colour\",\n        \"categories\": [\"blue\", \"red\", \"ü \\\"x\\\"\"],\n        \"fill\": \"red\""), text);
        assertTrue(text.contains("\"name\": \"size\",\n        \"fill\": 2.5"), text);
    }

    @Test
    void aVersion1FileStillLoadsWithNumericColumnsThatFillNothing() {
        Model model = TestModels.classifier(2);
        Path file = edit(write("old", model), json -> {
            json.put("version", 1L);
            schema(json).remove("columns");
        });
        Model back = ModelFile.read(file).model();
        assertTrue(TestModels.identical(model, back));
        assertEquals(model.schema().featureNames(), back.schema().columns().stream().map(c -> c.name()).toList());
        assertTrue(back.schema().columns().stream().noneMatch(c -> c.categorical() || c.filled()));
    }

    /** A model file naming a feature twice once loaded and silently mispredicted. */
    @Test
    void aFeatureOrColumnNamedTwiceIsRefusedInOneLine() {
        Path file = write("d", TestModels.classifier(1));
        assertEquals("schema.features[2]: \"sepal_length\" is named twice; each input feature needs its own name",
                problem(file, json -> ((List<Object>) schema(json).get("features")).set(2, "sepal_length")));
        assertEquals("schema.columns[1].name: \"colour\" is named twice; each column needs its own name",
                problem(write("e", TestModels.categorical(1)), json -> columns(json).get(0).put("name", "colour")));
        assertEquals("schema.columns: give the features [size, colour=blue, colour=red], schema.features names"
                        + " [size, colour=blue, colour=red, colour=ü \"x\"]",
                problem(write("f", TestModels.categorical(1)),
                        json -> ((List<Object>) columns(json).get(1).get("categories")).remove(2)));
        assertEquals("schema.columns[1].fill: \"green\" is not one of the categories",
                problem(write("g", TestModels.categorical(1)), json -> columns(json).get(1).put("fill", "green")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> columns(Map<String, Object> json) {
        return (List<Map<String, Object>>) schema(json).get("columns");
    }

    @Test
    void otherFilesAreNotModels() throws IOException {
        Path file = edit(write("f", TestModels.classifier(1)), json -> json.put("format", "keras"));
        assertEquals("model file " + file + " is not a Dendrite model: format is \"keras\", expected \"dendrite-model\"", refused(file));
        Files.writeString(file, "{\"layers\": []}");
        assertEquals("model file " + file + " is not a Dendrite model: it has no \"format\" field", refused(file));
        Files.writeString(file, "[1, 2]");
        assertEquals("model file " + file + ": expected a JSON object at the top, found an array", refused(file));
        Files.write(file, new byte[] {'"', (byte) 0xC3, '"'});
        assertEquals("model file " + file + " is not UTF-8 text", refused(file));
    }

    @Test
    void mismatchedShapesAreRefusedNamingTheField() {
        Model model = TestModels.classifier(1);
        Path file = write("s", model);
        assertEquals("layers[0].weights: has 4 rows, expected 5 (units)",
                problem(file, json -> rows(json, 0).remove(0)));
        assertEquals("layers[1].weights[2]: has 6 numbers, expected 5 (inputs)",
                problem(file, json -> ((List<Object>) rows(json, 1).get(2)).add(1.0)));
        assertEquals("layers[1].bias: has 2 numbers, expected 3 (units)",
                problem(file, json -> ((List<?>) layer(json, 1).get("bias")).remove(0)));
        assertEquals("layers[1].inputs: is 4, expected 5 (the units of layers[0])",
                problem(file, json -> layer(json, 1).put("inputs", 4L)));
        assertEquals("layers[0].inputs: is 4, expected 3 (the number of features)",
                problem(file, json -> {
                    ((List<?>) schema(json).get("features")).remove(3);
                    columns(json).remove(3);
                    Map<?, ?> scaling = (Map<?, ?>) schema(json).get("scaling");
                    ((List<?>) scaling.get("offset")).remove(3);
                    ((List<?>) scaling.get("scale")).remove(3);
                }));
        assertEquals("layers[1].units: is 3, expected 2 (one per class in schema.classes)",
                problem(file, json -> ((List<?>) schema(json).get("classes")).remove(2)));
        assertEquals("schema.scaling.scale: has 3 numbers, expected 4 (one per feature)",
                problem(file, json -> ((List<?>) ((Map<?, ?>) schema(json).get("scaling")).get("scale")).remove(0)));
        assertEquals("layers[0].units: expected a positive integer, found 0",
                problem(file, json -> layer(json, 0).put("units", 0L)));
        assertEquals("layers: is empty; a model needs at least one layer",
                problem(file, json -> ((List<?>) json.get("layers")).clear()));
    }

    @Test
    void missingOrMistypedFieldsAreRefusedNamingTheField() {
        Path file = write("m", TestModels.classifier(1));
        assertEquals("schema.task is missing", problem(file, json -> schema(json).remove("task")));
        assertEquals("schema.task: unknown task \"clustering\" (known: classification, regression)",
                problem(file, json -> schema(json).put("task", "clustering")));
        assertEquals("loss: expected a string, found 3", problem(file, json -> json.put("loss", 3L)));
        assertEquals("version: expected an integer, found 1.0", problem(file, json -> json.put("version", 1.0)));
        assertEquals("version: expected a positive integer, found 0", problem(file, json -> json.put("version", 0L)));
        assertEquals("created: \"yesterday\" is not an ISO-8601 instant such as 2026-11-26T10:15:30Z",
                problem(file, json -> json.put("created", "yesterday")));
        assertEquals("provenance.seed: expected a string, found 42",
                problem(file, json -> ((Map<String, Object>) json.get("provenance")).put("seed", 42L)));
        assertEquals("layers[0].weights[1][2]: expected a number, found \"x\"",
                problem(file, json -> ((List<Object>) rows(json, 0).get(1)).set(2, "x")));
        assertEquals("layers[1].activation: expected a string, found null",
                problem(file, json -> layer(json, 1).put("activation", null)));
        assertEquals("layers[1]: expected an object, found an array",
                problem(file, json -> ((List<Object>) json.get("layers")).set(1, List.of())));
        assertEquals("schema.scaling.scale[1]: must be positive, found 0.0",
                problem(file, json -> ((List<Object>) ((Map<?, ?>) schema(json).get("scaling")).get("scale")).set(1, 0.0)));
        assertEquals("schema.classes: a regression model has no classes, found 3",
                problem(file, json -> schema(json).put("task", "regression")));
    }

    /** The message for the edited file, without the "model file F: " prefix it must start with. */
    private String problem(Path original, Consumer<Map<String, Object>> change) {
        Path copy = dir.resolve("edited.model.json");
        try {
            Files.copy(original, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        String message = refused(edit(copy, change));
        String prefix = "model file " + copy + ": ";
        assertTrue(message.startsWith(prefix), message);
        return message.substring(prefix.length());
    }

    private static String refused(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> ModelFile.read(file)).getMessage();
    }

    @SuppressWarnings("unchecked")
    private static Path edit(Path file, Consumer<Map<String, Object>> change) {
        try {
            Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(file));
            change.accept(json);
            Files.writeString(file, Json.pretty(json), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> layer(Map<String, Object> json, int index) {
        return (Map<String, Object>) ((List<?>) json.get("layers")).get(index);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> rows(Map<String, Object> json, int layer) {
        return (List<Object>) layer(json, layer).get("weights");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(Map<String, Object> json) {
        return (Map<String, Object>) json.get("schema");
    }
}
