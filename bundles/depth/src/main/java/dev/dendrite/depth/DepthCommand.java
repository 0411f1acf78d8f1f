package dev.dendrite.depth;

import dev.dendrite.api.nn.Trainer;
import dev.dendrite.plot.Figure;
import dev.dendrite.plot.Plots;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Gogo command {@code ml:depth}: tests "deep networks with the right architecture do better
 * than shallow ones with the same computational power" by training networks of 1, 2, 3, … hidden
 * layers with the same number of parameters (within 5 %) for the same epochs over several seeds
 * ({@link DepthStudy}), printing a table and the learning curves and writing the plots.
 */
@Component(service = Object.class, property = {"osgi.command.scope=ml", "osgi.command.function=depth"})
public final class DepthCommand {

    /** The default plot folder, relative to the working directory. */
    static final String DEFAULT_OUT = "plots";

    private final DepthStudy study;

    @Activate
    public DepthCommand(@Reference Trainer trainer) {
        this.study = new DepthStudy(trainer);
    }

    @Descriptor("deep against shallow: trains networks of several depths with the same number of parameters and epochs"
            + " over several seeds, prints the validation metric per depth (mean ± sd) and writes SVG/PNG plots")
    public void depth(
            @Descriptor("generated task: spirals (two spirals of 2 turns, accuracy) or sawtooth (four nested tents, mse); default "
                    + DepthSettings.DEFAULT_TASK)
            @Parameter(names = "--task", absentValue = DepthSettings.DEFAULT_TASK) String task,
            @Descriptor("parameter budget: every network has this many weights and biases within 5 % (default "
                    + DepthSettings.DEFAULT_BUDGET + ")")
            @Parameter(names = "--params", absentValue = "" + DepthSettings.DEFAULT_BUDGET) long params,
            @Descriptor("numbers of hidden layers to compare, comma-separated (default " + DepthSettings.DEFAULT_DEPTHS + ")")
            @Parameter(names = "--depths", absentValue = DepthSettings.DEFAULT_DEPTHS) String depths,
            @Descriptor("runs per depth, with seeds --seed, --seed + 1, … (default " + DepthSettings.DEFAULT_SEEDS + ")")
            @Parameter(names = "--seeds", absentValue = "" + DepthSettings.DEFAULT_SEEDS) int seeds,
            @Descriptor("epochs, the same for every network (default " + DepthSettings.DEFAULT_EPOCHS + ")")
            @Parameter(names = "--epochs", absentValue = "" + DepthSettings.DEFAULT_EPOCHS) int epochs,
            @Descriptor("hidden-layer activation, see ml:activations (default " + DepthSettings.DEFAULT_ACTIVATION + ")")
            @Parameter(names = "--activation", absentValue = DepthSettings.DEFAULT_ACTIVATION) String activation,
            @Descriptor("optimizer, see ml:optimizers (default " + DepthSettings.DEFAULT_OPTIMIZER + ")")
            @Parameter(names = "--optimizer", absentValue = DepthSettings.DEFAULT_OPTIMIZER) String optimizer,
            @Descriptor("learning rate α (default " + DepthSettings.DEFAULT_LR + ")")
            @Parameter(names = "--lr", absentValue = "" + DepthSettings.DEFAULT_LR) double lr,
            @Descriptor("mini-batch size (default " + DepthSettings.DEFAULT_BATCH + ")")
            @Parameter(names = "--batch", absentValue = "" + DepthSettings.DEFAULT_BATCH) int batch,
            @Descriptor("training samples m; the validation set has as many (default " + DepthSettings.DEFAULT_SAMPLES + ")")
            @Parameter(names = "--samples", absentValue = "" + DepthSettings.DEFAULT_SAMPLES) int samples,
            @Descriptor("seed of the samples and of the first run (default " + DepthSettings.DEFAULT_SEED + ")")
            @Parameter(names = "--seed", absentValue = "" + DepthSettings.DEFAULT_SEED) long seed,
            @Descriptor("runs trained at the same time (default: the number of processors)")
            @Parameter(names = "--threads", absentValue = "0") int threads,
            @Descriptor("folder for the plots (default " + DEFAULT_OUT + "; 'none' writes no files)")
            @Parameter(names = "--out", absentValue = DEFAULT_OUT) String out,
            @Descriptor("maths back-end (default: the highest ranked; see ml:backends)")
            @Parameter(names = "--backend", absentValue = "") String backend) {
        DepthSettings settings = new DepthSettings(DepthTask.named(task), params, DepthSettings.parseDepths(depths), seeds, epochs,
                activation, optimizer, lr, batch, samples, seed,
                threads == 0 ? Runtime.getRuntime().availableProcessors() : threads, backend.isBlank() ? null : backend);
        execute(settings, "none".equals(out) ? null : Path.of(out), System.out);
    }

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
