package dev.dendrite.nn;

import java.util.Arrays;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes to the log each change among the plug-ins new runs choose from: a plug-in service (a
 * service of a Dendrite API interface with a {@code name}) registered, unregistered or modified
 * (its ranking), with the bundle that serves its name afterwards, by {@link PluginOrder}'s rule:
 * {@code activation swish registered: org.example.swish 1.0.0 [39], service 120, ranking 0; serving: org.example.swish 1.0.0 [39]}.
 */
final class PluginLog implements ServiceListener {
    /** The plug-in services: those of the API's interfaces that carry a name. */
    static final String FILTER = "(&(" + RegistryPlugins.NAME + "=*)(objectClass=dev.dendrite.api.*))";

    private static final Logger LOG = LoggerFactory.getLogger(PluginLog.class);

    private final RegistryPlugins plugins;

    PluginLog(RegistryPlugins plugins) {
        this.plugins = plugins;
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        ServiceReference<?> ref = event.getServiceReference();
        String change = switch (event.getType()) {
            case ServiceEvent.REGISTERED -> "registered";
            case ServiceEvent.MODIFIED -> "modified";
            case ServiceEvent.UNREGISTERING -> "unregistered";
            default -> null;
        };
        String kind = Arrays.stream((String[]) ref.getProperty(Constants.OBJECTCLASS))
                .filter(c -> c.startsWith("dev.dendrite.api.")).findFirst().orElse(null);
        if (change == null || kind == null) {
            return;
        }
        String name = RegistryPlugins.nameOf(ref);
        long id = (Long) ref.getProperty(Constants.SERVICE_ID);
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        String serving = plugins.serving(kind, name, event.getType() == ServiceEvent.UNREGISTERING ? id : -1)
                .orElse("none left");
        LOG.info("{} {} {}: {}, service {}, ranking {}; serving: {}", PluginResolver.kindName(kind), name, change,
                RegistryPlugins.provider(ref), id, ranking instanceof Integer ? ranking : 0, serving);
    }
}
