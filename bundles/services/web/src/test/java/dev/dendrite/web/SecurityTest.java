package dev.dendrite.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access rules of {@link SecurityFilter}, over real HTTP. */
class SecurityTest {
    private static final String RUN = "{\"dataset\": \"/no/such.csv\"}";
    @TempDir
    Path folder;
    WebHarness web;

    @BeforeEach
    void start() throws Exception {
        web = new WebHarness(folder);
    }

    @AfterEach
    void stop() throws Exception {
        web.close();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(web.base + path));
    }

    private HttpRequest post(HttpRequest.Builder builder) {
        return builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(RUN)).build();
    }

    @Test
    void aForeignOriginIsRefusedForEveryMethod() throws Exception {
        HttpResponse<String> post = web.send(post(request("/api/runs").header("Origin", "http://evil.example")));
        assertEquals(403, post.statusCode());
        assertEquals("requests from another origin are refused: http://evil.example", WebApiTest.detail(post));
        assertEquals(403, web.send(request("/api/runs").header("Origin", "http://evil.example").GET().build()).statusCode());
        String otherPort = web.base.replaceAll(":\\d+$", ":1");
        assertEquals(403, web.send(request("/api/runs/1").header("Origin", otherPort).DELETE().build()).statusCode());
        assertEquals(403, web.send(post(request("/api/runs").header("Origin", "null"))).statusCode());
        assertEquals(403, web.send(post(request("/api/runs").header("Origin", "http://evil.example")
                .header("Authorization", "Bearer " + WebHarness.TOKEN))).statusCode(), "a foreign page holding the token is refused too");
    }

    @Test
    void changesNeedTheTokenOrASameOriginRequest() throws Exception {
        HttpResponse<String> bare = web.send(post(request("/api/runs")));
        assertEquals(403, bare.statusCode());
        assertEquals("POST needs the access token (Authorization: Bearer TOKEN, the token in etc/web.token) or a same-origin request",
                WebApiTest.detail(bare));
        assertEquals(403, web.send(request("/api/runs/1").DELETE().build()).statusCode());
        assertEquals(403, web.send(post(request("/api/runs").header("Authorization", "Bearer wrong-token"))).statusCode());
        // admitted: the request then reaches the API, which refuses the missing file
        assertEquals(400, web.send(post(request("/api/runs").header("Authorization", "Bearer " + WebHarness.TOKEN))).statusCode());
        assertEquals(400, web.send(post(request("/api/runs").header("Origin", web.base))).statusCode());
        assertEquals(200, web.get("/api/runs").statusCode(), "reading needs no token on loopback");
    }

    @Test
    void aRefusedSmallBodyIsReadSoThatTheConnectionServesTheNextRequest() throws Exception {
        // as an HTTP client sends a POST: the headers, then the body a moment later; then its next request on the same connection
        String host = web.base.replaceAll("^http://", "");
        var socket = new java.net.Socket("127.0.0.1", Integer.parseInt(web.base.replaceAll(".*:", "")));
        try (socket) {
            var out = socket.getOutputStream();
            out.write(("POST /api/runs HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + RUN.length() + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);
            out.write((RUN + "GET /api/runs HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answers = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answers.startsWith("HTTP/1.1 403"), answers); // no token: refused before the API reads the body
            assertTrue(answers.indexOf("HTTP/1.1 200") > 0, answers); // and the connection answered the next request
        }
    }

    @Test
    void onLoopbackOnlyLoopbackHostNamesAreServed() throws Exception {
        // a DNS name rebound to 127.0.0.1 by another site's page arrives with that name as Host
        var socket = new java.net.Socket("127.0.0.1", Integer.parseInt(web.base.replaceAll(".*:", "")));
        try (socket) {
            socket.getOutputStream().write(("GET /api/runs HTTP/1.1\r\nHost: rebound.evil.example:8181\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 421"), answer);
            assertTrue(answer.contains("not 'rebound.evil.example:8181'"), answer);
        }
        assertEquals(200, web.send(request("/api/runs").build()).statusCode());
    }

    @Test
    void beyondLoopbackEveryRequestNeedsTheToken() throws Exception {
        web.policy.set(new AccessPolicy(false, WebHarness.TOKEN));
        HttpResponse<String> anonymous = web.get("/api/runs");
        assertEquals(401, anonymous.statusCode());
        assertTrue(WebApiTest.detail(anonymous).startsWith("the console listens beyond loopback: every request needs the access token"));
        assertEquals(401, web.get("/").statusCode());
        assertEquals(401, web.get("/?token=wrong").statusCode());
        assertEquals(200, web.send(request("/api/runs").header("Authorization", "Bearer " + WebHarness.TOKEN).build()).statusCode());
        HttpResponse<String> login = web.get("/?token=" + WebHarness.TOKEN);
        assertEquals(303, login.statusCode());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith(SecurityFilter.COOKIE + "=" + WebHarness.TOKEN) && cookie.contains("HttpOnly")
                && cookie.contains("SameSite=Strict"), cookie);
        String pair = cookie.split(";")[0];
        assertEquals(200, web.send(request("/").header("Cookie", pair).build()).statusCode());
        assertEquals(403, web.send(post(request("/api/runs").header("Cookie", pair).header("Origin", "http://evil.example"))).statusCode());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (HttpResponse<String> response : List.of(web.get("/"), web.get("/app.js"), web.get("/api/runs"), web.get("/api/nothing"),
                web.get("/nothing"), web.send(post(request("/api/runs").header("Origin", "http://evil.example"))))) {
            assertEquals(SecurityFilter.CSP, response.headers().firstValue("Content-Security-Policy").orElse(null), response.uri().toString());
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null));
            assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null));
        }
    }

    @Test
    void noDirectoryListingNoOtherFilesAndNoShell() throws Exception {
        assertEquals(200, web.get("/").statusCode());
        assertTrue(web.get("/").body().contains("<script src=\"/app.js\""));
        for (String path : List.of("/web/", "/web/app.js", "/META-INF/MANIFEST.MF", "/dev/dendrite/web/WebServer.class", "/api/",
                "/gogo", "/system/console", "/console", "/shell", "/api/shell", "/api/gogo")) {
            assertEquals(404, web.get(path).statusCode(), path);
        }
        assertEquals(405, web.send(post(request("/").header("Origin", web.base))).statusCode());
    }
}
