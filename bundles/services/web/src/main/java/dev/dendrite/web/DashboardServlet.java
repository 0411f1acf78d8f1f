package dev.dendrite.web;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * The dashboard: one page ({@code /}) with its script and style sheet, read from the bundle once.
 * Only these three files are served (no directory listing, no other path); the page talks to the
 * API only.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/",
        "osgi.http.whiteboard.servlet.name=dendrite-dashboard"})
public final class DashboardServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** A file of the dashboard. */
    private record File(String type, byte[] bytes) {
    }

    private final transient Map<String, File> files = Map.of(
            "/", file("index.html", "text/html; charset=utf-8"),
            "/index.html", file("index.html", "text/html; charset=utf-8"),
            "/app.js", file("app.js", "text/javascript; charset=utf-8"),
            "/app.css", file("app.css", "text/css; charset=utf-8"));

    private static File file(String name, String type) {
        try (InputStream in = DashboardServlet.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks web/" + name);
            }
            return new File(type, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        File file = files.get(path);
        if (file == null) {
            HttpJson.write(response, request, Problem.notFound("no such page: " + path));
            return;
        }
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            response.setHeader("Allow", "GET, HEAD");
            HttpJson.write(response, request, new Problem(405, request.getMethod() + " is not allowed on the dashboard's pages"));
            return;
        }
        response.setStatus(200);
        response.setContentType(file.type());
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(file.bytes().length);
        if (request.getMethod().equals("GET")) {
            response.getOutputStream().write(file.bytes());
        }
    }
}
