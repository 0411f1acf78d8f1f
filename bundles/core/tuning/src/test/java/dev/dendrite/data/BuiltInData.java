package dev.dendrite.data;

import dev.dendrite.api.data.DataService;
import dev.dendrite.api.plugin.BundleProblem;
import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.plugin.PluginInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The data service as SCR wires it with the built-in data sets, for the tuning tests (outside OSGi). */
public final class BuiltInData {
    /** The built-ins' names, each served by the provider of service id its position + 1. */
    private static final List<String> NAMES = List.of("xor", "moons", "circles", "spirals", "sine");

    private BuiltInData() {
    }

    public static DataService service() {
        DefaultDataService service = new DefaultDataService(new PluginCatalog() {
            @Override
            public List<PluginInfo> list(Class<?> kind) {
                return NAMES.stream().map(name -> new PluginInfo(name, "", NAMES.indexOf(name) + 1L, 0, -1, "test", "0", true)).toList();
            }

            @Override
            public List<String> names(Class<?> kind) {
                return NAMES;
            }

            @Override
            public Optional<PluginInfo> preferred(Class<?> kind) {
                throw new AssertionError("not used");
            }

            @Override
            public List<BundleProblem> problems() {
                throw new AssertionError("not used");
            }
        });
        service.addProvider(new XorDataSet(), Map.of("name", "xor", "service.id", 1L));
        service.addProvider(new MoonsDataSet(), Map.of("name", "moons", "service.id", 2L));
        service.addProvider(new CirclesDataSet(), Map.of("name", "circles", "service.id", 3L));
        service.addProvider(new SpiralsDataSet(), Map.of("name", "spirals", "service.id", 4L));
        service.addProvider(new SineDataSet(), Map.of("name", "sine", "service.id", 5L));
        return service;
    }
}
