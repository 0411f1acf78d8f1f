package dev.dendrite.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.tuning.Tuner;
import dev.dendrite.models.ModelStore;
import dev.dendrite.models.store.FileModelStore;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Tab offers: options from the commands' syntax, values from the live registry, models and files. */
class CompletionCommandsTest {
    @TempDir
    Path dir;

    private final List<String> activations = new java.util.ArrayList<>(List.of("relu", "sigmoid", "tanh"));

    private CompletionCommands completion() {
        return completion(dir, activations);
    }

    /** The completion of ml:train and ml:eval, with the activations {@code activations} and the models saved under {@code dir}. */
    static CompletionCommands completion(Path dir, List<String> activations) {
        PluginCatalog plugins = (PluginCatalog) Proxy.newProxyInstance(CompletionCommandsTest.class.getClassLoader(), new Class<?>[] {PluginCatalog.class},
                (proxy, method, args) -> method.getName().equals("names") && args[0] == Activation.class ? List.copyOf(new java.util.TreeSet<>(activations))
                        : List.of());
        Tuner tuner = (Tuner) Proxy.newProxyInstance(CompletionCommandsTest.class.getClassLoader(), new Class<?>[] {Tuner.class},
                (proxy, method, args) -> List.of());
        ModelStore models = new FileModelStore(dir.resolve("models"));
        CompletionCommands commands = new CompletionCommands(plugins, models, tuner);
        commands.catalogs = List.of(() -> List.of(TrainCommand.SYNTAX), () -> List.of(ModelCommands.EVAL));
        return commands;
    }

    @Test
    void everyOptionOfEveryCommandIsListedWithItsHelp() {
        List<Map<String, String>> options = completion()._options();
        assertTrue(options.contains(Map.of("command", "ml:train", "option", "activation",
                "description", "hidden-layer activation (ml:activations)")), options.toString());
        assertTrue(options.contains(Map.of("command", "ml:train", "option", "lr",
                "description", "learning rate α > 0 (default the optimizer's)")), options.toString());
        assertTrue(options.stream().anyMatch(o -> o.get("command").equals("ml:eval") && o.get("option").equals("seed")));
    }

    @Test
    void anOptionsValueComesFromTheLiveRegistry() {
        CompletionCommands completion = completion();
        assertEquals(List.of("relu", "sigmoid", "tanh"), completion._values(List.of("ml:train", "--activation")));
        activations.add("swish");
        assertEquals(List.of("relu", "sigmoid", "swish", "tanh"), completion._values(List.of("train", "--layers", "8", "--activation")),
                "a plug-in deployed a moment ago completes; the command may be typed without its scope");
        assertEquals(List.of("he", "xavier", "small"), completion._values(List.of("ml:train", "--init")));
    }

    @Test
    void argumentsAreDataSetsModelsAndFiles() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/iris.csv"), "a,b\n");
        Files.createDirectories(dir.resolve("data/more"));
        String typed = dir.resolve("data").toString() + "/i";
        assertEquals(List.of(dir.resolve("data") + "/iris.csv", dir.resolve("data") + "/more/"),
                completion()._values(List.of("ml:train", "--lr", "0.1"), typed));
        assertEquals(List.of(), completion()._values(List.of("ml:train", "xor")), "ml:train takes one data set");
        assertEquals(List.of(), completion()._values(List.of("ml:nothing")));
    }
}
