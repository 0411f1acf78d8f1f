package dev.dendrite.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Starts and stops the HTTP server the console's servlets are registered on: Apache Felix HTTP
 * Jetty, which the launcher starts disabled ({@code org.apache.felix.http.enable=false}) and which
 * this component enables, on the configured address and port, through its ConfigAdmin
 * configuration {@value #HTTP_PID}. Listening on anything but a loopback address requires the
 * access token (the file {@code tokenFile}, generated when missing and then shown once): without
 * one the server does not start. The framework property {@value #LAUNCH_PROPERTY}{@code =true}
 * ({@code ./dendrite --web}) starts it when the platform starts.
 */
@Component(service = WebServer.class, immediate = true, configurationPid = WebServer.PID)
@Designate(ocd = WebConfiguration.class)
public final class WebServer {
    /** The configuration of the console: {@code etc/dev.dendrite.web.cfg}. */
    static final String PID = "dev.dendrite.web";
    /** Felix HTTP Jetty's configuration. */
    static final String HTTP_PID = "org.apache.felix.http";
    /** The framework property that starts the console with the platform. */
    static final String LAUNCH_PROPERTY = "dendrite.web";
    private static final String RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";
    private static final String ENDPOINT = "osgi.http.endpoint";
    private static final long START_TIMEOUT_MS = 20_000;

    private final ConfigurationAdmin admin;
    private final BundleContext context;
    private volatile WebConfiguration config;
    private volatile AccessPolicy policy = new AccessPolicy(true, null);
    private String url;
    /** Open once the start asked by {@value #LAUNCH_PROPERTY} is done, so that a command right after the launch sees its outcome. */
    private final CountDownLatch launched = new CountDownLatch(1);
    /** The components whose {@code init} the whiteboard calls once they serve: the API servlet and the security filter. */
    private static final int SERVED_COMPONENTS = 2;
    private final int components;
    private int serving;

    @Activate
    public WebServer(@Reference ConfigurationAdmin admin, BundleContext context, WebConfiguration config) {
        this(admin, context, config, SERVED_COMPONENTS);
    }

    /** @param components how many of the console's components must be in service before a start is done (0 in tests without a whiteboard) */
    WebServer(ConfigurationAdmin admin, BundleContext context, WebConfiguration config, int components) {
        this.admin = admin;
        this.context = context;
        this.config = config;
        this.components = components;
        if ("true".equals(context.getProperty(LAUNCH_PROPERTY))) {
            Thread starter = new Thread(() -> {
                try {
                    System.out.println(start(null, null));
                } catch (RuntimeException e) {
                    System.err.println("error: " + e.getMessage());
                } finally {
                    launched.countDown();
                }
            }, "dendrite web start");
            starter.setDaemon(true);
            starter.start();
        } else {
            launched.countDown();
        }
    }

    @Modified
    void configure(WebConfiguration changed) {
        config = changed;
    }

    /**
     * Closes the port when this bundle stops while the platform runs (an update, an uninstall); when
     * the platform itself stops, Felix HTTP stops with it, and reconfiguring it then would only race
     * the servlets' own deactivation.
     */
    @Deactivate
    synchronized void deactivate() {
        if (url != null && context.getBundle(0).getState() != org.osgi.framework.Bundle.STOPPING) {
            felixHttp(false, "127.0.0.1", config.port());
        }
        url = null;
    }

    /** Who may do what on the running server. */
    AccessPolicy policy() {
        return policy;
    }

    /** The largest request body accepted, in bytes. */
    long maxBodyBytes() {
        return config.maxBodyBytes();
    }

    /** The console's address, or null when it is not running (after the start asked at launch, if any, is done). */
    String url() {
        awaitLaunch();
        synchronized (this) {
            return url;
        }
    }

    private void awaitLaunch() {
        try {
            launched.await(START_TIMEOUT_MS + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts the server on {@code host} and {@code port} (the configured ones when null).
     *
     * @return what to tell the user: the address, and the access token when it was generated now
     * @throws IllegalArgumentException for an address that is not this machine's, a port in use, or
     *                                  a non-loopback address without an access token
     * @throws IllegalStateException    when it is running already, or the HTTP service does not start
     */
    synchronized String start(String hostOption, Integer portOption) {
        if (url != null) {
            throw new IllegalStateException("the web console is running already at " + url + " (ml:web stop first)");
        }
        WebConfiguration c = config;
        String host = hostOption != null ? hostOption : c.host();
        int port = portOption != null ? portOption : c.port();
        InetAddress address = address(host);
        boolean loopback = address.isLoopbackAddress();
        Path tokenPath = home().resolve(c.tokenFile()).normalize();
        TokenFile.Token token;
        try {
            token = TokenFile.readOrCreate(tokenPath);
        } catch (IllegalArgumentException e) {
            if (!loopback) {
                throw new IllegalArgumentException("listening on " + host + " (not loopback) requires an access token: " + e.getMessage(), e);
            }
            token = null; // on loopback, a same-origin page may still change things
        }
        checkFree(address, port);
        policy = new AccessPolicy(loopback, token == null ? null : token.value());
        felixHttp(true, host, port);
        awaitEndpoint(port, true);
        awaitServing(port);
        url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/";
        StringBuilder told = new StringBuilder("web console: " + url);
        if (token != null && token.generated()) {
            told.append("\naccess token (shown once; kept in ").append(tokenPath).append("): ").append(token.value());
        } else if (token != null) {
            told.append("\naccess token: in ").append(tokenPath);
        }
        if (!loopback) {
            told.append("\nlistening on ").append(host).append(", not loopback: every request needs the access token");
        }
        return told.toString();
    }

    /**
     * Stops the server.
     *
     * @return what to tell the user
     * @throws IllegalStateException when it is not running
     */
    synchronized String stop() {
        if (url == null) {
            throw new IllegalStateException("the web console is not running (ml:web start)");
        }
        String was = url;
        felixHttp(false, "127.0.0.1", config.port());
        awaitEndpoint(Integer.parseInt(was.replaceAll(".*:(\\d+)/$", "$1")), false);
        url = null;
        policy = new AccessPolicy(true, null);
        return "web console stopped (was " + was + ")";
    }

    private static InetAddress address(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            if (!address.isAnyLocalAddress() && !address.isLoopbackAddress() && java.net.NetworkInterface.getByInetAddress(address) == null) {
                throw new IllegalArgumentException("cannot listen on " + host + ": not an address of this machine");
            }
            return address;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot listen on " + host + ": unknown host", e);
        } catch (java.net.SocketException e) {
            throw new IllegalArgumentException("cannot listen on " + host + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a port another program holds, before the HTTP service tries it. */
    private static void checkFree(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot listen on " + address.getHostAddress() + ":" + port + ": " + e.getMessage()
                    + " (choose another with ml:web start --port N)", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    private void felixHttp(boolean enable, String host, int port) {
        try {
            Configuration configuration = admin.getConfiguration(HTTP_PID, null);
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("org.apache.felix.http.enable", enable);
            properties.put("org.apache.felix.https.enable", false);
            properties.put("org.apache.felix.http.host", host);
            properties.put("org.osgi.service.http.port", port);
            properties.put("org.apache.felix.http.jetty.sendServerHeader", false);
            configuration.update(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot configure the HTTP service: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the HTTP runtime lists (or no longer lists) an endpoint on {@code port}; called
     * holding this monitor, which the wait releases, so that {@link #serving} is not held up.
     */
    private void awaitEndpoint(int port, boolean listed) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (hasEndpoint(port) != listed) {
            if (System.currentTimeMillis() > deadline) {
                if (listed) {
                    felixHttp(false, "127.0.0.1", port);
                    throw new IllegalStateException("the HTTP service (Apache Felix HTTP Jetty) did not start on port " + port
                            + " within " + START_TIMEOUT_MS / 1000 + " s; ml:plugins --problems shows a bundle that does not start");
                }
                return;
            }
            try {
                wait(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the HTTP service", e);
            }
        }
    }

    /**
     * Called by the API servlet and the security filter as the whiteboard puts them in service
     * ({@code init}) or out of it ({@code destroy}): a start is done when they serve, so that a
     * request right after {@code ml:web start} reaches them rather than Jetty's empty default.
     */
    synchronized void serving(boolean in) {
        serving += in ? 1 : -1;
        notifyAll();
    }

    /** Waits (holding no other lock than this one's monitor, released by wait) until the console's components serve. */
    private void awaitServing(int port) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (serving < components) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                felixHttp(false, "127.0.0.1", port);
                throw new IllegalStateException("the web console's servlets did not come into service within " + START_TIMEOUT_MS / 1000
                        + " s; scr:list shows what they wait for");
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the web console's servlets", e);
            }
        }
    }

    private boolean hasEndpoint(int port) {
        try {
            ServiceReference<?>[] runtimes = context.getServiceReferences(RUNTIME, null);
            if (runtimes == null) {
                return false;
            }
            for (ServiceReference<?> runtime : runtimes) {
                Object endpoints = runtime.getProperty(ENDPOINT);
                String text = endpoints instanceof String[] list ? Arrays.toString(list) : String.valueOf(endpoints);
                if (text.contains(":" + port + "/")) {
                    return true;
                }
            }
            return false;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path home() {
        String home = context.getProperty("dendrite.home");
        return Path.of(home != null ? home : System.getProperty("user.dir")).toAbsolutePath();
    }
}
