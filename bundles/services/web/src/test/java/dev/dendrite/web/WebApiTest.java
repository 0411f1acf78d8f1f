package dev.dendrite.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.json.Json;
import dev.dendrite.options.CommandException;
import dev.dendrite.options.TrainingOptions;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint of the API over real HTTP, with good and bad input. */
class WebApiTest {
    @TempDir
    static Path folder;
    static WebHarness web;
    /** A model trained once for the prediction tests: iris, saved as "iris". */
    static String iris;

    @BeforeAll
    static void start() throws Exception {
        web = new WebHarness(folder);
        iris = WebHarness.IRIS.toString();
        var run = web.runs.open(iris, TrainingRequest.builder().epochs(60).build(), "test");
        var result = run.execute(l -> web.trainer.train(TrainingRequest.builder().epochs(60).build(),
                web.data.load(iris, new DataOptions("species", 0.2, 42)), l));
        web.models.save("iris", result.model());
    }

    @AfterAll
    static void stop() throws Exception {
        web.close();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> response) {
        return (Map<String, Object>) Json.parse(response.body());
    }

    static String detail(HttpResponse<String> response) {
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0], response.body());
        Map<String, Object> problem = json(response);
        assertEquals((long) response.statusCode(), problem.get("status"));
        return (String) problem.get("detail");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> awaitFinished(String id) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            Map<String, Object> run = json(web.get("/api/runs/" + id));
            if (!run.get("state").equals("running") && !run.get("state").equals("queued")) {
                return run;
            }
            assertTrue(System.currentTimeMillis() < deadline, "run " + id + " did not finish: " + run);
            Thread.sleep(50);
        }
    }

    // ---------- plug-ins ----------

    @Test
    @SuppressWarnings("unchecked")
    void pluginsListEveryKindAndTheBundlesThatFail() throws Exception {
        HttpResponse<String> response = web.get("/api/plugins");
        assertEquals(200, response.statusCode());
        Map<String, Object> body = json(response);
        Map<String, Object> plugins = (Map<String, Object>) body.get("plugins");
        assertEquals(List.of("activation", "loss", "optimizer", "backend", "dataset", "strategy"), new ArrayList<>(plugins.keySet()));
        List<Map<String, Object>> activations = (List<Map<String, Object>>) plugins.get("activation");
        assertEquals("relu", activations.get(0).get("name"));
        assertEquals("dev.dendrite.activations", activations.get(1).get("bundle"));
        Map<String, Object> problem = ((List<Map<String, Object>>) body.get("problems")).get(0);
        assertEquals("org.example.broken 1.0.0 [40]", problem.get("bundle"));
    }

    // ---------- runs ----------

    @Test
    @SuppressWarnings("unchecked")
    void aRunStartedOverHttpTrainsSavesAndIsListed() throws Exception {
        HttpResponse<String> response = web.post("/api/runs",
                "{\"dataset\": \"" + iris + "\", \"target\": \"species\", \"layers\": [8], \"epochs\": 30, \"lr\": 0.1, \"save\": \"iris-web\"}");
        assertEquals(202, response.statusCode(), response.body());
        String id = (String) json(response).get("id");
        assertEquals("/api/runs/" + id, response.headers().firstValue("Location").orElseThrow());
        Map<String, Object> run = awaitFinished(id);
        assertEquals("completed", run.get("state"), run.toString());
        assertEquals("web", run.get("origin"));
        assertEquals(30L, run.get("epochs"));
        List<Map<String, Object>> history = (List<Map<String, Object>>) run.get("history");
        assertEquals(30, history.size());
        assertEquals(30L, history.get(29).get("epoch"));
        assertTrue((Double) history.get(29).get("loss") < (Double) history.get(0).get("loss"), "the loss falls");
        assertEquals("accuracy", history.get(0).get("metric"));
        assertNotNull(history.get(0).get("val_accuracy"));
        assertEquals("8", ((Map<String, Object>) run.get("options")).get("layers"));
        assertEquals("iris-web", run.get("model"));

        List<Map<String, Object>> runs = (List<Map<String, Object>>) json(web.get("/api/runs")).get("runs");
        assertTrue(runs.stream().anyMatch(r -> r.get("id").equals(id)));
        List<Map<String, Object>> models = (List<Map<String, Object>>) json(web.get("/api/models")).get("models");
        assertTrue(models.stream().anyMatch(m -> m.get("name").equals("iris-web") && m.get("layers").equals("4-8-3")), models.toString());
    }

    @Test
    void eventsStreamOneEventPerEpochThenTheEnd() throws Exception {
        String id = (String) json(web.post("/api/runs", "{\"dataset\": \"" + iris + "\", \"epochs\": 12, \"save\": \"streamed\"}")).get("id");
        HttpResponse<InputStream> response = web.http.send(HttpRequest.newBuilder(URI.create(web.base + "/api/runs/" + id + "/events"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        List<String> ids = new ArrayList<>();
        String end = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("id: ")) {
                    ids.add(line.substring(4));
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ") && "end".equals(event)) {
                    end = line.substring(6);
                }
            }
        }
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"), ids);
        assertNotNull(end, "the stream ends with an end event");
        assertTrue(end.contains("\"state\":\"completed\"") && end.contains("\"model\":\"streamed\""), end);
    }

    @Test
    void eventsResumeAfterLastEventId() throws Exception {
        String id = (String) json(web.post("/api/runs", "{\"dataset\": \"" + iris + "\", \"epochs\": 5}")).get("id");
        awaitFinished(id);
        HttpResponse<String> response = web.send(HttpRequest.newBuilder(URI.create(web.base + "/api/runs/" + id + "/events"))
                .header("Last-Event-ID", "3").timeout(Duration.ofSeconds(30)).build());
        assertTrue(response.body().contains("id: 4\n") && response.body().contains("id: 5\n") && !response.body().contains("id: 3\n"),
                response.body());
        assertEquals(400, web.send(HttpRequest.newBuilder(URI.create(web.base + "/api/runs/" + id + "/events"))
                .header("Last-Event-ID", "x").build()).statusCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void deleteStopsARunAndKeepsItsLastEpoch() throws Exception {
        String id = (String) json(web.post("/api/runs", "{\"dataset\": \"" + iris + "\", \"epochs\": 1000000, \"save\": \"stopped\"}"))
                .get("id");
        long deadline = System.currentTimeMillis() + 30_000;
        while ((Long) json(web.get("/api/runs/" + id)).get("epochs") < 3) {
            assertTrue(System.currentTimeMillis() < deadline);
            Thread.sleep(20);
        }
        HttpResponse<String> response = web.delete("/api/runs/" + id);
        assertEquals(200, response.statusCode(), response.body());
        Map<String, Object> run = awaitFinished(id);
        assertEquals("stopped", run.get("state"));
        assertTrue(((String) run.get("outcome")).contains("interrupted"), run.toString());
        long epochs = (Long) run.get("epochs");
        assertTrue(epochs >= 3);
        Map<String, Object> kept = json(web.get("/api/models/stopped"));
        assertEquals("1000000", ((Map<String, Object>) kept.get("provenance")).get("epochs"));
        assertEquals(409, web.delete("/api/runs/" + id).statusCode(), "a finished run cannot be stopped again");
        assertEquals(404, web.delete("/api/runs/999999").statusCode());
        assertEquals(404, web.get("/api/runs/999999").statusCode());
    }

    @Test
    void aRunStartedOutsideTheWebIsListedLive() throws Exception {
        TrainingRequest request = TrainingRequest.builder().epochs(3).build();
        var run = web.runs.open("shell-data", request, "shell");
        run.execute(l -> web.trainer.train(request, web.data.load(iris, new DataOptions("species", 0.2, 1)), l));
        Map<String, Object> seen = json(web.get("/api/runs/" + run.id()));
        assertEquals("shell", seen.get("origin"));
        assertEquals(3L, seen.get("epochs"));
    }

    @Test
    void badRunBodiesAreRefusedNamingTheProblem() throws Exception {
        HttpResponse<String> malformed = web.post("/api/runs", "{\n  \"dataset\": \"xor\",\n  \"epochs\": 10,,\n}");
        assertEquals(400, malformed.statusCode());
        assertTrue(detail(malformed).startsWith("malformed JSON: line 3, column "), detail(malformed));

        assertEquals("unknown field 'epoch'; did you mean 'epochs'? (the fields are dataset, save and ml:train's options)",
                detail(web.post("/api/runs", "{\"dataset\": \"xor\", \"epoch\": 10}")));
        String shell = assertThrows(CommandException.class, () -> TrainingOptions.set("epochs", "ten", TrainingRequest.builder())).getMessage();
        assertEquals(shell, detail(web.post("/api/runs", "{\"dataset\": \"" + iris + "\", \"epochs\": \"ten\"}")),
                "the shell's own message");
        assertEquals("--epochs: 'true' is not an integer", detail(web.post("/api/runs", "{\"dataset\": \"" + iris + "\", \"epochs\": true}")));
        assertEquals("--lr: the learning rate must be a positive number, got -1.0",
                detail(web.post("/api/runs", "{\"dataset\": \"" + iris + "\", \"lr\": -1}")));
        assertEquals("field 'layers' must be a string or a number or an array, got an object",
                detail(web.post("/api/runs", "{\"dataset\": \"" + iris + "\", \"layers\": {\"a\": 1}}")));
        assertEquals("field 'dataset' must be a string: a built-in data set, a CSV file or an IDX images file (it is missing)",
                detail(web.post("/api/runs", "{\"epochs\": 3}")));
        assertEquals("field 'dataset' must be a string: a built-in data set, a CSV file or an IDX images file, got a number",
                detail(web.post("/api/runs", "{\"dataset\": 7}")));
        assertTrue(detail(web.post("/api/runs", "{\"dataset\": \"" + iris + "\", \"save\": \"../x\"}")).startsWith("--save: invalid model name '../x'"));
        assertTrue(detail(web.post("/api/runs", "{\"dataset\": \"/no/such/file.csv\"}")).contains("/no/such/file.csv"));
        assertEquals("--epochs and --iterations are both given: a run trains for a number of epochs or for a number of iterations, give one of them",
                detail(web.post("/api/runs", "{\"dataset\": \"" + iris + "\", \"epochs\": 3, \"iterations\": 9}")));
        assertEquals("the body must be a JSON object such as {\"dataset\": \"xor\", \"epochs\": 50}", detail(web.post("/api/runs", "[1, 2]")));
        HttpResponse<String> text = web.send(web.sameOrigin("/api/runs").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(415, text.statusCode());
        assertEquals("the body must be JSON (Content-Type: application/json), got 'text/plain'", detail(text));
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        byte[] big = new byte[16 * 1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        HttpResponse<String> response = web.send(web.sameOrigin("/api/runs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build());
        assertEquals(413, response.statusCode());
        assertEquals("the body is 16777226 bytes; the limit is 16777216 bytes (maxBodyBytes in etc/dev.dendrite.web.cfg)", detail(response));
    }

    @Test
    void theLimitIsConfigurableAndAlsoHoldsForBodiesWithoutALength(@TempDir Path other) throws Exception {
        try (WebHarness small = new WebHarness(other, 100)) {
            String body = "{\"dataset\": \"" + "x".repeat(200) + "\"}";
            HttpResponse<String> response = small.send(small.sameOrigin("/api/runs").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body.getBytes()))).build());
            assertEquals(413, response.statusCode());
            assertEquals("the body is more than 100 bytes; the limit is 100 bytes (maxBodyBytes in etc/dev.dendrite.web.cfg)", detail(response));
        }
    }

    // ---------- models ----------

    @Test
    @SuppressWarnings("unchecked")
    void aModelShowsItsShapeMetricsAndProvenance() throws Exception {
        Map<String, Object> model = json(web.get("/api/models/iris"));
        assertEquals("classification", model.get("task"));
        assertEquals(List.of(4L, 16L, 3L), model.get("widths"));
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), model.get("features"));
        assertEquals(List.of("setosa", "versicolor", "virginica"), model.get("classes"));
        Map<String, Object> metrics = (Map<String, Object>) model.get("metrics");
        assertTrue((Double) metrics.get("validation accuracy") > 0.8, metrics.toString());
        assertEquals("60", ((Map<String, Object>) model.get("provenance")).get("epochs"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void predictionsGiveTheLabelAndEachClassProbability() throws Exception {
        HttpResponse<String> response = web.post("/api/models/iris/predict", "{\"rows\": ["
                + "{\"sepal_length\": 5.1, \"sepal_width\": 3.5, \"petal_length\": 1.4, \"petal_width\": 0.2},"
                + "{\"petal_width\": 2.3, \"petal_length\": 5.9, \"sepal_width\": 3.2, \"sepal_length\": 6.9, \"species\": \"ignored\"}]}");
        assertEquals(200, response.statusCode(), response.body());
        List<Map<String, Object>> predictions = (List<Map<String, Object>>) json(response).get("predictions");
        assertEquals("setosa", predictions.get(0).get("label"));
        assertEquals("virginica", predictions.get(1).get("label"));
        Map<String, Object> p = (Map<String, Object>) predictions.get(0).get("probabilities");
        assertEquals(List.of("setosa", "versicolor", "virginica"), new ArrayList<>(p.keySet()));
        assertEquals(1.0, p.values().stream().mapToDouble(v -> (Double) v).sum(), 1e-9);
        assertTrue((Double) p.get("setosa") > 0.5);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHundredRowsArePredictedAsMlPredictWould() throws Exception {
        StringBuilder rows = new StringBuilder("{\"rows\": [");
        List<String> lines = java.nio.file.Files.readAllLines(WebHarness.IRIS).subList(1, 101);
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            rows.append(i > 0 ? "," : "").append(String.format("{\"sepal_length\": %s, \"sepal_width\": %s, \"petal_length\": %s, \"petal_width\": %s}",
                    f[0], f[1], f[2], f[3]));
        }
        HttpResponse<String> response = web.post("/api/models/iris/predict", rows.append("]}").toString());
        List<Map<String, Object>> predictions = (List<Map<String, Object>>) json(response).get("predictions");
        var model = web.models.load("iris");
        var a = web.trainer.predict(model, web.data.features(WebHarness.IRIS.toString(), model.schema()));
        for (int j = 0; j < 100; j++) {
            assertEquals(dev.dendrite.models.Predictions.label(model, a, j), predictions.get(j).get("label"), "row " + (j + 1));
        }
    }

    @Test
    void badPredictBodiesAreRefusedNamingTheColumn() throws Exception {
        String full = "\"sepal_length\": 5.1, \"sepal_width\": 3.5, \"petal_length\": 1.4";
        assertEquals("row 2: missing column 'petal_width' (model iris has sepal_length, sepal_width, petal_length, petal_width)",
                detail(web.post("/api/models/iris/predict", "{\"rows\": [{" + full + ", \"petal_width\": 1}, {" + full + "}]}")));
        assertEquals("row 1: unknown column 'colour' (model iris has sepal_length, sepal_width, petal_length, petal_width)",
                detail(web.post("/api/models/iris/predict", "{\"rows\": [{" + full + ", \"petal_width\": 1, \"colour\": 3}]}")));
        assertEquals("row 1: unknown column 'petal_widht'; did you mean 'petal_width'? (model iris has sepal_length, sepal_width,"
                        + " petal_length, petal_width)",
                detail(web.post("/api/models/iris/predict", "{\"rows\": [{" + full + ", \"petal_widht\": 1}]}")));
        assertEquals("row 1, column 'petal_width': expected a number, got a string",
                detail(web.post("/api/models/iris/predict", "{\"rows\": [{" + full + ", \"petal_width\": \"1\"}]}")));
        assertEquals("row 1 must be an object of column names and values, got an array",
                detail(web.post("/api/models/iris/predict", "{\"rows\": [[1, 2, 3, 4]]}")));
        assertEquals("field 'rows' is empty: give at least one row", detail(web.post("/api/models/iris/predict", "{\"rows\": []}")));
        assertEquals("field 'rows' must be an array (it is missing)", detail(web.post("/api/models/iris/predict", "{}")));
        assertEquals("unknown field 'row' (the body holds rows, and columns when the rows are arrays)",
                detail(web.post("/api/models/iris/predict", "{\"row\": []}")));
        assertTrue(detail(web.post("/api/models/iris/predict", "{\"rows\": [")).startsWith("malformed JSON: line 1, column 11:"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void categoricalColumnsTakeTheirCategoriesAndFilledColumnsMayBeLeftOut() throws Exception {
        StringBuilder csv = new StringBuilder("size,colour,label\n");
        String[] colours = {"red", "green", "blue"};
        for (int i = 0; i < 90; i++) {
            String size = i % 7 == 0 ? "" : String.valueOf(i % 10);
            csv.append(size).append(',').append(colours[i % 3]).append(',').append(i % 3 == 0 ? "warm" : "cool").append('\n');
        }
        Path file = folder.resolve("colours.csv");
        java.nio.file.Files.writeString(file, csv);
        HttpResponse<String> started = web.post("/api/runs", "{\"dataset\": \"" + file + "\", \"categorical\": [\"colour\"],"
                + " \"missing\": \"mean\", \"epochs\": 40, \"save\": \"colours\"}");
        assertEquals(202, started.statusCode(), started.body());
        assertEquals("completed", awaitFinished((String) json(started).get("id")).get("state"));
        Map<String, Object> model = json(web.get("/api/models/colours"));
        Map<String, Object> colour = ((List<Map<String, Object>>) model.get("columns")).get(1);
        assertEquals("colour", colour.get("name"));
        assertEquals(3, ((List<String>) colour.get("categories")).size());
        HttpResponse<String> response = web.post("/api/models/colours/predict",
                "{\"rows\": [{\"size\": 3, \"colour\": \"red\"}, {\"colour\": \"green\"}, {\"size\": null, \"colour\": \"red\"}]}");
        assertEquals(200, response.statusCode(), response.body());
        List<Map<String, Object>> predictions = (List<Map<String, Object>>) json(response).get("predictions");
        assertEquals("warm", predictions.get(0).get("label"));
        assertEquals("cool", predictions.get(1).get("label"));
        assertTrue(detail(web.post("/api/models/colours/predict", "{\"rows\": [{\"size\": 3, \"colour\": \"purple\"}]}"))
                .startsWith("row 1, column 'colour': unknown category 'purple' (known: "));
        assertEquals("row 1, column 'colour': expected a category, got a number (known: " + String.join(", ", (List<String>) colour.get("categories")) + ")",
                detail(web.post("/api/models/colours/predict", "{\"rows\": [{\"size\": 3, \"colour\": 2}]}")));
        assertEquals(200, web.post("/api/models/colours/predict", "{\"rows\": [{\"size\": 3}]}").statusCode(),
                "--missing mean fills a missing category with the most frequent one");
    }

    @Test
    @SuppressWarnings("unchecked")
    void rowsMayBeArraysUnderOneListOfColumns() throws Exception {
        String objects = "{\"rows\": [{\"sepal_length\": 5.1, \"sepal_width\": 3.5, \"petal_length\": 1.4, \"petal_width\": 0.2},"
                + " {\"sepal_length\": 6.9, \"sepal_width\": 3.2, \"petal_length\": 5.9, \"petal_width\": 2.3}]}";
        String arrays = "{\"columns\": [\"petal_width\", \"species\", \"sepal_length\", \"sepal_width\", \"petal_length\"],"
                + " \"rows\": [[0.2, \"ignored\", 5.1, 3.5, 1.4], [2.3, null, 6.9, 3.2, 5.9]]}";
        HttpResponse<String> response = web.post("/api/models/iris/predict", arrays);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(json(web.post("/api/models/iris/predict", objects)).get("predictions"), json(response).get("predictions"),
                "the same rows as objects and as arrays predict the same");
        assertEquals("columns: missing column 'petal_width' (model iris has sepal_length, sepal_width, petal_length, petal_width)",
                detail(web.post("/api/models/iris/predict", "{\"columns\": [\"sepal_length\", \"sepal_width\", \"petal_length\"],"
                        + " \"rows\": [[1, 2, 3]]}")));
        assertEquals("columns: unknown column 'petal_widht'; did you mean 'petal_width'? (model iris has sepal_length, sepal_width,"
                        + " petal_length, petal_width)",
                detail(web.post("/api/models/iris/predict", "{\"columns\": [\"sepal_length\", \"sepal_width\", \"petal_length\","
                        + " \"petal_widht\"], \"rows\": [[1, 2, 3, 4]]}")));
        assertEquals("columns: column 'sepal_width' is named twice", detail(web.post("/api/models/iris/predict",
                "{\"columns\": [\"sepal_length\", \"sepal_width\", \"petal_length\", \"petal_width\", \"sepal_width\"], \"rows\": [[1, 2, 3, 4, 5]]}")));
        String four = "{\"columns\": [\"sepal_length\", \"sepal_width\", \"petal_length\", \"petal_width\"], \"rows\": ";
        assertEquals("row 2 must be an array of 4 values, one per column, got 3 values",
                detail(web.post("/api/models/iris/predict", four + "[[1, 2, 3, 4], [1, 2, 3]]}")));
        assertEquals("row 1 must be an array of 4 values, one per column, got an object",
                detail(web.post("/api/models/iris/predict", four + "[{\"sepal_length\": 1}]}")));
        assertEquals("row 1, column 'petal_length': expected a number, got a string",
                detail(web.post("/api/models/iris/predict", four + "[[1, 2, \"3\", 4]]}")));
        assertEquals("field 'columns' must be an array of column names, got a string",
                detail(web.post("/api/models/iris/predict", "{\"columns\": \"sepal_length\", \"rows\": [[1]]}")));
    }

    @Test
    void unknownModelsAre404AndNamesThatArePathsAre400() throws Exception {
        HttpResponse<String> missing = web.get("/api/models/nothing");
        assertEquals(404, missing.statusCode());
        assertTrue(detail(missing).startsWith("no model nothing in "), detail(missing));
        assertEquals(404, web.post("/api/models/nothing/predict", "{\"rows\": [{}]}").statusCode());
        for (String trick : List.of("..", ".hidden", "a%20b", "%2e%2e", "iris.model.json%00", "~root")) {
            HttpResponse<String> response = web.get("/api/models/" + trick);
            assertEquals(400, response.statusCode(), trick + ": " + response.body());
        }
        for (String trick : List.of("..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "a%5Cb")) {
            assertEquals(400, web.get("/api/models/" + trick).statusCode(), trick);
            assertEquals(400, web.post("/api/models/" + trick + "/predict", "{\"rows\": [{}]}").statusCode(), trick);
        }
        assertTrue(detail(web.get("/api/models/.hidden")).startsWith("invalid model name '.hidden'"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aModelFileReplacedOnDiskServesTheNextRequest() throws Exception {
        TrainingRequest one = TrainingRequest.builder().epochs(3).seed(1).build();
        var split = web.data.load(iris, new DataOptions("species", 0.2, 1));
        web.models.save("swap", web.trainer.train(one, split, TrainingListener.NONE).model());
        String row = "{\"rows\": [{\"sepal_length\": 6.1, \"sepal_width\": 2.8, \"petal_length\": 4.7, \"petal_width\": 1.2}]}";
        Object before = ((List<Map<String, Object>>) json(web.post("/api/models/swap/predict", row)).get("predictions")).get(0).get("probabilities");
        assertEquals(before, ((List<Map<String, Object>>) json(web.post("/api/models/swap/predict", row)).get("predictions")).get(0)
                .get("probabilities"), "the cached model answers the same");
        web.models.save("swap", web.trainer.train(one.toBuilder().seed(2).epochs(40).build(), split, TrainingListener.NONE).model());
        Object after = ((List<Map<String, Object>>) json(web.post("/api/models/swap/predict", row)).get("predictions")).get(0).get("probabilities");
        assertNotEquals(before, after, "the replaced file is read");
        assertEquals("40", ((Map<String, Object>) json(web.get("/api/models/swap")).get("provenance")).get("epochs"));
        java.nio.file.Files.delete(web.models.folder().resolve("swap.model.json"));
        assertEquals(404, web.post("/api/models/swap/predict", row).statusCode());
    }

    @Test
    void predictionsFromManyThreadsAgree() throws Exception {
        String row = "{\"rows\": [{\"sepal_length\": 6.1, \"sepal_width\": 2.8, \"petal_length\": 4.7, \"petal_width\": 1.2}]}";
        String expected = web.post("/api/models/iris/predict", row).body();
        List<java.util.concurrent.Future<String>> answers = new ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 200; i++) {
                answers.add(pool.submit(() -> web.post("/api/models/iris/predict", row).body()));
            }
            for (var answer : answers) {
                assertEquals(expected, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------- studies ----------

    @Test
    @SuppressWarnings("unchecked")
    void studiesListTheirBestAndAStudyItsLeaderboardAndBestSoFar() throws Exception {
        List<Map<String, Object>> studies = (List<Map<String, Object>>) json(web.get("/api/studies")).get("studies");
        assertEquals("lr-search", studies.get(0).get("name"));
        assertEquals(1L, ((Map<String, Object>) studies.get(0).get("best")).get("number"));
        assertEquals("line 1: not JSON", studies.get(1).get("problem"));
        Map<String, Object> study = json(web.get("/api/studies/lr-search"));
        assertEquals("maximize", study.get("direction"));
        List<Map<String, Object>> leaderboard = (List<Map<String, Object>>) study.get("leaderboard");
        assertEquals(List.of(1L, 3L, 0L, 2L), leaderboard.stream().map(t -> t.get("number")).toList());
        List<Map<String, Object>> trials = (List<Map<String, Object>>) study.get("trials");
        assertEquals(java.util.Arrays.asList(0.7, 0.95, 0.95, 0.95), trials.stream().map(t -> t.get("bestSoFar")).toList());
        assertNull(trials.get(2).get("value"), "a failed trial has no value");
        assertEquals(404, web.get("/api/studies/nothing").statusCode());
        assertEquals(409, web.get("/api/studies/broken").statusCode());
        assertEquals(400, web.get("/api/studies/..").statusCode());
    }

    // ---------- routing ----------

    @Test
    void unknownResourcesAre404AndWrongMethods405() throws Exception {
        assertEquals("no such resource: /api/nothing (see docs/web.md)", detail(web.get("/api/nothing")));
        HttpResponse<String> put = web.send(web.sameOrigin("/api/models").PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(405, put.statusCode());
        assertEquals("PUT is not allowed here; allowed: GET", detail(put));
        assertEquals(405, web.send(web.sameOrigin("/api/models/iris/predict").GET().build()).statusCode());
        assertFalse(web.get("/api/runs").body().isEmpty());
    }
}
