package dev.dendrite.api.plugin;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Lists plug-in services of one kind (the service interface, e.g. {@code Activation.class}) and
 * the installed bundles that fail. Among services with the same {@code name}, the selected one
 * (the one a new run asking for that name gets) is decided, in this order, by:
 * <ol>
 *   <li>the higher {@code service.ranking};</li>
 *   <li>the higher bundle version among bundles of one symbolic name: {@code gelu-1.1.0.jar}
 *       installed beside {@code gelu-1.0.0.jar} serves, in whichever order they were installed,
 *       and takes the older one's place in the next rule;</li>
 *   <li>the oldest service (lowest {@code service.id}), counting for each bundle symbolic name its
 *       oldest service of that name.</li>
 * </ol>
 * The same rule picks the implementation of any name that serves a run naming none (e.g. the maths
 * back-end without {@code --backend}).
 */
@ProviderType
public interface PluginCatalog {

    /** Every registered implementation of {@code kind}, sorted by name, each name's selected one first. */
    List<PluginInfo> list(Class<?> kind);

    /** The sorted, distinct names registered for {@code kind}. */
    List<String> names(Class<?> kind);

    /** The implementation of {@code kind} a new run asking for {@code name} gets; empty when none has that name (since 1.1). */
    default Optional<PluginInfo> selected(Class<?> kind, String name) {
        return list(kind).stream().filter(p -> p.selected() && p.name().equals(name)).findFirst();
    }

    /** The implementation of {@code kind} a run that names none gets; empty when none is registered (since 1.1). */
    Optional<PluginInfo> preferred(Class<?> kind);

    /** The installed bundles that do not resolve, or were asked to start and are not active, by bundle id (since 1.1). */
    List<BundleProblem> problems();
}
