package dev.dendrite.depth;

import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.platform.PlatformHome;
import dev.dendrite.options.TrainingMemory;
import dev.dendrite.options.Arguments;
import dev.dendrite.options.CommandCatalog;
import dev.dendrite.options.CommandSyntax;
import dev.dendrite.options.Completion;
import dev.dendrite.options.Option;
import dev.dendrite.options.PlotFolder;
import dev.dendrite.options.TrainingOptions;
import dev.dendrite.plot.Figure;
import dev.dendrite.plot.Plots;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Gogo command {@code ml:depth}: tests "deep networks with the right architecture do better
 * than shallow ones with the same computational power" by training networks of 1, 2, 3, … hidden
 * layers with the same number of parameters (within 5 %) for the same epochs over several seeds
 * ({@link DepthStudy}), printing a table and the learning curves and writing the plots. The
 * training options are {@code ml:train}'s ({@link TrainingOptions}), with the study's defaults
 * ({@link DepthSettings#DEFAULT_TRAINING}).
 */
@Component(service = {DepthCommand.class, CommandCatalog.class}, property = {"osgi.command.scope=ml", "osgi.command.function=depth"})
public final class DepthCommand implements CommandCatalog {

    static final Option<DepthTask> TASK = Option.of("task", "NAME",
                    "generated task: spirals (two spirals of 2 turns, accuracy) or sawtooth (four nested tents, mse)", DepthTask::named)
            .writer(DepthTask::label).completion(Completion.of(DepthTask.names().toArray(String[]::new)))
            .defaultText(DepthSettings.DEFAULT_TASK.label());
    static final Option<Integer> PARAMS = Option.positiveInteger("params",
            "parameter budget: every network has this many weights and biases within 5 %")
            .defaultText(String.valueOf(DepthSettings.DEFAULT_BUDGET));
    static final Option<List<Integer>> DEPTHS = Option.integers("depths", "N,…", "numbers of hidden layers to compare")
            .checked(DepthCommand::checkDepths);
    static final Option<Integer> SEEDS = Option.positiveInteger("seeds", "runs per depth, with seeds --seed, --seed + 1, …")
            .defaultText(String.valueOf(DepthSettings.DEFAULT_SEEDS));
    static final Option<Integer> SAMPLES = Option.integer("samples", "training samples m; the validation set has as many")
            .checked(DepthCommand::checkSamples).defaultText(String.valueOf(DepthSettings.DEFAULT_SAMPLES));
    static final Option<Integer> THREADS = Option.positiveInteger("threads", "runs trained at the same time")
            .defaultText("the number of processors");
    /** The default plot folder, relative to the working directory. */

    static final CommandSyntax SYNTAX = CommandSyntax.command("ml:depth", "deep against shallow: trains networks of several"
                    + " depths with the same number of parameters and epochs over several seeds, prints the validation metric per"
                    + " depth (mean ± sd) and writes SVG/PNG plots")
            .options(List.of(TASK, PARAMS, DEPTHS, SEEDS))
            .options(TrainingOptions.only("epochs", "activation", "optimizer", "lr", "batch"))
            .option(SAMPLES)
            .options(TrainingOptions.only("seed"))
            .options(List.of(THREADS, PlotFolder.OUT))
            .options(TrainingOptions.only("backend"))
            .build();

    private final DepthStudy study;

    /** Where the plots go without {@code --out}: {@code plots} under this. */
    private final Path home;

    @Activate
    public DepthCommand(@Reference Trainer trainer, BundleContext context) {
        this(trainer, PlatformHome.of(context::getProperty));
    }

    /** A command whose plots go to {@code home/plots} without {@code --out}. */
    public DepthCommand(Trainer trainer, Path home) {
        this.study = new DepthStudy(trainer);
        this.home = home;
    }

    @Override
    public List<CommandSyntax> commands() {
        return List.of(SYNTAX);
    }

    @Descriptor("deep against shallow networks at equal parameter counts, over several seeds, with a plot;"
            + " ml:depth --help lists the options and their defaults")
    public Object depth(@Descriptor("[options]") String... words) {
        return SYNTAX.run(words, DepthCommand::shownDefault, arguments -> {
            DepthSettings settings = settings(arguments);
            TrainingMemory.check("--params " + settings.budget(), TrainingMemory.parameterBytes(settings.budget()),
                    Runtime.getRuntime().maxMemory());
            execute(settings, PlotFolder.of(arguments, home), System.out);
            return null;
        });
    }

    /** The settings of a command line: what it gives over the study's defaults. */
    static DepthSettings settings(Arguments arguments) {
        TrainingRequest.Builder training = DepthSettings.DEFAULT_TRAINING.toBuilder();
        TrainingOptions.apply(arguments, training);
        return new DepthSettings(arguments.get(TASK, DepthSettings.DEFAULT_TASK), arguments.get(PARAMS, DepthSettings.DEFAULT_BUDGET),
                arguments.get(DEPTHS, DepthSettings.DEFAULT_DEPTHS), arguments.get(SEEDS, DepthSettings.DEFAULT_SEEDS),
                training.build(), arguments.get(SAMPLES, DepthSettings.DEFAULT_SAMPLES),
                arguments.get(THREADS, Runtime.getRuntime().availableProcessors()));
    }

    /** The default {@code --help} shows for an option: the study's, or null for the option's own. */
    private static String shownDefault(Option<?> option) {
        return option == DEPTHS ? DEPTHS.write(DepthSettings.DEFAULT_DEPTHS) : TrainingOptions.show(option, DepthSettings.DEFAULT_TRAINING);
    }

    /**
     * Refuses depths outside 1 to {@link DepthSettings#MAX_DEPTH}, none, and a depth given twice.
     *
     * @throws IllegalArgumentException saying so
     */
    private static void checkDepths(List<Integer> depths) {
        if (depths.isEmpty() || depths.stream().anyMatch(d -> d < 1 || d > DepthSettings.MAX_DEPTH)
                || depths.stream().distinct().count() < depths.size()) {
            throw new IllegalArgumentException("must be distinct numbers of hidden layers from 1 to " + DepthSettings.MAX_DEPTH
                    + ", got " + depths.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
    }

    /**
     * Refuses fewer than 10 samples: too few to score a network on.
     *
     * @throws IllegalArgumentException saying so
     */
    private static void checkSamples(int samples) {
        if (samples < 10) {
            throw new IllegalArgumentException("the number of samples must be at least 10, got " + samples);
        }
    }

    /**
     * The plot folder of {@code --out}, created now so that a folder that cannot be is refused
     * before any training; null for {@code none}.
     */

    /** Runs the study, printing to {@code out} as it goes, and writes the plots to {@code folder} unless null. */
    void execute(DepthSettings s, Path folder, PrintStream out) {
        out.println("Deep against shallow: " + s.task().describe());
        out.println(s.describeTraining());
        out.printf(Locale.ROOT, "every network has %d parameters within 5 %%; FLOPs = forward operations per sample%n", s.budget());
        out.println();
        String metric = "val " + s.task().metric();
        out.printf(Locale.ROOT, "  %6s  %-12s %10s %12s  %-22s %8s %8s %8s%n", "hidden", "widths", "parameters", "FLOPs/sample",
                metric + " mean ± sd", "min", "max", "train s");
        DepthReport report = study.run(s, r -> out.printf(Locale.ROOT, "  %6d  %-12s %10d %12d  %.4f ± %.4f        %8.4f %8.4f %8.1f%n",
                r.architecture().hidden().size(), r.architecture().widths(), r.architecture().parameters(),
                r.architecture().flopsPerSample(), r.mean(), r.spread(), r.min(), r.max(), r.seconds()));
        out.println(verdict(report));
        out.println();
        out.print(DepthFigure.text(report));
        if (folder != null) {
            Figure figure = DepthFigure.of(report);
            String stem = "depth-" + s.task().label();
            try {
                Path svg = folder.resolve(stem + ".svg");
                Plots.writeSvg(figure, svg);
                out.println();
                out.println("plot " + svg);
                Path png = folder.resolve(stem + ".png");
                Plots.writePng(figure, png).ifPresentOrElse(out::println, () -> out.println("plot " + png));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot write plots to '" + folder + "': " + e.getMessage());
            }
        }
    }

    /** What the table shows, in one line: the best depth against the shallowest, measured by the seeds' spread. */
    static String verdict(DepthReport report) {
        DepthReport.Row best = report.best();
        DepthReport.Row shallow = report.shallowest();
        String metric = report.settings().task().metric();
        int shallowDepth = shallow.architecture().hidden().size();
        if (best == shallow) {
            return String.format(Locale.ROOT, "no deeper network beat %d hidden layer%s here (%s %.4f ± %.4f)", shallowDepth,
                    shallowDepth == 1 ? "" : "s", metric, shallow.mean(), shallow.spread());
        }
        double gap = Math.abs(best.mean() - shallow.mean());
        double spread = Math.max(best.spread(), shallow.spread());
        String measure = report.settings().seeds() < 2 ? "one seed per depth: no spread to measure it by"
                : gap > spread ? String.format(Locale.ROOT, "%.1f times the larger seed-to-seed spread", gap / spread)
                : "within the seed-to-seed spread: no clear difference";
        return String.format(Locale.ROOT, "best: %d hidden layers, %s %.4f ± %.4f, against %.4f ± %.4f with %d: a gap of %.4f, %s",
                best.architecture().hidden().size(), metric, best.mean(), best.spread(), shallow.mean(), shallow.spread(), shallowDepth,
                gap, measure);
    }
}
