package dev.dendrite.launcher;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

class ConsoleClassLoaderTest {

    private static final String CONSOLE = "org.apache.felix.gogo.jline";

    private final ClassLoader launcher = Thread.currentThread().getContextClassLoader();
    private final ClassLoader jline = new URLClassLoader(new URL[0], null);
    private final ConsoleClassLoader listener = new ConsoleClassLoader(CONSOLE);

    @AfterEach
    void restore() {
        Thread.currentThread().setContextClassLoader(launcher);
    }

    /** A stand-in for an OSGi framework object: answers the named methods, null to any other. */
    private static <T> T stub(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answers.get(method.getName())));
    }

    /** A bundle wired to a bundle of class loader {@code provider} for {@code pkg}. */
    private static Bundle bundle(String symbolicName, String pkg, ClassLoader provider) {
        BundleCapability capability = stub(BundleCapability.class, Map.of("getAttributes", Map.of(PackageNamespace.PACKAGE_NAMESPACE, pkg)));
        BundleWiring providerWiring = stub(BundleWiring.class, Map.of("getClassLoader", provider));
        BundleWire wire = stub(BundleWire.class, Map.of("getCapability", capability, "getProviderWiring", providerWiring));
        BundleWiring wiring = stub(BundleWiring.class, Map.of("getRequiredWires", List.of(wire)));
        return stub(Bundle.class, Map.of("getSymbolicName", symbolicName, "adapt", wiring));
    }

    private void event(int type, Bundle bundle) {
        listener.bundleChanged(new BundleEvent(type, bundle));
    }

    @Test
    void whileTheConsoleStartsTheContextClassLoaderIsJLines() {
        Bundle console = bundle(CONSOLE, "org.jline.terminal", jline);

        event(BundleEvent.STARTING, console);
        assertSame(jline, Thread.currentThread().getContextClassLoader());

        event(BundleEvent.STARTED, console);
        assertSame(launcher, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void aConsoleThatFailsToStartGivesTheContextClassLoaderBack() {
        Bundle console = bundle(CONSOLE, "org.jline.terminal", jline);

        event(BundleEvent.STARTING, console);
        event(BundleEvent.STOPPED, console);

        assertSame(launcher, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void otherBundlesAndAConsoleWithoutJLineStartAsThey() {
        event(BundleEvent.STARTING, bundle("dev.dendrite.shell", "org.jline.terminal", jline));
        assertSame(launcher, Thread.currentThread().getContextClassLoader());

        event(BundleEvent.STARTING, bundle(CONSOLE, "org.apache.felix.service.command", jline));
        assertSame(launcher, Thread.currentThread().getContextClassLoader());
    }
}
