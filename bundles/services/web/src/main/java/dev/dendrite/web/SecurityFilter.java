package dev.dendrite.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The access rules, in front of every request of the console:
 * <ul>
 *   <li>every answer carries {@code Content-Security-Policy} (only the console's own scripts,
 *       styles and connections; no framing), {@code X-Content-Type-Options: nosniff},
 *       {@code X-Frame-Options: DENY} and {@code Referrer-Policy: no-referrer};</li>
 *   <li>on loopback, the {@code Host} must name loopback ({@code 127.0.0.1}, {@code localhost},
 *       {@code [::1]}): a page of another site that a rebound DNS name points here is refused;</li>
 *   <li>a request whose {@code Origin} is not the console's own is refused (403);</li>
 *   <li>a request that changes something (POST, DELETE, …) needs the access token
 *       ({@code Authorization: Bearer TOKEN}) or a same-origin request (its {@code Origin} is the
 *       console's own: the dashboard's pages);</li>
 *   <li>when the server listens on anything but loopback, every request needs the token: the
 *       header, or the cookie that opening {@code /?token=TOKEN} sets for the dashboard.</li>
 * </ul>
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.pattern=/*",
        "osgi.http.whiteboard.filter.name=dendrite-security"})
public final class SecurityFilter implements Filter {
    /** The cookie that carries the token for the dashboard's pages. */
    static final String COOKIE = "dendrite_token";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
            + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final Supplier<AccessPolicy> policy;
    private final java.util.function.Consumer<Boolean> serving;

    @Activate
    public SecurityFilter(@Reference WebServer server) {
        this(server::policy, server::serving);
    }

    SecurityFilter(Supplier<AccessPolicy> policy) {
        this(policy, in -> { });
    }

    private SecurityFilter(Supplier<AccessPolicy> policy, java.util.function.Consumer<Boolean> serving) {
        this.policy = policy;
        this.serving = serving;
    }

    @Override
    public void init(jakarta.servlet.FilterConfig config) {
        serving.accept(true);
    }

    @Override
    public void destroy() {
        serving.accept(false);
    }

    /** The headers every answer carries. */
    static void headers(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        headers(response);
        try {
            if (admit(request, response)) {
                chain.doFilter(request, response);
            }
        } catch (Problem problem) {
            HttpJson.write(response, request, problem);
        }
    }

    /**
     * Whether the request may go on; false when this filter answered it (the token exchange).
     *
     * @throws Problem when it is refused
     */
    private boolean admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AccessPolicy p = policy.get();
        String host = request.getHeader("Host");
        if (p.loopback() && !isLoopbackHost(host)) {
            throw new Problem(421, "the console listens on loopback only and answers to 127.0.0.1, localhost or [::1], not "
                    + (host == null ? "a request without Host" : "'" + host + "'"));
        }
        String origin = request.getHeader("Origin");
        boolean sameOrigin = false;
        if (origin != null) {
            sameOrigin = sameOrigin(origin, request);
            if (!sameOrigin) {
                throw new Problem(403, "requests from another origin are refused: " + origin);
            }
        }
        boolean token = p.isToken(bearer(request)) || p.isToken(cookie(request));
        if (!p.loopback() && !token) {
            if (request.getMethod().equals("GET") && "/".equals(request.getRequestURI()) && p.isToken(request.getParameter("token"))) {
                Cookie cookie = new Cookie(COOKIE, p.token());
                cookie.setHttpOnly(true);
                cookie.setPath("/");
                cookie.setAttribute("SameSite", "Strict");
                response.addCookie(cookie);
                response.setStatus(303);
                response.setHeader("Location", "/");
                return false;
            }
            throw new Problem(401, "the console listens beyond loopback: every request needs the access token"
                    + " (Authorization: Bearer TOKEN, or open /?token=TOKEN once in the browser)");
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !token && !sameOrigin) {
            throw new Problem(403, request.getMethod() + " needs the access token (Authorization: Bearer TOKEN, the token in "
                    + "etc/web.token) or a same-origin request");
        }
        return true;
    }

    private static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > 0 && name.indexOf(']') < colon) {
            name = name.substring(0, colon);
        }
        return LOOPBACK_NAMES.contains(name);
    }

    /** Whether {@code origin} is this console's own: the scheme, host and port the request was sent to. */
    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = new URI(origin);
            String host = request.getHeader("Host");
            if (uri.getScheme() == null || uri.getHost() == null || host == null) {
                return false;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
            String own = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
            String hostWithPort = host.matches(".*:\\d+$") && !host.endsWith("]") ? host : host + ":" + (request.isSecure() ? 443 : 80);
            return uri.getScheme().equals(request.getScheme()) && (own + ":" + port).equalsIgnoreCase(hostWithPort);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String bearer(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : null;
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (c.getName().equals(COOKIE)) {
                    return c.getValue();
                }
            }
        }
        return null;
    }
}
