package dev.dendrite.itests;

import static org.junit.Assert.fail;

import dev.dendrite.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real headless Chromium (Debian's {@code chromium}) driven over the DevTools protocol: one page,
 * JavaScript evaluated in it, screenshots. Fails (never skips) when Chromium is not installed.
 */
final class Chromium implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();

    /** The Chromium program: {@code chromium} (Debian), else {@code chromium-browser}; fails naming the package when there is none. */
    static Path program() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        fail("Chromium is not installed, and the dashboard is tested in a real browser: install Debian's package"
                + " with `apt-get install chromium` (.ci/run does)");
        return null;
    }

    Chromium() throws Exception {
        profile = Files.createTempDirectory("dendrite-chromium");
        process = new ProcessBuilder(program().toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "--user-data-dir=" + profile,
                "--window-size=1400,1000", "about:blank").redirectErrorStream(true).start();
        String browser = listening();
        int port = URI.create(browser).getPort();
        HttpClient http = HttpClient.newHttpClient();
        String pageSocket = null;
        for (int attempt = 0; attempt < 50 && pageSocket == null; attempt++) {
            String targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (Object target : (List<?>) Json.parse(targets)) {
                Map<?, ?> t = (Map<?, ?>) target;
                if ("page".equals(t.get("type"))) {
                    pageSocket = (String) t.get("webSocketDebuggerUrl");
                }
            }
            if (pageSocket == null) {
                Thread.sleep(100);
            }
        }
        if (pageSocket == null) {
            fail("Chromium opened no page");
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new Listener()).get(30, TimeUnit.SECONDS);
        call("Page.enable", Map.of());
        call("Runtime.enable", Map.of());
    }

    /** Reads Chromium's output until it says where its DevTools endpoint is; the rest is drained. */
    private String listening() throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> found = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            StringBuilder seen = new StringBuilder();
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        found.complete(m.group(1));
                    } else if (!found.isDone()) {
                        seen.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            found.completeExceptionally(new IllegalStateException("Chromium ended without a DevTools endpoint:\n" + seen));
        }, "chromium output");
        drain.setDaemon(true);
        drain.start();
        try {
            return found.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Chromium did not start: " + e.getMessage(), e);
        }
    }

    /** Calls a DevTools method and waits for its result. */
    Map<String, Object> call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", (long) id);
        message.put("method", method);
        message.put("params", params);
        socket.sendText(Json.write(message), true).get(30, TimeUnit.SECONDS);
        Map<String, Object> response = answer.get(60, TimeUnit.SECONDS);
        if (response.containsKey("error")) {
            throw new IllegalStateException(method + ": " + response.get("error"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) response.get("result");
        return result;
    }

    /** Opens a URL and waits until its page has loaded. */
    void open(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
        until("the page at " + url + " loads", "document.readyState === 'complete' && location.href === " + Json.write(url), 30_000);
    }

    /** The value of a JavaScript expression in the page (promises awaited). */
    Object eval(String expression) throws Exception {
        Map<String, Object> result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.containsKey("exceptionDetails")) {
            throw new IllegalStateException("JavaScript failed: " + expression + ": " + result.get("exceptionDetails"));
        }
        return ((Map<?, ?>) result.get("result")).get("value");
    }

    /** Waits until a JavaScript condition holds in the page. */
    void until(String what, String condition, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (!Boolean.TRUE.equals(eval(condition))) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting until " + what + " (" + condition + ")");
            }
            Thread.sleep(100);
        }
    }

    /** A PNG of the page as it shows now. */
    byte[] screenshot() throws Exception {
        return Base64.getDecoder().decode((String) call("Page.captureScreenshot", Map.of("format", "png")).get("data"));
    }

    @Override
    public void close() throws Exception {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Collects a message's fragments and hands each answer to its caller. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                @SuppressWarnings("unchecked")
                Map<String, Object> message = (Map<String, Object>) Json.parse(text.toString());
                text.setLength(0);
                if (message.get("id") instanceof Long id) {
                    CompletableFuture<Map<String, Object>> answer = pending.remove(id.intValue());
                    if (answer != null) {
                        answer.complete(message);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
