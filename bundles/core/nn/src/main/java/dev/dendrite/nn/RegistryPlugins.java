package dev.dendrite.nn;

import dev.dendrite.api.plugin.BundleProblem;
import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.plugin.PluginInfo;
import dev.dendrite.nn.PluginOrder.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Plug-ins as the OSGi service registry has them, queried afresh on every call so that services
 * arriving, leaving or changing rank are seen at once. Which of the services of one {@code name}
 * serves is {@link PluginOrder}'s rule, here and in the listings alike.
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
        for (Map.Entry<String, List<Candidate<ServiceReference<?>>>> e : byName(kind).entrySet()) {
            List<Candidate<ServiceReference<?>>> ordered = PluginOrder.bestFirst(e.getValue());
            for (Candidate<ServiceReference<?>> c : ordered) {
                infos.add(info(e.getKey(), c, c == ordered.get(0), PluginOrder.shadowedBy(c, ordered)));
            }
        }
        return infos;
    }

    @Override
    public List<String> names(Class<?> kind) {
        return new ArrayList<>(byName(kind).keySet());
    }

    @Override
    public Optional<PluginInfo> preferred(Class<?> kind) {
        return PluginOrder.bestFirst(candidates(kind)).stream().findFirst()
                .flatMap(best -> list(kind).stream().filter(p -> p.serviceId() == best.serviceId()).findFirst());
    }

    @Override
    public List<BundleProblem> problems() {
        return BundleProblems.of(context);
    }

    @Override
    public <T> Plugin<T> resolve(Class<T> kind, String name) {
        List<Candidate<ServiceReference<?>>> matching = candidates(kind).stream()
                .filter(c -> name == null || name.equals(nameOf(c.service()))).toList();
        if (matching.isEmpty()) {
            throw new IllegalArgumentException(name == null
                    ? "no " + PluginResolver.kindName(kind) + " is registered"
                    : "unknown " + PluginResolver.kindName(kind) + " '" + name + "' (available: " + String.join(", ", names(kind)) + ")");
        }
        @SuppressWarnings("unchecked")
        ServiceReference<T> ref = (ServiceReference<T>) PluginOrder.bestFirst(matching).get(0).service();
        T service = context.getService(ref);
        if (service == null) {
            throw new IllegalStateException(PluginResolver.kindName(kind) + " '" + name + "' went away while being bound");
        }
        return new Plugin<>(nameOf(ref), service, provider(ref), () -> ref.getBundle() != null, () -> context.ungetService(ref));
    }

    private Map<String, List<Candidate<ServiceReference<?>>>> byName(Class<?> kind) {
        Map<String, List<Candidate<ServiceReference<?>>>> byName = new TreeMap<>();
        for (Candidate<ServiceReference<?>> c : candidates(kind)) {
            byName.computeIfAbsent(nameOf(c.service()), k -> new ArrayList<>()).add(c);
        }
        return byName;
    }

    /**
     * Which service serves new runs asking for {@code name} of the service interface {@code kind}
     * (its class name), leaving out the service {@code leaving} (one being unregistered; -1 for
     * none): its bundle, e.g. {@code org.example.swish 1.0.0 [39]}; empty when none is left.
     */
    Optional<String> serving(String kind, String name, long leaving) {
        return PluginOrder.bestFirst(candidates(kind).stream()
                        .filter(c -> c.serviceId() != leaving && name.equals(nameOf(c.service()))).toList())
                .stream().findFirst().map(c -> provider(c.service()));
    }

    private List<Candidate<ServiceReference<?>>> candidates(Class<?> kind) {
        return candidates(kind.getName());
    }

    private List<Candidate<ServiceReference<?>>> candidates(String kind) {
        ServiceReference<?>[] refs;
        try {
            refs = context.getServiceReferences(kind, "(" + NAME + "=*)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Candidate<ServiceReference<?>>> candidates = new ArrayList<>();
        if (refs != null) {
            for (ServiceReference<?> ref : refs) {
                candidates.add(Candidate.of(ref));
            }
        }
        return candidates;
    }

    static String nameOf(ServiceReference<?> ref) {
        return String.valueOf(ref.getProperty(NAME));
    }

    private static PluginInfo info(String name, Candidate<ServiceReference<?>> c, boolean selected, String shadowedBy) {
        ServiceReference<?> ref = c.service();
        return new PluginInfo(name,
                Objects.toString(ref.getProperty(DESCRIPTION), ""),
                c.serviceId(),
                c.ranking(),
                ref.getBundle() == null ? -1 : ref.getBundle().getBundleId(),
                c.bundleName(),
                ref.getBundle() == null ? "" : c.bundleVersion().toString(),
                selected,
                shadowedBy);
    }

    static String provider(ServiceReference<?> ref) {
        return ref.getBundle() == null ? "(unregistered)" : ref.getBundle().getSymbolicName() + " " + ref.getBundle().getVersion()
                + " [" + ref.getBundle().getBundleId() + "]";
    }
}
