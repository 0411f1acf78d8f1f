package dev.dendrite.api.plugin;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Lists plug-in services of one kind (the service interface, e.g. {@code Activation.class}).
 * Among services with the same {@code name}, the selected one is the highest
 * {@code service.ranking}, then the lowest {@code service.id} (the OSGi order).
 */
@ProviderType
public interface PluginCatalog {

    /** Every registered implementation of {@code kind}, sorted by name, the selected one first. */
    List<PluginInfo> list(Class<?> kind);

    /** The sorted, distinct names registered for {@code kind}. */
    List<String> names(Class<?> kind);
}
