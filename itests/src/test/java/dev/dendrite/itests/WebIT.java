package dev.dendrite.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * The web feature in the real platform: Felix HTTP Jetty with the console's servlets on the
 * whiteboard, started by {@code ml:web}; a run trained through {@code POST /api/runs}, a shell run
 * seen and stopped over HTTP, predictions of the saved model, and the refusals of the start.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebIT {

    @Inject
    private BundleContext context;

    @Inject
    private CommandProcessor processor;

    @Configuration
    public Option[] config() {
        return Distribution.options();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitFinished(WebConsole web, String id) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            Map<String, Object> run = WebConsole.json(web.get("/api/runs/" + id));
            if (!List.of("queued", "running").contains(run.get("state"))) {
                return run;
            }
            assertTrue("run " + id + " still " + run.get("state"), System.currentTimeMillis() < deadline);
            Thread.sleep(50);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    public void aRunIsTrainedThroughTheApiAndItsModelServesPredictions() throws Exception {
        try (WebConsole web = new WebConsole(new Shell(processor), context)) {
            Map<String, Object> plugins = (Map<String, Object>) WebConsole.json(web.get("/api/plugins")).get("plugins");
            assertTrue(plugins.toString(), ((List<Map<String, Object>>) plugins.get("activation")).stream().anyMatch(p -> p.get("name").equals("tanh")));
            assertTrue(((List<Map<String, Object>>) plugins.get("dataset")).stream().anyMatch(p -> p.get("name").equals("xor")));

            var started = web.post("/api/runs", "{\"dataset\": \"xor\", \"layers\": [8], \"epochs\": 60, \"lr\": 0.5, \"save\": \"xor-web\"}");
            assertEquals(started.body(), 202, started.statusCode());
            Map<String, Object> run = awaitFinished(web, (String) WebConsole.json(started).get("id"));
            assertEquals(run.toString(), "completed", run.get("state"));
            assertEquals(60, ((List<?>) run.get("history")).size());

            Map<String, Object> model = WebConsole.json(web.get("/api/models/xor-web"));
            assertEquals(List.of(2L, 8L, 1L), model.get("widths"));
            assertTrue(model.toString(), (Double) ((Map<String, Object>) model.get("metrics")).get("validation accuracy") >= 0.9);
            var predicted = web.post("/api/models/xor-web/predict",
                    "{\"rows\": [{\"x1\": 1, \"x2\": 1}, {\"x1\": -1, \"x2\": 1}, {\"x1\": 1, \"x2\": -1}, {\"x1\": -1, \"x2\": -1}]}");
            assertEquals(predicted.body(), 200, predicted.statusCode());
            List<Map<String, Object>> predictions = (List<Map<String, Object>>) WebConsole.json(predicted).get("predictions");
            assertEquals(List.of("0", "1", "1", "0"), predictions.stream().map(p -> p.get("label")).toList());
            String listed = new Shell(processor).run("ml:models");
            assertTrue(listed, listed.contains("xor-web"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    public void aShellRunIsSeenLiveAndStoppedOverHttp() throws Exception {
        try (WebConsole web = new WebConsole(new Shell(processor), context)) {
            CompletableFuture<String> shell = CompletableFuture.supplyAsync(() -> {
                try {
                    return new Shell(processor).run("ml:train --epochs 1000000 --layers 32 --save kept xor");
                } catch (Exception e) {
                    return e.toString();
                }
            });
            String id = null;
            long deadline = System.currentTimeMillis() + 30_000;
            while (id == null) {
                for (Map<String, Object> run : (List<Map<String, Object>>) WebConsole.json(web.get("/api/runs")).get("runs")) {
                    if (run.get("origin").equals("shell") && run.get("state").equals("running") && (Long) run.get("epochs") >= 2) {
                        id = (String) run.get("id");
                    }
                }
                assertTrue("the shell's run is listed", System.currentTimeMillis() < deadline);
                Thread.sleep(50);
            }
            assertEquals(200, web.delete("/api/runs/" + id).statusCode());
            String printed = shell.get(30, TimeUnit.SECONDS);
            assertTrue(printed, printed.contains("interrupted") && printed.contains("kept as kept"));
            Map<String, Object> run = awaitFinished(web, id);
            assertEquals("stopped", run.get("state"));
            assertEquals(200, web.get("/api/models/kept").statusCode());
        }
    }

    @Test
    public void aNonLoopbackStartWithoutAUsableTokenIsRefusedAndStopCloses() throws Exception {
        Shell shell = new Shell(processor);
        Path token = Path.of(context.getProperty("dendrite.home"), "etc/web.token");
        Files.createDirectories(token.getParent());
        byte[] kept = Files.exists(token) ? Files.readAllBytes(token) : null;
        Files.writeString(token, "short\n");
        try {
            String refused = shell.run("ml:web start --host 0.0.0.0 --port 1");
            fail("started: " + refused);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("listening on 0.0.0.0 (not loopback) requires an access token: "));
        } finally {
            if (kept != null) {
                Files.write(token, kept);
            } else {
                Files.delete(token);
            }
        }
        assertEquals("web console: off (ml:web start)", shell.run("ml:web status"));

        WebConsole web = new WebConsole(shell, context);
        assertEquals(200, web.get("/").statusCode());
        web.close();
        try {
            web.get("/");
            fail("the console still answers after ml:web stop");
        } catch (ConnectException expected) {
            // closed
        }
    }
}
