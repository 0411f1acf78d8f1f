package dev.dendrite.shell;

import dev.dendrite.api.data.DataSetProvider;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.Loss;
import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.plugin.PluginInfo;
import dev.dendrite.options.Arguments;
import dev.dendrite.options.CommandCatalog;
import dev.dendrite.options.CommandSyntax;
import dev.dendrite.options.Option;
import dev.dendrite.options.PluginKinds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ml:activations}, {@code ml:losses}, {@code ml:optimizers}, {@code ml:datasets},
 * {@code ml:backends}: every registered implementation with its bundle and ranking; {@code *}
 * marks the one a new run uses for that name, and one that a newer version of its bundle replaces
 * says so ({@link PluginTable}). {@code ml:plugins}: every plug-in of every kind, then the
 * installed bundles that do not resolve or do not start, with the cause.
 */
@Component(service = {PluginCommands.class, CommandCatalog.class}, property = {
        "osgi.command.scope=ml",
        "osgi.command.function=activations",
        "osgi.command.function=losses",
        "osgi.command.function=optimizers",
        "osgi.command.function=datasets",
        "osgi.command.function=backends",
        "osgi.command.function=plugins"})
public final class PluginCommands implements CommandCatalog {
    static final CommandSyntax ACTIVATIONS = listing("activations", "the activation functions");
    static final CommandSyntax LOSSES = listing("losses", "the loss functions");
    static final CommandSyntax OPTIMIZERS = listing("optimizers", "the optimizers");
    static final CommandSyntax DATASETS = listing("datasets", "the built-in data sets (ml:train also takes a CSV or IDX file)");
    static final CommandSyntax BACKENDS = listing("backends",
            "the matrix-maths back-ends (* = the one used when --backend is not given)");
    static final Option<Boolean> PROBLEMS = Option.flag("problems", "only the installed bundles that do not resolve or do not start");
    static final CommandSyntax PLUGINS = CommandSyntax.command("ml:plugins", "lists every plug-in of every kind (as ml:activations"
            + " and the others do), then the installed bundles that do not resolve or do not start, with the missing requirement"
            + " or the error").option(PROBLEMS).build();

    private final PluginCatalog catalog;

    @Activate
    public PluginCommands(@Reference PluginCatalog catalog) {
        this.catalog = catalog;
    }

    private static CommandSyntax listing(String name, String what) {
        return CommandSyntax.command("ml:" + name, "lists " + what + ": name, ranking, providing bundle, description;"
                + " * marks the one new runs use, (shadowed by VERSION) one that another version of its bundle replaces").build();
    }

    @Override
    public List<CommandSyntax> commands() {
        return List.of(ACTIVATIONS, LOSSES, OPTIMIZERS, DATASETS, BACKENDS, PLUGINS);
    }

    @Descriptor("lists the activation functions (name, ranking, providing bundle; * = used by new runs)")
    public Object activations(@Descriptor("--help, or nothing") String... words) {
        return list(ACTIVATIONS, words, () -> table(Activation.class));
    }

    @Descriptor("lists the loss functions (name, ranking, providing bundle; * = used by new runs)")
    public Object losses(@Descriptor("--help, or nothing") String... words) {
        return list(LOSSES, words, () -> table(Loss.class));
    }

    @Descriptor("lists the optimizers (name, ranking, providing bundle; * = used by new runs)")
    public Object optimizers(@Descriptor("--help, or nothing") String... words) {
        return list(OPTIMIZERS, words, () -> table(Optimizer.class));
    }

    @Descriptor("lists the built-in data sets (ml:train also takes a CSV path)")
    public Object datasets(@Descriptor("--help, or nothing") String... words) {
        return list(DATASETS, words, () -> table(DataSetProvider.class));
    }

    @Descriptor("lists the matrix-maths back-ends (* = the one used when --backend is not given)")
    public Object backends(@Descriptor("--help, or nothing") String... words) {
        return list(BACKENDS, words, () -> {
            long preferred = catalog.preferred(MatrixMath.class).map(PluginInfo::serviceId).orElse(-1L);
            return PluginTable.of(catalog.list(MatrixMath.class), p -> p.serviceId() == preferred);
        });
    }

    @Descriptor("lists every plug-in, then the installed bundles that do not resolve or do not start; ml:plugins --help lists the options")
    public Object plugins(@Descriptor("[--problems]") String... words) {
        return PLUGINS.run(words, option -> null, this::plugins);
    }

    private String plugins(Arguments arguments) {
        String problems = PluginTable.problems(catalog.problems());
        if (arguments.has(PROBLEMS)) {
            return problems;
        }
        Map<String, List<PluginInfo>> all = new LinkedHashMap<>();
        PluginKinds.ALL.forEach((kind, type) -> all.put(kind, catalog.list(type)));
        return PluginTable.byKind(all) + String.format("%n%nproblems:%n") + problems;
    }

    private static Object list(CommandSyntax syntax, String[] words, Supplier<String> table) {
        return syntax.run(words, option -> null, arguments -> table.get());
    }

    private String table(Class<?> kind) {
        return PluginTable.of(catalog.list(kind), PluginInfo::selected);
    }
}
