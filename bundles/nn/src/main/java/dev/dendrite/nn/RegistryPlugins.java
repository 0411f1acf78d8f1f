package dev.dendrite.nn;

import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.plugin.PluginInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Plug-ins as the OSGi service registry has them, queried afresh on every call so that services
 * arriving, leaving or changing rank are seen at once. Among services of one {@code name}, the
 * selected one is the greatest {@link ServiceReference} in OSGi order: highest
 * {@code service.ranking}, then lowest {@code service.id}.
 */
final class RegistryPlugins implements PluginCatalog, PluginResolver {
    static final String NAME = "name";
    static final String DESCRIPTION = "description";

    private final BundleContext context;

    RegistryPlugins(BundleContext context) {
        this.context = context;
    }

    @Override
    public List<PluginInfo> list(Class<?> kind) {
        List<PluginInfo> infos = new ArrayList<>();
        for (Map.Entry<String, List<ServiceReference<?>>> e : byName(kind).entrySet()) {
            List<ServiceReference<?>> refs = e.getValue();
            refs.sort(Comparator.reverseOrder());
            for (int i = 0; i < refs.size(); i++) {
                infos.add(info(e.getKey(), refs.get(i), i == 0));
            }
        }
        return infos;
    }

    @Override
    public List<String> names(Class<?> kind) {
        return new ArrayList<>(byName(kind).keySet());
    }

    @Override
    public <T> Plugin<T> resolve(Class<T> kind, String name) {
        Optional<ServiceReference<T>> selected = references(kind).stream()
                .filter(r -> name == null || name.equals(nameOf(r)))
                .max(Comparator.naturalOrder());
        if (selected.isEmpty()) {
            throw new IllegalArgumentException(name == null
                    ? "no " + PluginResolver.kindName(kind) + " is registered"
                    : "unknown " + PluginResolver.kindName(kind) + " '" + name + "' (available: " + String.join(", ", names(kind)) + ")");
        }
        ServiceReference<T> ref = selected.get();
        T service = context.getService(ref);
        if (service == null) {
            throw new IllegalStateException(PluginResolver.kindName(kind) + " '" + name + "' went away while being bound");
        }
        return new Plugin<>(nameOf(ref), service, provider(ref), () -> ref.getBundle() != null, () -> context.ungetService(ref));
    }

    private Map<String, List<ServiceReference<?>>> byName(Class<?> kind) {
        Map<String, List<ServiceReference<?>>> byName = new TreeMap<>();
        for (ServiceReference<?> ref : references(kind)) {
            byName.computeIfAbsent(nameOf(ref), k -> new ArrayList<>()).add(ref);
        }
        return byName;
    }

    private <T> Collection<ServiceReference<T>> references(Class<T> kind) {
        try {
            return context.getServiceReferences(kind, "(" + NAME + "=*)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nameOf(ServiceReference<?> ref) {
        return String.valueOf(ref.getProperty(NAME));
    }

    private static PluginInfo info(String name, ServiceReference<?> ref, boolean selected) {
        Bundle b = ref.getBundle();
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        return new PluginInfo(name,
                Objects.toString(ref.getProperty(DESCRIPTION), ""),
                (Long) ref.getProperty(Constants.SERVICE_ID),
                ranking instanceof Integer i ? i : 0,
                b == null ? -1 : b.getBundleId(),
                b == null ? "(unregistered)" : b.getSymbolicName(),
                b == null ? "" : b.getVersion().toString(),
                selected);
    }

    private static String provider(ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        return b == null ? "(unregistered)" : b.getSymbolicName() + " " + b.getVersion() + " [" + b.getBundleId() + "]";
    }


}
