package dev.dendrite.web;

import dev.dendrite.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** JSON in and out of a servlet: bodies read within a size limit and parsed strictly, answers written as UTF-8. */
final class HttpJson {
    /** The most of a refused body read and dropped before answering 413; beyond it the connection is closed. */
    private static final long DRAINED = 64L * 1024 * 1024;

    private HttpJson() {
    }

    /**
     * The request's JSON body.
     *
     * @param limit the largest body accepted, in bytes
     * @throws Problem 415 for a body that is not {@code application/json}, 413 for one over the
     *                 limit, 400 for one that is not UTF-8 or not JSON (naming the line and column)
     */
    static Object read(HttpServletRequest request, long limit) throws IOException {
        String type = request.getContentType();
        String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            throw new Problem(415, "the body must be JSON (Content-Type: application/json), got "
                    + (type == null ? "no Content-Type" : "'" + type + "'"));
        }
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            drain(request.getInputStream(), DRAINED);
            throw tooLarge(declared + " bytes", limit);
        }
        byte[] bytes = readAtMost(request.getInputStream(), limit);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw Problem.badRequest("the body is not UTF-8 text");
        }
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("malformed JSON: " + e.getMessage());
        }
    }

    /** The largest body of a refused request that is read and dropped rather than answered by closing the connection. */
    private static final long SMALL = 64 * 1024;

    /**
     * Reads and drops what is left of the body of a request refused before all of it was read, when
     * it declares at most 64 KiB, so that the connection stays fit for the client's next request:
     * answered before its body has arrived, Jetty closes the connection, and a client that sends
     * its next request on it sees that request fail ("header parser received no bytes"), not this
     * answer. Returns false when the body may be left unread: a larger or chunked one, which the
     * connection must not outlive.
     */
    private static boolean dropSmallBody(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared <= 0 && request.getHeader("Transfer-Encoding") == null) {
            return true;
        }
        if (declared < 0 || declared > SMALL) {
            return false;
        }
        drain(request.getInputStream(), declared);
        return true;
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            drain(in, DRAINED);
            throw tooLarge("more than " + limit + " bytes", limit);
        }
        return bytes;
    }

    /**
     * Reads and drops what a refused body still sends, up to {@code most} bytes: a client that is
     * still sending when the answer comes would otherwise see the connection closed, not the 413.
     */
    private static void drain(InputStream in, long most) throws IOException {
        byte[] sink = new byte[64 * 1024];
        long left = most;
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
            left -= n;
        }
    }

    private static Problem tooLarge(String size, long limit) {
        return new Problem(413, "the body is " + size + "; the limit is " + limit
                + " bytes (maxBodyBytes in etc/" + WebServer.PID + ".cfg)");
    }

    /** Writes {@code value} as the JSON answer with {@code status}. */
    static void write(HttpServletResponse response, int status, Object value) throws IOException {
        write(response, status, "application/json", value);
    }

    /** Writes a problem, after reading what is left of a small body (see {@link #dropSmallBody}). */
    static void write(HttpServletResponse response, HttpServletRequest request, Problem problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        boolean reusable = dropSmallBody(request);
        response.reset();
        SecurityFilter.headers(response);
        if (!reusable) {
            // the refused body is not read: the client must not send its next request on this connection
            response.setHeader("Connection", "close");
        }
        write(response, problem.status(), Problem.MEDIA_TYPE, problem.body(request.getRequestURI()));
    }

    private static void write(HttpServletResponse response, int status, String type, Object value) throws IOException {
        String text = Json.write(value);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Writes a Server-Sent Event and flushes it. */
    static void event(Writer out, String event, String id, Object data) throws IOException {
        if (id != null) {
            out.write("id: " + id + "\n");
        }
        out.write("event: " + event + "\n");
        out.write("data: " + Json.write(data) + "\n\n");
        out.flush();
    }

    /** How a JSON value is named in a message: {@code a string}, {@code an array}, {@code null}, … */
    static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof java.util.Map) {
            return "an object";
        }
        if (value instanceof java.util.List) {
            return "an array";
        }
        if (value instanceof Boolean) {
            return String.valueOf(value);
        }
        return value instanceof String ? "a string" : "a number";
    }
}
