package dev.dendrite.data;

import dev.dendrite.api.data.DataSetProvider;
import dev.dendrite.api.plugin.BundleProblem;
import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.plugin.PluginInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The plug-in catalog as one data service reads it, outside OSGi: every provider bound through
 * {@link #bind} is selected for its name until a test deselects it. Which provider of a name the
 * platform selects is the catalog's rule, tested in the nn bundle.
 */
final class SelectingCatalog implements PluginCatalog {
    private static final AtomicLong NEXT_SERVICE_ID = new AtomicLong(100);

    private final Map<Long, String> selected = new ConcurrentHashMap<>();

    /** Binds {@code provider} to {@code service} as SCR would, with a fresh service.id, and selects it; returns its service properties. */
    Map<String, Object> bind(DefaultDataService service, DataSetProvider provider, String name) {
        long id = NEXT_SERVICE_ID.getAndIncrement();
        selected.put(id, name);
        Map<String, Object> properties = Map.of("name", name, "service.id", id);
        service.addProvider(provider, properties);
        return properties;
    }

    void select(Map<String, Object> properties, boolean on) {
        if (on) {
            selected.put((Long) properties.get("service.id"), (String) properties.get("name"));
        } else {
            selected.remove((Long) properties.get("service.id"));
        }
    }

    @Override
    public List<PluginInfo> list(Class<?> kind) {
        return selected.entrySet().stream().map(e -> new PluginInfo(e.getValue(), "", e.getKey(), 0, -1, "test", "0", true)).toList();
    }

    @Override
    public List<String> names(Class<?> kind) {
        throw new AssertionError("not used");
    }

    @Override
    public Optional<PluginInfo> preferred(Class<?> kind) {
        throw new AssertionError("not used");
    }

    @Override
    public List<BundleProblem> problems() {
        throw new AssertionError("not used");
    }
}
