package dev.dendrite.data;

import dev.dendrite.api.data.DataService;
import java.util.Map;

/** The data service as SCR wires it with the built-in data sets, for the tuning tests (outside OSGi). */
public final class BuiltInData {

    private BuiltInData() {
    }

    public static DataService service() {
        DefaultDataService service = new DefaultDataService();
        service.addProvider(new XorDataSet(), Map.of("name", "xor", "service.id", 1L));
        service.addProvider(new MoonsDataSet(), Map.of("name", "moons", "service.id", 2L));
        service.addProvider(new CirclesDataSet(), Map.of("name", "circles", "service.id", 3L));
        service.addProvider(new SpiralsDataSet(), Map.of("name", "spirals", "service.id", 4L));
        service.addProvider(new SineDataSet(), Map.of("name", "sine", "service.id", 5L));
        return service;
    }
}
