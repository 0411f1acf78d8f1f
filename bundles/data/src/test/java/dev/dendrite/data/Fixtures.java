package dev.dendrite.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataSetProvider;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/** Shared test set-up: test data files and a data service with the built-ins bound. */
final class Fixtures {
    private static long nextServiceId = 100;

    private Fixtures() {
    }

    /** The absolute path of a file in src/test/resources/data. */
    static String resource(String file) {
        try {
            return Path.of(Fixtures.class.getResource("/data/" + file).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service as SCR would wire it with the five built-in providers. */
    static DefaultDataService serviceWithBuiltIns() {
        DefaultDataService service = new DefaultDataService();
        bind(service, new XorDataSet(), "xor", 0);
        bind(service, new MoonsDataSet(), "moons", 0);
        bind(service, new CirclesDataSet(), "circles", 0);
        bind(service, new SpiralsDataSet(), "spirals", 0);
        bind(service, new SineDataSet(), "sine", 0);
        return service;
    }

    /** Binds {@code provider} with a fresh service.id; returns its service properties. */
    static Map<String, Object> bind(DefaultDataService service, DataSetProvider provider, String name, int ranking) {
        Map<String, Object> properties = Map.of("name", name, "service.ranking", ranking, "service.id", nextServiceId++);
        service.addProvider(provider, properties);
        return properties;
    }

    static DataOptions options(String target, double validation, long seed) {
        return new DataOptions(target, validation, seed);
    }

    /** Asserts that {@code call} throws an IllegalArgumentException with exactly this message. */
    static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
