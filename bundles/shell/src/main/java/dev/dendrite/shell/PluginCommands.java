package dev.dendrite.shell;

import dev.dendrite.api.data.DataSetProvider;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.Loss;
import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.plugin.PluginInfo;
import java.util.List;
import java.util.function.Predicate;
import dev.dendrite.options.CommandCatalog;
import dev.dendrite.options.CommandSyntax;
import java.util.function.Supplier;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ml:activations}, {@code ml:losses}, {@code ml:optimizers}, {@code ml:datasets},
 * {@code ml:backends}: every registered implementation with its bundle and ranking; {@code *}
 * marks the one a new run uses for that name.
 */
@Component(service = {PluginCommands.class, CommandCatalog.class}, property = {
        "osgi.command.scope=ml",
        "osgi.command.function=activations",
        "osgi.command.function=losses",
        "osgi.command.function=optimizers",
        "osgi.command.function=datasets",
        "osgi.command.function=backends"})
public final class PluginCommands implements CommandCatalog {
    static final CommandSyntax ACTIVATIONS = listing("activations", "the activation functions");
    static final CommandSyntax LOSSES = listing("losses", "the loss functions");
    static final CommandSyntax OPTIMIZERS = listing("optimizers", "the optimizers");
    static final CommandSyntax DATASETS = listing("datasets", "the built-in data sets (ml:train also takes a CSV or IDX file)");
    static final CommandSyntax BACKENDS = listing("backends",
            "the matrix-maths back-ends (* = the highest ranked, used when --backend is not given)");

    @Reference
    private PluginCatalog catalog;

    private static CommandSyntax listing(String name, String what) {
        return CommandSyntax.command("ml:" + name, "lists " + what + ": name, ranking, providing bundle, description;"
                + " * marks the one new runs use").build();
    }

    @Override
    public List<CommandSyntax> commands() {
        return List.of(ACTIVATIONS, LOSSES, OPTIMIZERS, DATASETS, BACKENDS);
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

    @Descriptor("lists the matrix-maths back-ends (* = the highest ranked, used when --backend is not given)")
    public Object backends(@Descriptor("--help, or nothing") String... words) {
        return list(BACKENDS, words, () -> {
            List<PluginInfo> infos = catalog.list(MatrixMath.class);
            PluginInfo best = infos.stream().max(PluginCommands::registryOrder).orElse(null);
            return table(infos, p -> p == best);
        });
    }

    private static Object list(CommandSyntax syntax, String[] words, Supplier<String> table) {
        return syntax.run(words, option -> null, arguments -> table.get());
    }

    private String table(Class<?> kind) {
        return table(catalog.list(kind), PluginInfo::selected);
    }

    private static String table(List<PluginInfo> infos, Predicate<PluginInfo> inUse) {
        if (infos.isEmpty()) {
            return "(none registered)";
        }
        Table t = new Table("", "name", "ranking", "bundle", "description");
        for (PluginInfo p : infos) {
            t.row(inUse.test(p) ? "*" : " ", p.name(), p.ranking(), p.bundle(), p.description());
        }
        return t.toString().stripTrailing();
    }

    /** The OSGi service order: higher ranking first, then lower service id. */
    private static int registryOrder(PluginInfo a, PluginInfo b) {
        int byRanking = Integer.compare(a.ranking(), b.ranking());
        return byRanking != 0 ? byRanking : Long.compare(b.serviceId(), a.serviceId());
    }
}
