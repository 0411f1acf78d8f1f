package dev.dendrite.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the API refuses or cannot serve, answered as RFC 9457 problem details
 * ({@code application/problem+json}) whose {@code detail} is the one line the shell would print
 * after {@code error: }.
 */
final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The media type of a problem. */
    static final String MEDIA_TYPE = "application/problem+json";

    private final int status;

    Problem(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    static Problem badRequest(String detail) {
        return new Problem(400, detail);
    }

    static Problem notFound(String detail) {
        return new Problem(404, detail);
    }

    int status() {
        return status;
    }

    /** The problem document for the request at {@code path}. */
    Map<String, Object> body(String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", (long) status);
        body.put("detail", getMessage());
        body.put("instance", path);
        return body;
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 421 -> "Misdirected Request";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
