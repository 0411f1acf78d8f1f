package dev.dendrite.uat;

import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.platform.PlatformHome;
import dev.dendrite.options.Arguments;
import dev.dendrite.options.CommandCatalog;
import dev.dendrite.options.CommandException;
import dev.dendrite.options.CommandSyntax;
import dev.dendrite.options.Completion;
import dev.dendrite.options.Option;
import dev.dendrite.options.PlotFolder;
import dev.dendrite.options.Quote;
import dev.dendrite.options.TrainingOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntFunction;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Gogo command {@code ml:uat}: runs the {@link UatDemo} and prints a table of max and RMS
 * error per hidden width, a text plot of the best fit and what the theorem says, and writes the
 * SVG (and PNG) plots. The training options are {@code ml:train}'s ({@link TrainingOptions}), read
 * and checked by them; only their defaults are the demo's ({@link UatSettings#defaultTraining}),
 * which depend on the number of variables of the target.
 */
@Component(service = {UatCommand.class, CommandCatalog.class}, property = {"osgi.command.scope=ml", "osgi.command.function=uat"})
public final class UatCommand implements CommandCatalog {

    static final Option<Target> FUNCTION = Option.of("function", "NAME", "target function: " + String.join(", ", Target.names()),
            Target::named).completion(Completion.of(Target.names().toArray(String[]::new))).defaultText("sin");
    static final Option<Target> EXPR = Option.of("expr", "EXPRESSION", "your own target instead of --function, quoted: an"
                    + " expression in x (and y for two variables), e.g. 'exp(-x^2)*cos(3*x)'; + - * / ^ ( ), numbers, pi, e, sin cos"
                    + " tan asin acos atan sinh cosh tanh exp log sqrt abs sign floor ceil min max",
            text -> Target.expression(text, -Math.PI, Math.PI)).defaultText("none");
    static final Option<Domain> DOMAIN = Option.of("domain", "LO,HI",
                    "domain of each variable, e.g. -1,1 or '-2*pi,2*pi'", Domain::parse)
            .defaultText("the function's own; -pi,pi for --expr");
    static final Option<List<Integer>> WIDTHS = Option.integers("widths", "N,…", "hidden widths n[1] to try, one network each")
            .checked(UatCommand::checkWidths);
    static final Option<Integer> SAMPLES = Option.integer("samples", "training samples m, spread over the domain")
            .checked(UatCommand::checkSamples);
    /** The default plot folder, relative to the working directory. */

    static final CommandSyntax SYNTAX = CommandSyntax.command("ml:uat", "universal approximation: fits networks with one"
                    + " hidden layer of growing width to a function, prints the max and RMS error per width on a dense test grid,"
                    + " and writes SVG/PNG plots")
            .options(List.of(FUNCTION, EXPR, DOMAIN, WIDTHS))
            .options(TrainingOptions.only("activation", "optimizer", "lr", "iterations", "epochs", "batch"))
            .option(SAMPLES)
            .options(TrainingOptions.only("seed"))
            .option(PlotFolder.OUT)
            .options(TrainingOptions.only("backend"))
            .build();

    private final UatDemo demo;

    /** Where the plots go without {@code --out}: {@code plots} under this. */
    private final Path home;

    @Activate
    public UatCommand(@Reference UatDemo demo, BundleContext context) {
        this(demo, PlatformHome.of(context::getProperty));
    }

    /** A command whose plots go to {@code home/plots} without {@code --out}. */
    public UatCommand(UatDemo demo, Path home) {
        this.demo = demo;
        this.home = home;
    }

    @Override
    public List<CommandSyntax> commands() {
        return List.of(SYNTAX);
    }

    @Descriptor("universal approximation demo: error against hidden-layer width, with plots; ml:uat --help lists the options"
            + " and their defaults")
    public Object uat(@Descriptor("[options]") String... words) {
        return SYNTAX.run(words, UatCommand::shownDefault, arguments -> {
            UatSettings settings = settings(arguments);
            execute(settings, PlotFolder.of(arguments, home), System.out);
            return null;
        });
    }

    /** The settings of a command line: what it gives over the defaults of its target's number of variables. */
    static UatSettings settings(Arguments arguments) {
        Target target = target(arguments);
        TrainingRequest.Builder training = UatSettings.defaultTraining(target.dimensions()).toBuilder();
        TrainingOptions.apply(arguments, training);
        return new UatSettings(target, arguments.get(WIDTHS, UatSettings.DEFAULT_WIDTHS), training.build(),
                arguments.get(SAMPLES, UatSettings.defaultSamples(target.dimensions())));
    }

    /** The target of a command line: a built-in (sin unless --function) or --expr, on its own domain or on --domain. */
    private static Target target(Arguments arguments) {
        if (arguments.has(FUNCTION) && arguments.has(EXPR)) {
            throw new CommandException("ml:uat: give --function or --expr, not both");
        }
        Target target = arguments.get(EXPR, arguments.get(FUNCTION, Target.named("sin")));
        Domain domain = arguments.get(DOMAIN);
        return domain == null ? target : target.withDomain(domain.lo(), domain.hi());
    }

    /**
     * The default {@code --help} shows for an option: the demo's, which for a training option may
     * differ between one and two variables, or null for the option's own.
     */
    private static String shownDefault(Option<?> option) {
        if (option == WIDTHS) {
            return WIDTHS.write(UatSettings.DEFAULT_WIDTHS);
        }
        if (option == SAMPLES) {
            return byDimensions(d -> String.valueOf(UatSettings.defaultSamples(d)));
        }
        if (option == TrainingOptions.EPOCHS) {
            return "none: --iterations counts";
        }
        return byDimensions(d -> TrainingOptions.show(option, UatSettings.defaultTraining(d)));
    }

    private static String byDimensions(IntFunction<String> shown) {
        String one = shown.apply(1);
        String two = shown.apply(2);
        return Objects.equals(one, two) ? one : one + " for one variable, " + two + " for two";
    }

    /**
     * The plot folder of {@code --out}, created now so that a folder that cannot be is refused
     * before any training; null for {@code none}.
     */

    /**
     * Refuses an empty width list, and a width the training request refuses (below 1).
     *
     * @throws IllegalArgumentException saying which
     */
    private static void checkWidths(List<Integer> widths) {
        if (widths.isEmpty()) {
            throw new IllegalArgumentException("give at least one hidden width, e.g. 1,4,16");
        }
        TrainingRequest.builder().hiddenLayers(widths);
    }

    /**
     * Refuses fewer than 2 samples: a fit needs two points.
     *
     * @throws IllegalArgumentException saying so
     */
    private static void checkSamples(int samples) {
        if (samples < 2) {
            throw new IllegalArgumentException("the number of samples must be at least 2, got " + samples);
        }
    }

    /** A domain LO,HI given by two expressions, e.g. {@code -2*pi,2*pi}; LO &lt; HI. */
    record Domain(double lo, double hi) {

        static Domain parse(String text) {
            String[] parts = text.split(",", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("must be LO,HI, e.g. -1,1 or -pi,pi; got " + Quote.of(text));
            }
            double lo = Expression.parse(parts[0].strip()).evaluate(0, 0);
            double hi = Expression.parse(parts[1].strip()).evaluate(0, 0);
            if (!(lo < hi && Double.isFinite(lo) && Double.isFinite(hi))) {
                throw new IllegalArgumentException("must be finite with LO < HI, got " + Quote.of(text));
            }
            return new Domain(lo, hi);
        }
    }

    /** Runs the demo, printing to {@code out} as it goes, and writes the plots to {@code folder} unless null. */
    void execute(UatSettings settings, Path folder, PrintStream out) {
        Target target = settings.target();
        out.println("Universal approximation: " + target.describe());
        out.println(settings.describeTraining());
        out.println();
        out.println("  width   rms error   max error   time ms");
        UatReport report = demo.run(settings, r -> out.printf(Locale.ROOT, "  %5d   %9.6f   %9.6f   %7d%n",
                r.width(), r.rmsError(), r.maxError(), r.millis()));
        List<WidthResult> results = report.results();
        WidthResult first = results.get(0);
        WidthResult last = results.get(results.size() - 1);
        if (results.size() > 1 && last.rmsError() > 0) {
            out.printf(Locale.ROOT, "rms error from width %d to width %d: %.3g -> %.3g (%.0fx smaller)%n", first.width(),
                    last.width(), first.rmsError(), last.rmsError(), first.rmsError() / last.rmsError());
        }
        if (!target.continuous()) {
            out.println("note: " + target.name() + " is not continuous, so the theorem promises nothing for it:"
                    + " see the last paragraph below.");
        }
        out.println();
        out.print(TextPlot.render(report));
        out.println();
        out.print(explanation());
        if (folder != null) {
            try {
                PlotWriter.Written written = PlotWriter.write(report, folder);
                out.println();
                written.files().forEach(f -> out.println("plot " + f));
                written.notes().forEach(out::println);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot write plots to '" + folder + "': " + e.getMessage());
            }
        }
    }

    /** What the theorem says and how to read the table (also in the bundle's README). */
    static String explanation() {
        try (InputStream in = UatCommand.class.getResourceAsStream("explanation.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
