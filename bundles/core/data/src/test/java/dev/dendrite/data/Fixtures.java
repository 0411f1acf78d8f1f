package dev.dendrite.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dendrite.api.data.DataOptions;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.function.Executable;

/** Shared test set-up: test data files and a data service with the built-ins bound. */
final class Fixtures {
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
        SelectingCatalog catalog = new SelectingCatalog();
        DefaultDataService service = new DefaultDataService(catalog);
        catalog.bind(service, new XorDataSet(), "xor");
        catalog.bind(service, new MoonsDataSet(), "moons");
        catalog.bind(service, new CirclesDataSet(), "circles");
        catalog.bind(service, new SpiralsDataSet(), "spirals");
        catalog.bind(service, new SineDataSet(), "sine");
        return service;
    }

    static DataOptions options(String target, double validation, long seed) {
        return new DataOptions(target, validation, seed);
    }

    /** Asserts that {@code call} throws an IllegalArgumentException with exactly this message. */
    static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
