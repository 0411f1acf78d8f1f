package dev.dendrite.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Starting and stopping: what {@link WebServer} asks of Felix HTTP through ConfigAdmin, and what it
 * refuses before asking anything. The framework and ConfigAdmin are stand-ins that record; the
 * HTTP runtime's endpoint appears when the configuration enables it.
 */
class WebServerTest {
    @TempDir
    Path home;
    private final List<Dictionary<String, ?>> updates = new ArrayList<>();

    private WebServer server(String tokenFile) {
        Configuration configuration = (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("update") && args != null && args.length == 1) {
                        @SuppressWarnings("unchecked")
                        Dictionary<String, ?> properties = (Dictionary<String, ?>) args[0];
                        updates.add(properties);
                    }
                    return null;
                });
        ConfigurationAdmin admin = (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    assertEquals(WebServer.HTTP_PID, args[0]);
                    assertEquals(null, args[1], "unbound, so that Felix HTTP receives it");
                    return configuration;
                });
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> args[0].equals("dendrite.home") ? home.toString() : null;
                    case "getServiceReferences" -> endpoint();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new WebServer(admin, context, configuration(tokenFile), 0);
    }

    /** The HTTP runtime as Felix registers it: with the endpoint of the last configuration, while it is enabled. */
    private ServiceReference<?>[] endpoint() {
        if (updates.isEmpty() || !Boolean.TRUE.equals(updates.get(updates.size() - 1).get("org.apache.felix.http.enable"))) {
            return null;
        }
        Dictionary<String, ?> last = updates.get(updates.size() - 1);
        String endpoint = "http://" + last.get("org.apache.felix.http.host") + ":" + last.get("org.osgi.service.http.port") + "/";
        ServiceReference<?> reference = (ServiceReference<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) ->
                        method.getName().equals("getProperty") && args[0].equals("osgi.http.endpoint") ? new String[] {endpoint} : null);
        return new ServiceReference<?>[] {reference};
    }

    private static WebConfiguration configuration(String tokenFile) {
        return new WebConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return WebConfiguration.class;
            }

            @Override
            public String host() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return 8181;
            }

            @Override
            public long maxBodyBytes() {
                return 1000;
            }

            @Override
            public String tokenFile() {
                return tokenFile;
            }
        };
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aNonLoopbackBindWithoutAUsableTokenRefusesToStart() throws Exception {
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/web.token"), "guessable\n");
        WebServer server = server("etc/web.token");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> server.start("0.0.0.0", freePort()));
        assertEquals("listening on 0.0.0.0 (not loopback) requires an access token: " + home.resolve("etc/web.token")
                + " holds no usable access token: it needs at least 32 printable characters without spaces"
                + " (delete the file to have one generated)", refused.getMessage());
        assertTrue(updates.isEmpty(), "the HTTP service was never configured");
        assertEquals(null, server.url());

        Files.writeString(home.resolve("not-a-folder"), "x");
        WebServer unwritable = server("not-a-folder/web.token");
        refused = assertThrows(IllegalArgumentException.class, () -> unwritable.start("0.0.0.0", freePort()));
        assertTrue(refused.getMessage().startsWith("listening on 0.0.0.0 (not loopback) requires an access token: cannot keep the access"
                + " token in " + home.resolve("not-a-folder/web.token")), refused.getMessage());
        assertTrue(updates.isEmpty());
    }

    @Test
    void theTokenIsGeneratedOnceShownOnceAndKeptForItsOwnerOnly() throws Exception {
        WebServer server = server("etc/web.token");
        int port = freePort();
        String told = server.start(null, port);
        Path file = home.resolve("etc/web.token");
        String token = Files.readString(file).strip();
        assertEquals(43, token.length());
        assertEquals("web console: http://127.0.0.1:" + port + "/\naccess token (shown once; kept in " + file + "): " + token, told);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(server.policy().loopback());
        assertTrue(server.policy().isToken(token));
        Dictionary<String, ?> enabled = updates.get(0);
        assertEquals(true, enabled.get("org.apache.felix.http.enable"));
        assertEquals("127.0.0.1", enabled.get("org.apache.felix.http.host"));
        assertEquals(port, enabled.get("org.osgi.service.http.port"));
        assertEquals(false, enabled.get("org.apache.felix.https.enable"));

        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> server.start(null, port));
        assertEquals("the web console is running already at http://127.0.0.1:" + port + "/ (ml:web stop first)", twice.getMessage());
        assertEquals("web console stopped (was http://127.0.0.1:" + port + "/)", server.stop());
        assertEquals(false, updates.get(updates.size() - 1).get("org.apache.felix.http.enable"));
        assertEquals(null, server.url());
        assertFalse(server.start(null, port).contains(token), "the token is shown once only");
        server.stop();
    }

    @Test
    void aPortInUseOrAnAddressNotOfThisMachineIsRefusedBeforeTheHttpServiceIsAsked() throws Exception {
        WebServer server = server("etc/web.token");
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> server.start(null, taken.getLocalPort()));
            assertTrue(refused.getMessage().startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "), refused.getMessage());
            assertTrue(refused.getMessage().endsWith("(choose another with ml:web start --port N)"), refused.getMessage());
        }
        IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class, () -> server.start("192.0.2.1", 8181));
        assertEquals("cannot listen on 192.0.2.1: not an address of this machine", foreign.getMessage());
        assertTrue(updates.isEmpty());
        assertThrows(IllegalStateException.class, server::stop);
    }
}
