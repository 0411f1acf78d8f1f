package dev.dendrite.nn;

import dev.dendrite.api.plugin.BundleProblem;
import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.plugin.PluginInfo;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Publishes the registry's view of the plug-ins as the {@link PluginCatalog} service, and logs
 * each plug-in's arrival, departure and change of rank ({@link PluginLog}).
 */
@Component(service = PluginCatalog.class, immediate = true)
public final class PluginCatalogComponent implements PluginCatalog {
    private final RegistryPlugins plugins;
    private final BundleContext context;
    private final PluginLog log;

    @Activate
    public PluginCatalogComponent(BundleContext context) throws InvalidSyntaxException {
        this.context = context;
        this.plugins = new RegistryPlugins(context);
        this.log = new PluginLog(plugins);
        context.addServiceListener(log, PluginLog.FILTER);
    }

    @Deactivate
    void deactivate() {
        context.removeServiceListener(log);
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
