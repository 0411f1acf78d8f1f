package dev.dendrite.models.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.Task;
import dev.dendrite.api.nn.Model;
import dev.dendrite.models.ModelInfo;
import dev.dendrite.models.ModelStore;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store: names, folders, listing, loading by name or path, atomic replacement, live configuration. */
class FileModelStoreTest {
    @TempDir
    Path dir;

    @Test
    void savesLoadsAndListsByName() throws IOException {
        ModelStore store = new FileModelStore(dir.resolve("models"));
        Instant before = Instant.now().minusMillis(1);
        Path file = store.save("iris-v1.2_a", TestModels.classifier(1));
        store.save("diabetes", TestModels.regressor(1));
        assertEquals(dir.resolve("models/iris-v1.2_a.model.json"), file);
        assertTrue(TestModels.identical(TestModels.classifier(1), store.load("iris-v1.2_a")));
        assertTrue(TestModels.identical(TestModels.classifier(1), store.load(file.toString())), "by path");

        List<ModelInfo> infos = store.list();
        assertEquals(List.of("diabetes", "iris-v1.2_a"), infos.stream().map(ModelInfo::name).toList());
        ModelInfo iris = infos.get(1);
        assertEquals(file, iris.path());
        assertEquals(Task.CLASSIFICATION, iris.task());
        assertEquals("4-5-3", iris.layers());
        assertEquals(Files.size(file), iris.size());
        assertTrue(!iris.created().isBefore(before) && !iris.created().isAfter(Instant.now()), iris.created().toString());
        assertNull(iris.problem());
        assertEquals("3-4-1", infos.get(0).layers());
        assertEquals(Task.REGRESSION, infos.get(0).task());
    }

    @Test
    void savingAgainReplacesTheModel() {
        ModelStore store = new FileModelStore(dir);
        store.save("m", TestModels.classifier(1));
        store.save("m", TestModels.classifier(2));
        assertTrue(TestModels.identical(TestModels.classifier(2), store.load("m")));
        assertEquals(1, store.list().size());
    }

    @Test
    void aFailureDuringASaveKeepsThePreviousFile() throws IOException {
        ModelStore store = new FileModelStore(dir);
        Path file = store.save("m", TestModels.classifier(1));
        byte[] previous = Files.readAllBytes(file);
        Model broken = TestModels.withWeight(TestModels.classifier(2), 1, 14, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.save("m", broken));
        assertEquals("cannot save model m: NaN cannot be written in JSON at layers[1].weights[2][4]", e.getMessage());
        assertArrayEquals(previous, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "the half-written temporary file is gone");
        }
    }

    @Test
    void unreadableFilesAreListedWithTheirProblem() throws IOException {
        ModelStore store = new FileModelStore(dir);
        store.save("good", TestModels.regressor(1));
        Files.writeString(dir.resolve("bad.model.json"), "{\"format\": \"dendrite-model\", ");
        Files.writeString(dir.resolve("notes.txt"), "not a model");
        Files.writeString(dir.resolve(".good.model.json.x1.tmp"), "left by a crash");
        List<ModelInfo> infos = store.list();
        assertEquals(List.of("bad", "good"), infos.stream().map(ModelInfo::name).toList());
        ModelInfo bad = infos.get(0);
        assertNull(bad.task());
        assertEquals(Files.size(dir.resolve("bad.model.json")), bad.size());
        assertEquals("model file " + dir.resolve("bad.model.json") + ": line 1, column 30: unexpected end of input,"
                + " expected a string (an object key)", bad.problem());
    }

    @Test
    void unknownModelsAreRefusedListingTheSavedOnes() {
        ModelStore store = new FileModelStore(dir);
        assertEquals("no model named iris in " + dir + " (saved: none)",
                assertThrows(IllegalArgumentException.class, () -> store.load("iris")).getMessage());
        store.save("b", TestModels.regressor(1));
        store.save("a", TestModels.regressor(2));
        assertEquals("no model named iris in " + dir + " (saved: a, b)",
                assertThrows(IllegalArgumentException.class, () -> store.load("iris")).getMessage());
        assertEquals("no such model file: " + dir.resolve("x/y.model.json"),
                assertThrows(IllegalArgumentException.class, () -> store.load(dir.resolve("x/y.model.json").toString())).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "../up", "a/b", ".hidden", "-dash", "é", "x:y"})
    void invalidNamesAreRefused(String name) {
        ModelStore store = new FileModelStore(dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.save(name, TestModels.regressor(1)));
        assertEquals("invalid model name '" + name + "': use letters, digits, '.', '_' and '-' only,"
                + " starting with a letter or digit, at most 200 characters", e.getMessage());
    }

    @Test
    void namesCanBeCheckedBeforeTraining() {
        assertEquals("fashion-adam.e10_b", ModelStore.checkName("fashion-adam.e10_b"));
        assertEquals("invalid model name 'a b': use letters, digits, '.', '_' and '-' only,"
                + " starting with a letter or digit, at most 200 characters",
                assertThrows(IllegalArgumentException.class, () -> ModelStore.checkName("a b")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelStore.checkName(null));
    }

    @Test
    void namesAreLimitedTo200Characters() {
        ModelStore store = new FileModelStore(dir);
        store.save("a".repeat(200), TestModels.regressor(1));
        assertThrows(IllegalArgumentException.class, () -> store.save("a".repeat(201), TestModels.regressor(1)));
    }

    @Test
    void theFolderDefaultsToModelsUnderDendriteHome() {
        Path cwd = Path.of("").toAbsolutePath();
        assertEquals(cwd.resolve("models"), FileModelStore.folder("", null));
        assertEquals(cwd.resolve("models"), FileModelStore.folder(null, " "));
        assertEquals(Path.of("/opt/dendrite/models"), FileModelStore.folder("", "/opt/dendrite"));
        assertEquals(Path.of("/opt/dendrite/saved/v2"), FileModelStore.folder("saved/v2", "/opt/dendrite"));
        assertEquals(cwd.resolve("saved"), FileModelStore.folder(" saved ", null));
        assertEquals(Path.of("/data/models"), FileModelStore.folder("/data/models", "/opt/dendrite"));
    }

    @Test
    void theDefaultFolderIsUnderTheFrameworksDendriteHome() {
        FileModelStore store = new FileModelStore();
        store.configure(configuration(""), context(dir.toString()));
        assertEquals(dir.resolve("models"), store.folder());
        store.configure(configuration("saved"), context(dir.toString()));
        assertEquals(dir.resolve("saved"), store.folder());
    }

    @Test
    void aChangedConfigurationAppliesToTheNextCall() {
        FileModelStore store = new FileModelStore();
        store.configure(configuration(dir.resolve("one").toString()), context(null));
        store.save("m", TestModels.regressor(1));
        assertEquals(dir.resolve("one"), store.folder());
        store.configure(configuration(dir.resolve("two").toString()), context(null));
        assertEquals(dir.resolve("two"), store.folder());
        assertEquals(List.of(), store.list());
        assertThrows(IllegalArgumentException.class, () -> store.load("m"));
        assertTrue(TestModels.identical(TestModels.regressor(1), store.load(dir.resolve("one/m.model.json").toString())));
    }

    /** A bundle context that knows one property, dendrite.home. */
    private static BundleContext context(String home) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return dev.dendrite.api.platform.PlatformHome.PROPERTY.equals(args[0]) ? home : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ModelsConfiguration configuration(String folder) {
        return new ModelsConfiguration() {
            @Override
            public String folder() {
                return folder;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return ModelsConfiguration.class;
            }
        };
    }
}
