package dev.dendrite.web;

import dev.dendrite.api.data.DataService;
import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.run.TrackedRun;
import dev.dendrite.api.run.TrainingRuns;
import dev.dendrite.api.tuning.Study;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.Tuner;
import dev.dendrite.models.ModelStore;
import dev.dendrite.options.PluginKinds;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The JSON API under {@code /api} (see docs/web.md):
 * <pre>
 * GET    /api/plugins                    every plug-in of every kind, and the bundles that fail
 * GET    /api/runs                       the runs, newest first, with their last epoch
 * POST   /api/runs                       starts a run: 202 and the run
 * GET    /api/runs/{id}                  a run with every epoch
 * GET    /api/runs/{id}/events           Server-Sent Events: one "epoch" per epoch, then "end"
 * DELETE /api/runs/{id}                  stops a run, keeping its last completed epoch
 * GET    /api/models                     the saved models
 * GET    /api/models/{name}              a model: shape, schema, metrics, provenance
 * POST   /api/models/{name}/predict      predictions for rows of feature values
 * GET    /api/studies                    the saved studies
 * GET    /api/studies/{name}             a study: leaderboard, trials with the best value so far
 * </pre>
 * Errors are {@code application/problem+json} whose {@code detail} is the shell's one-line message.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/api/*",
        "osgi.http.whiteboard.servlet.name=dendrite-api"})
public final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** A comment line sent on an idle event stream, so that proxies and browsers keep it open. */
    private static final long HEARTBEAT_MS = 15_000;

    private final transient PluginCatalog catalog;
    private final transient ModelStore models;
    private final transient Tuner tuner;
    private final transient WebRuns runs;
    private final transient ModelServing serving;
    private final transient LongSupplier maxBody;
    private final transient java.util.function.Consumer<Boolean> inService;

    @Activate
    public ApiServlet(@Reference Trainer trainer, @Reference DataService data, @Reference ModelStore models,
                      @Reference TrainingRuns runs, @Reference PluginCatalog catalog, @Reference Tuner tuner,
                      @Reference WebServer server) {
        this(trainer, data, models, runs, catalog, tuner, server::maxBodyBytes, server::serving);
    }

    ApiServlet(Trainer trainer, DataService data, ModelStore models, TrainingRuns runs, PluginCatalog catalog, Tuner tuner,
               LongSupplier maxBody) {
        this(trainer, data, models, runs, catalog, tuner, maxBody, in -> { });
    }

    private ApiServlet(Trainer trainer, DataService data, ModelStore models, TrainingRuns runs, PluginCatalog catalog, Tuner tuner,
                       LongSupplier maxBody, java.util.function.Consumer<Boolean> inService) {
        this.inService = inService;
        this.catalog = catalog;
        this.models = models;
        this.tuner = tuner;
        this.runs = new WebRuns(trainer, data, models, runs);
        this.serving = new ModelServing(models, trainer);
        this.maxBody = maxBody;
    }

    @Deactivate
    void deactivate() {
        runs.close();
    }

    @Override
    public void init() throws jakarta.servlet.ServletException {
        super.init();
        inService.accept(true);
    }

    @Override
    public void destroy() {
        inService.accept(false);
        super.destroy();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            route(request, response);
        } catch (Problem problem) {
            HttpJson.write(response, request, problem);
        } catch (IllegalArgumentException e) {
            HttpJson.write(response, request, Problem.badRequest(e.getMessage()));
        } catch (UncheckedIOException e) {
            HttpJson.write(response, request, new Problem(500, e.getMessage()));
        }
    }

    private void route(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = rawPath(request);
        String[] parts = path.replaceFirst("^/", "").split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = decode(parts[i]);
        }
        String method = request.getMethod();
        String resource = parts[0];
        switch (parts.length) {
            case 1 -> {
                switch (resource) {
                    case "plugins" -> only(method, "GET", () -> HttpJson.write(response, 200, plugins()));
                    case "runs" -> {
                        if (method.equals("POST")) {
                            TrackedRun run = runs.start(HttpJson.read(request, maxBody.getAsLong()));
                            response.setHeader("Location", "/api/runs/" + run.id());
                            HttpJson.write(response, 202, Views.run(run, null, false));
                        } else {
                            only(method, "GET, POST", () -> HttpJson.write(response, 200, list(runs.list().stream()
                                    .map(r -> (Object) Views.run(r, runs.savedAs(r.id()), false)).toList(), "runs")));
                        }
                    }
                    case "models" -> only(method, "GET", () -> HttpJson.write(response, 200, list(models.list().stream()
                            .map(i -> (Object) Views.modelInfo(i)).toList(), "models")));
                    case "studies" -> only(method, "GET", () -> HttpJson.write(response, 200, list(tuner.list().stream()
                            .map(i -> (Object) Views.studyInfo(i)).toList(), "studies")));
                    default -> throw notFound(path);
                }
            }
            case 2 -> {
                String id = parts[1];
                switch (resource) {
                    case "runs" -> {
                        if (method.equals("DELETE")) {
                            TrackedRun run = runs.stop(id);
                            HttpJson.write(response, 200, Views.run(run, runs.savedAs(id), false));
                        } else {
                            only(method, "GET, DELETE", () -> {
                                TrackedRun run = runs.run(id);
                                HttpJson.write(response, 200, Views.run(run, runs.savedAs(id), true));
                            });
                        }
                    }
                    case "models" -> only(method, "GET", () -> HttpJson.write(response, 200, Views.model(id, serving.model(id))));
                    case "studies" -> only(method, "GET", () -> HttpJson.write(response, 200, study(id)));
                    default -> throw notFound(path);
                }
            }
            case 3 -> {
                if (resource.equals("runs") && parts[2].equals("events")) {
                    only(method, "GET", () -> events(runs.run(parts[1]), request, response));
                } else if (resource.equals("models") && parts[2].equals("predict")) {
                    if (!method.equals("POST")) {
                        throw notAllowed(method, "POST");
                    }
                    HttpJson.write(response, 200, serving.predict(parts[1], HttpJson.read(request, maxBody.getAsLong())));
                } else {
                    throw notFound(path);
                }
            }
            default -> throw notFound(path);
        }
    }

    /**
     * The path after {@code /api} as the client sent it: the container resolves dot segments
     * ({@code /api/models/..} would reach here as {@code /api/}), and a model name that is a path
     * trick must be refused by name, not answered for another resource.
     */
    private static String rawPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String prefix = request.getContextPath() + request.getServletPath();
        return uri.startsWith(prefix) ? uri.substring(prefix.length()) : uri;
    }

    private static String decode(String segment) {
        try {
            return java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("malformed percent-encoding in the path: '" + segment + "'");
        }
    }

    private interface Action {
        void run() throws IOException;
    }

    private static void only(String method, String allowed, Action action) throws IOException {
        List<String> methods = List.of(allowed.split(", "));
        if (methods.contains(method) || method.equals("HEAD") && methods.contains("GET")) {
            action.run();
        } else {
            throw notAllowed(method, allowed);
        }
    }

    private static Problem notAllowed(String method, String allowed) {
        return new Problem(405, method + " is not allowed here; allowed: " + allowed);
    }

    private static Problem notFound(String path) {
        return Problem.notFound("no such resource: /api" + path + " (see docs/web.md)");
    }

    private static Map<String, Object> list(List<Object> items, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(name, items);
        return m;
    }

    private Map<String, Object> plugins() {
        Map<String, Object> byKind = new LinkedHashMap<>();
        PluginKinds.ALL.forEach((kind, type) -> byKind.put(kind, catalog.list(type).stream().map(p -> (Object) Views.plugin(p)).toList()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plugins", byKind);
        m.put("problems", catalog.problems().stream().map(p -> (Object) Views.problem(p)).toList());
        return m;
    }

    private Map<String, Object> study(String name) {
        try {
            StudySettings.checkName(name);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        }
        Study study;
        try {
            study = tuner.study(name);
        } catch (IllegalArgumentException e) {
            boolean known = tuner.list().stream().anyMatch(i -> i.name().equals(name));
            throw known ? new Problem(409, e.getMessage()) : Problem.notFound(e.getMessage());
        }
        return Views.study(name, study);
    }

    /**
     * The run's epochs as Server-Sent Events, from the start (or after {@code Last-Event-ID}), one
     * {@code epoch} event each as it ends, then an {@code end} event with the run when it is over.
     */
    private void events(TrackedRun run, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        int sent = lastEventId(request);
        out.write("retry: 2000\n\n");
        out.flush();
        try {
            while (true) {
                List<EpochReport> epochs = run.awaitEpochs(sent, HEARTBEAT_MS);
                for (EpochReport epoch : epochs) {
                    sent++;
                    HttpJson.event(out, "epoch", String.valueOf(sent), Views.epoch(epoch));
                }
                if (epochs.isEmpty()) {
                    if (run.state().finished() && run.history().size() <= sent) {
                        HttpJson.event(out, "end", null, Views.run(run, runs.savedAs(run.id()), false));
                        return;
                    }
                    out.write(": waiting\n\n");
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int lastEventId(HttpServletRequest request) {
        String last = request.getHeader("Last-Event-ID");
        if (last == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(last.trim()));
        } catch (NumberFormatException e) {
            throw Problem.badRequest("Last-Event-ID must be an epoch number, got '" + last + "'");
        }
    }

}
