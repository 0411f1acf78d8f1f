package dev.dendrite.itests.versioned;

import dev.dendrite.api.nn.Activation;
import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers {@link Gelu} as activation {@code gelu}, its description naming the bundle's version (no DS needed). */
public final class GeluActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("name", "gelu");
        properties.put("description", "GELU, tanh form (test bundle " + context.getBundle().getVersion() + ")");
        context.registerService(Activation.class, new Gelu(), properties);
    }

    @Override
    public void stop(BundleContext context) {
    }
}
