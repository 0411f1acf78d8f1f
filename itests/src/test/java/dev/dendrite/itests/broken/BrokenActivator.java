package dev.dendrite.itests.broken;

import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.Optimizer;
import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Registers the broken plug-in its bundle's headers name (no DS needed): {@code Broken-Plugin}
 * (the class), {@code Broken-Name} (the service's {@code name}) and {@code Broken-From} (the
 * call from which it fails).
 */
public final class BrokenActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) throws ReflectiveOperationException {
        String type = context.getBundle().getHeaders().get("Broken-Plugin");
        int from = Integer.parseInt(context.getBundle().getHeaders().get("Broken-From"));
        Object plugin = context.getBundle().loadClass(type).getConstructor(int.class).newInstance(from);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("name", context.getBundle().getHeaders().get("Broken-Name"));
        properties.put("description", "fails on purpose from call " + from);
        if (plugin instanceof Optimizer optimizer) {
            context.registerService(Optimizer.class, optimizer, properties);
        } else {
            context.registerService(Activation.class, (Activation) plugin, properties);
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
