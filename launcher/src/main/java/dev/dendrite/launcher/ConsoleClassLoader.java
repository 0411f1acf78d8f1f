package dev.dendrite.launcher;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Lets Gogo's JLine console find JLine's terminal providers. JLine 3 loads them by name through
 * the thread's context class loader ({@code META-INF/jline/providers/NAME}); in the framework
 * thread that starts bundles that is the launcher's class loader, which has no JLine, so the
 * console would fall back to a dumb terminal: no line editing, history or completion. The console
 * builds its terminal in its activator: while it starts, the context class loader is the one of
 * the bundle that provides its {@value #TERMINAL_PACKAGE} package.
 */
final class ConsoleClassLoader implements SynchronousBundleListener {

    private static final String TERMINAL_PACKAGE = "org.jline.terminal";

    private final String console;
    private Thread starting;
    private ClassLoader previous;

    /** @param console the symbolic name of the console bundle */
    ConsoleClassLoader(String console) {
        this.console = console;
    }

    @Override
    public synchronized void bundleChanged(BundleEvent event) {
        if (!console.equals(event.getBundle().getSymbolicName())) {
            return;
        }
        Thread thread = Thread.currentThread();
        if (event.getType() == BundleEvent.STARTING) {
            ClassLoader jline = providerOf(event.getBundle(), TERMINAL_PACKAGE);
            if (jline != null) {
                starting = thread;
                previous = thread.getContextClassLoader();
                thread.setContextClassLoader(jline);
            }
        } else if ((event.getType() == BundleEvent.STARTED || event.getType() == BundleEvent.STOPPED) && starting == thread) {
            thread.setContextClassLoader(previous); // started, or its activator failed
            starting = null;
            previous = null;
        }
    }

    /** The class loader of the bundle wired to provide {@code bundle} with {@code pkg}, or null. */
    private static ClassLoader providerOf(Bundle bundle, String pkg) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return null;
        }
        for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (pkg.equals(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return wire.getProviderWiring().getClassLoader();
            }
        }
        return null;
    }
}
