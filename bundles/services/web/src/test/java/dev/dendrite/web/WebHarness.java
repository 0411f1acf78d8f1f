package dev.dendrite.web;

import dev.dendrite.api.data.DataService;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.plugin.BundleProblem;
import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.plugin.PluginInfo;
import dev.dendrite.api.tuning.SearchSpace;
import dev.dendrite.api.tuning.Study;
import dev.dendrite.api.tuning.StudyInfo;
import dev.dendrite.api.tuning.StudyListener;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialState;
import dev.dendrite.api.tuning.Tuner;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.data.DefaultDataService;
import dev.dendrite.models.store.FileModelStore;
import dev.dendrite.nn.LocalPlugins;
import dev.dendrite.nn.runs.RunRegistry;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The console's servlets and filter, mapped as the whiteboard maps them, on an embedded Jetty on
 * loopback, over the real trainer ({@link LocalPlugins}), data loading, model store and run
 * registry; a plug-in catalog and a tuner with fixed contents.
 */
final class WebHarness implements AutoCloseable {
    static final String TOKEN = "test-token-0123456789abcdefghijklmnopqrstuvwxyz";
    /** iris.csv of the shared data, relative to this module. */
    static final Path IRIS = Path.of("../../../../shared/data/iris.csv").toAbsolutePath().normalize();

    final Trainer trainer = LocalPlugins.trainer();
    final FileModelStore models;
    final RunRegistry runs = new RunRegistry();
    final AtomicReference<AccessPolicy> policy = new AtomicReference<>(new AccessPolicy(true, TOKEN));
    final DataService data = new DefaultDataService(new FixedCatalog());
    final ApiServlet api;
    private final Server server;
    final String base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebHarness(Path folder, long maxBody) throws Exception {
        models = new FileModelStore(folder.resolve("models"));
        api = new ApiServlet(trainer, data, models, runs, new FixedCatalog(), new FixedTuner(folder.resolve("studies")), () -> maxBody);
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new SecurityFilter(policy::get)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(api), "/api/*");
        context.addServlet(new ServletHolder(new DashboardServlet()), "/");
        server.setHandler(context);
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort();
    }

    WebHarness(Path folder) throws Exception {
        this(folder, 16L * 1024 * 1024);
    }

    /** A request to {@code path} with the dashboard's own Origin, as its page sends it. */
    HttpRequest.Builder sameOrigin(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Origin", base).timeout(Duration.ofSeconds(60));
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return send(sameOrigin(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send(sameOrigin(path).DELETE().build());
    }

    @Override
    public void close() throws Exception {
        api.deactivate();
        server.stop();
    }

    /** Two activations and a bundle that does not resolve. */
    static final class FixedCatalog implements PluginCatalog {
        @Override
        public List<PluginInfo> list(Class<?> kind) {
            return kind == Activation.class
                    ? List.of(new PluginInfo("relu", "max(0, z)", 11, 0, 5, "dev.dendrite.activations", "0.1.0", true),
                              new PluginInfo("tanh", "hyperbolic tangent", 12, 0, 5, "dev.dendrite.activations", "0.1.0", true))
                    : List.of();
        }

        @Override
        public List<String> names(Class<?> kind) {
            return list(kind).stream().map(PluginInfo::name).toList();
        }

        @Override
        public Optional<PluginInfo> preferred(Class<?> kind) {
            return Optional.empty();
        }

        @Override
        public List<BundleProblem> problems() {
            return List.of(new BundleProblem(40, "org.example.broken", "1.0.0", "file:/deploy/broken.jar",
                    List.of("does not resolve: missing osgi.wiring.package; (osgi.wiring.package=org.nobody.here)")));
        }
    }

    /** One study, "lr-search": four trials, the second the best. */
    static final class FixedTuner implements Tuner {
        private final Path folder;

        FixedTuner(Path folder) {
            this.folder = folder;
        }

        static Study study() {
            StudySettings settings = StudySettings.builder("iris", "lr=loguniform(1e-3,1)").name("lr-search").trials(4).epochs(10)
                    .metric("val_accuracy").build();
            return new Study(settings, "val_accuracy", true, List.of(
                    new TrialRecord(0, Map.of("lr", 0.01), 10, TrialState.COMPLETE, 0.7, List.of(0.5, 0.7), null),
                    new TrialRecord(1, Map.of("lr", 0.3), 10, TrialState.COMPLETE, 0.95, List.of(0.8, 0.95), null),
                    new TrialRecord(2, Map.of("lr", 0.9), 10, TrialState.FAILED, Double.NaN, List.of(), "training diverged at epoch 1"),
                    new TrialRecord(3, Map.of("lr", 0.1), 10, TrialState.COMPLETE, 0.9, List.of(0.85, 0.9), null)));
        }

        @Override
        public List<StudyInfo> list() {
            return List.of(new StudyInfo("lr-search", folder.resolve("lr-search.jsonl"), study(), null),
                    new StudyInfo("broken", folder.resolve("broken.jsonl"), null, "line 1: not JSON"));
        }

        @Override
        public Study study(String name) {
            if (name.equals("lr-search")) {
                return study();
            }
            if (name.equals("broken")) {
                throw new IllegalArgumentException("study broken is damaged: line 1: not JSON (ml:study broken --repair)");
            }
            throw new IllegalArgumentException("no study " + name + " (saved: lr-search, broken)");
        }

        @Override
        public SearchSpace parse(String text, TrainingRequest base) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Study tune(StudySettings settings, StudyListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Path repair(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Study export(String name, Path file) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TrainingRequest request(Study study, TrialRecord trial) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Path folder() {
            return folder;
        }
    }
}
