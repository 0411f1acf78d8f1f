package dev.dendrite.nn;

import dev.dendrite.api.plugin.BundleProblem;
import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.plugin.PluginInfo;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Publishes the registry's view of the plug-ins as the {@link PluginCatalog} service. */
@Component(service = PluginCatalog.class)
public final class PluginCatalogComponent implements PluginCatalog {
    private final RegistryPlugins plugins;

    @Activate
    public PluginCatalogComponent(BundleContext context) {
        this.plugins = new RegistryPlugins(context);
    }

    @Override
    public List<PluginInfo> list(Class<?> kind) {
        return plugins.list(kind);
    }

    @Override
    public List<String> names(Class<?> kind) {
        return plugins.names(kind);
    }

    @Override
    public Optional<PluginInfo> preferred(Class<?> kind) {
        return plugins.preferred(kind);
    }

    @Override
    public List<BundleProblem> problems() {
        return plugins.problems();
    }
}
