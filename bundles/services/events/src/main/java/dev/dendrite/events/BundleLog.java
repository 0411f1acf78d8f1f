package dev.dendrite.events;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs bundles installed, updated and uninstalled while the platform runs (a plug-in copied into,
 * replaced in or removed from {@code deploy/}, or {@code bundle:install}), each with its location,
 * and the framework's errors about a bundle (one that does not resolve or whose activator fails),
 * with the cause's stack trace.
 */
@Component(immediate = true)
public final class BundleLog implements BundleListener, FrameworkListener {
    private static final Logger LOG = LoggerFactory.getLogger(BundleLog.class);

    private final BundleContext context;

    @Activate
    public BundleLog(BundleContext context) {
        this.context = context;
        context.addBundleListener(this);
        context.addFrameworkListener(this);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
        context.removeFrameworkListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        String change = switch (event.getType()) {
            case BundleEvent.INSTALLED -> "installed";
            case BundleEvent.UPDATED -> "updated";
            case BundleEvent.UNINSTALLED -> "uninstalled";
            default -> null;
        };
        if (change != null) {
            LOG.info("bundle {} {}: {}", name(event.getBundle()), change, event.getBundle().getLocation());
        }
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.ERROR) {
            Throwable cause = event.getThrowable();
            LOG.warn("bundle {}: {}", name(event.getBundle()), cause == null ? "error" : cause.getMessage(), cause);
        }
    }

    /** {@code org.example.swish 1.0.0 [39]}. */
    static String name(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]";
    }
}
