package dev.dendrite.uat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Gogo command {@code ml:uat}: runs the {@link UatDemo} and prints a table of max and RMS
 * error per hidden width, a text plot of the best fit and what the theorem says, and writes the
 * SVG (and PNG) plots.
 */
@Component(service = Object.class, property = {"osgi.command.scope=ml", "osgi.command.function=uat"})
public final class UatCommand {

    /** The default plot folder, relative to the working directory. */
    static final String DEFAULT_OUT = "plots";

    private final UatDemo demo;

    @Activate
    public UatCommand(@Reference UatDemo demo) {
        this.demo = demo;
    }

    @Descriptor("universal approximation demo: fits networks with one hidden layer of growing width to a function,"
            + " prints the max and RMS error per width on a dense test grid, and writes SVG/PNG plots")
    public void uat(
            @Descriptor("target function: sin, abs, square, sawtooth, step or sincos2d (default sin)")
            @Parameter(names = {"--function", "-f"}, absentValue = "") String function,
            @Descriptor("your own target instead of --function, quoted: an expression in x (and y for two variables),"
                    + " e.g. 'exp(-x^2)*cos(3*x)'; + - * / ^ ( ), numbers, pi, e, sin cos tan asin acos atan"
                    + " sinh cosh tanh exp log sqrt abs sign floor ceil min max")
            @Parameter(names = "--expr", absentValue = "") String expr,
            @Descriptor("domain LO,HI of each variable, e.g. -1,1 or '-2*pi,2*pi' (default: the function's own; -pi,pi for --expr)")
            @Parameter(names = "--domain", absentValue = "") String domain,
            @Descriptor("hidden widths n[1] to try, comma separated (default " + UatSettings.DEFAULT_WIDTHS + ")")
            @Parameter(names = {"--widths", "-w"}, absentValue = UatSettings.DEFAULT_WIDTHS) String widths,
            @Descriptor("hidden activation plug-in, see ml:activations (default " + UatSettings.ACTIVATION_1D
                    + " for one variable, " + UatSettings.ACTIVATION_2D + " for two)")
            @Parameter(names = {"--activation", "-a"}, absentValue = "") String activation,
            @Descriptor("optimizer plug-in (default " + UatSettings.DEFAULT_OPTIMIZER + "; see ml:optimizers)")
            @Parameter(names = {"--optimizer", "-o"}, absentValue = UatSettings.DEFAULT_OPTIMIZER) String optimizer,
            @Descriptor("learning rate (default " + UatSettings.LR_1D + " for one variable, " + UatSettings.LR_2D + " for two)")
            @Parameter(names = "--lr", absentValue = "NaN") double lr,
            @Descriptor("gradient-descent iterations per network (default " + UatSettings.ITERATIONS_1D
                    + " for one variable, " + UatSettings.ITERATIONS_2D + " for two)")
            @Parameter(names = "--iterations", absentValue = "0") long iterations,
            @Descriptor("train by epochs (passes over the samples) instead of --iterations")
            @Parameter(names = "--epochs", absentValue = "0") int epochs,
            @Descriptor("samples per iteration (default 0: the full batch)")
            @Parameter(names = "--batch", absentValue = "0") int batch,
            @Descriptor("training samples m, spread over the domain (default " + UatSettings.SAMPLES_1D
                    + " for one variable, " + UatSettings.SAMPLES_2D + " for two)")
            @Parameter(names = "--samples", absentValue = "0") int samples,
            @Descriptor("seed of the samples and of every network's initial weights (default " + UatSettings.DEFAULT_SEED + ")")
            @Parameter(names = "--seed", absentValue = "" + UatSettings.DEFAULT_SEED) long seed,
            @Descriptor("folder for the plots (default " + DEFAULT_OUT + "; 'none' writes no files)")
            @Parameter(names = "--out", absentValue = DEFAULT_OUT) String out,
            @Descriptor("maths back-end (default: the highest ranked; see ml:backends)")
            @Parameter(names = "--backend", absentValue = "") String backend) {
        Target target = target(function, expr, domain);
        UatSettings.Defaults d = UatSettings.Defaults.of(target);
        UatSettings settings = new UatSettings(target, UatSettings.parseWidths(widths),
                activation.isBlank() ? d.activation() : activation, optimizer, Double.isNaN(lr) ? d.lr() : lr, batch, epochs,
                iterations == 0 && epochs == 0 ? d.iterations() : iterations, samples == 0 ? d.samples() : samples, seed,
                backend.isBlank() ? null : backend);
        execute(settings, "none".equals(out) ? null : Path.of(out), System.out);
    }

    /**
     * The target from the command's options: a built-in by name or an expression, on its own
     * domain or on {@code domain} ("LO,HI").
     *
     * @throws IllegalArgumentException for an unknown name, both options given, or a bad expression or domain
     */
    static Target target(String function, String expr, String domain) {
        if (!function.isBlank() && !expr.isBlank()) {
            throw new IllegalArgumentException("give --function or --expr, not both");
        }
        double[] bounds = domain.isBlank() ? null : parseDomain(domain);
        if (!expr.isBlank()) {
            return bounds == null ? Target.expression(expr, -Math.PI, Math.PI) : Target.expression(expr, bounds[0], bounds[1]);
        }
        Target named = Target.named(function.isBlank() ? "sin" : function);
        return bounds == null ? named : named.withDomain(bounds[0], bounds[1]);
    }

    private static double[] parseDomain(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("domain '" + text + "' must be LO,HI, e.g. -1,1 or -pi,pi");
        }
        double lo = Expression.parse(parts[0].strip()).evaluate(0, 0);
        double hi = Expression.parse(parts[1].strip()).evaluate(0, 0);
        if (!(lo < hi)) {
            throw new IllegalArgumentException("domain '" + text + "' must have LO < HI");
        }
        return new double[] {lo, hi};
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
