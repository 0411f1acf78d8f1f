package dev.dendrite.itests.versioned;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** The activator of a test bundle that resolves but never starts. */
public final class FailingActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException("fails to start on purpose");
    }

    @Override
    public void stop(BundleContext context) {
    }
}
