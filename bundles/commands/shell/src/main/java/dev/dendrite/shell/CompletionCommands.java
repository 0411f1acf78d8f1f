package dev.dendrite.shell;

import dev.dendrite.api.data.DataSetProvider;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.Loss;
import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.tuning.StudyInfo;
import dev.dendrite.api.tuning.Tuner;
import dev.dendrite.api.tuning.TuningStrategy;
import dev.dendrite.models.ModelInfo;
import dev.dendrite.models.ModelStore;
import dev.dendrite.options.CommandCatalog;
import dev.dendrite.options.CommandSyntax;
import dev.dendrite.options.Completion;
import dev.dendrite.options.Option;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * What the console's Tab completes, from the syntax every bundle of commands publishes
 * ({@link CommandCatalog}) and the live registry: {@code ml:_options} lists each command's options
 * with their help, {@code ml:_values} the candidates of the word being typed (a plug-in name, a
 * data set, a saved model or study, a file). Both names start with {@code _}, which keeps them out
 * of the console's command completion; {@code etc/gosh_profile} registers them.
 */
@Component(service = CompletionCommands.class,
        property = {"osgi.command.scope=ml", "osgi.command.function=_options", "osgi.command.function=_values"})
public final class CompletionCommands {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    volatile List<CommandCatalog> catalogs = List.of();

    private final PluginCatalog plugins;
    private final ModelStore models;
    private final Tuner tuner;

    @Activate
    public CompletionCommands(@Reference PluginCatalog plugins, @Reference ModelStore models, @Reference Tuner tuner) {
        this.plugins = plugins;
        this.models = models;
        this.tuner = tuner;
    }

    @Descriptor("the options of every ml command, one map per option: command, option (without --), description")
    public List<Map<String, String>> _options() {
        List<Map<String, String>> all = new ArrayList<>();
        for (CommandSyntax command : commands()) {
            for (Option<?> option : command.options()) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("command", command.name());
                entry.put("option", option.name());
                entry.put("description", option.help() + (option.defaultText() == null ? "" : " (default " + option.defaultText() + ")"));
                all.add(entry);
            }
        }
        return all;
    }

    @Descriptor("the candidates of the next word of a command line")
    public List<String> _values(@Descriptor("the words before the one being completed, the command first") List<String> words) {
        return _values(words, "");
    }

    @Descriptor("the candidates of the word being completed")
    public List<String> _values(@Descriptor("the words before the one being completed, the command first") List<String> words,
                                @Descriptor("what is typed of the word so far") String typed) {
        if (words.isEmpty()) {
            return List.of();
        }
        String name = words.get(0).contains(":") ? words.get(0) : "ml:" + words.get(0);
        return commands().stream().filter(c -> c.name().equals(name)).findFirst()
                .map(c -> candidates(c.completionAfter(words), typed)).orElse(List.of());
    }

    private List<CommandSyntax> commands() {
        List<CommandSyntax> all = new ArrayList<>();
        catalogs.forEach(catalog -> all.addAll(catalog.commands()));
        return all;
    }

    private List<String> candidates(Completion completion, String typed) {
        return switch (completion.source()) {
            case "activation" -> plugins.names(Activation.class);
            case "loss" -> plugins.names(Loss.class);
            case "optimizer" -> plugins.names(Optimizer.class);
            case "backend" -> plugins.names(MatrixMath.class);
            case "strategy" -> plugins.names(TuningStrategy.class);
            case "dataset" -> concat(plugins.names(DataSetProvider.class), files(typed));
            case "model" -> concat(models.list().stream().map(ModelInfo::name).toList(), files(typed));
            case "study" -> tuner.list().stream().map(StudyInfo::name).toList();
            case "file" -> files(typed);
            case "values" -> completion.values();
            default -> List.of();
        };
    }

    /** The files and folders (ending in /) in the folder of what is typed, relative to the working directory. */
    static List<String> files(String typed) {
        int slash = typed.lastIndexOf('/');
        String prefix = slash >= 0 ? typed.substring(0, slash + 1) : "";
        Path folder = Path.of(prefix.isEmpty() ? "." : prefix);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> prefix + p.getFileName() + (Files.isDirectory(p) ? "/" : "")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
