package dev.dendrite.itests;

import static org.junit.Assert.assertTrue;

import dev.dendrite.json.Json;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.osgi.framework.BundleContext;

/** The web console of the platform under test, started with {@code ml:web start} on a free loopback port, and an HTTP client for it. */
final class WebConsole implements AutoCloseable {
    final Shell shell;
    final String base;
    final String token;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebConsole(Shell shell, BundleContext context) throws Exception {
        this.shell = shell;
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String started = shell.run("ml:web start --port " + port);
        base = "http://127.0.0.1:" + port;
        assertTrue(started, started.startsWith("web console: " + base + "/"));
        token = Files.readString(Path.of(context.getProperty("dendrite.home"), "etc/web.token")).strip();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A POST with the access token, as a script sends it. */
    HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).DELETE()
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> response) {
        return (Map<String, Object>) Json.parse(response.body());
    }

    @Override
    public void close() throws Exception {
        shell.run("ml:web stop");
    }
}
