package dev.dendrite.shell;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataService;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.FeatureColumn;
import dev.dendrite.api.data.TableOptions;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.LayerShape;
import dev.dendrite.api.nn.Metrics;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingInterruptedException;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.run.TrainingRuns;
import dev.dendrite.models.ModelStore;
import dev.dendrite.options.Arguments;
import dev.dendrite.options.CommandCatalog;
import dev.dendrite.options.CommandException;
import dev.dendrite.options.CommandSyntax;
import dev.dendrite.options.Completion;
import dev.dendrite.options.DataLoadingOptions;
import dev.dendrite.options.Option;
import dev.dendrite.options.TrainingOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code ml:train}: reads the command line into a {@link TrainingRequest} and data options,
 * loads the data set, trains through the {@link Trainer} service, prints progress and metrics.
 * The defaults of the most used options come from the configuration {@code dev.dendrite.train}
 * ({@code etc/dev.dendrite.train.cfg}), read through the same option definitions and applied live
 * when it changes. Each run is tracked by {@link TrainingRuns}, so other front ends (the web
 * console) see it live and may stop it.
 */
@Component(service = {TrainCommand.class, CommandCatalog.class}, configurationPid = TrainCommand.PID,
        property = {"osgi.command.scope=ml", "osgi.command.function=train"})
@Designate(ocd = TrainCommand.Defaults.class)
public final class TrainCommand implements CommandCatalog {

    static final String PID = "dev.dendrite.train";

    /** The defaults of ml:train's options, by option name. */
    @ObjectClassDefinition(name = "Dendrite ml:train defaults")
    public @interface Defaults {
        @AttributeDefinition(description = "hidden layer widths, comma-separated")
        String layers() default "16";

        @AttributeDefinition(description = "hidden-layer activation")
        String activation() default "tanh";

        @AttributeDefinition(description = "optimizer")
        String optimizer() default "sgd";

        @AttributeDefinition(description = "mini-batch size, or 'all'")
        String batch() default "32";

        @AttributeDefinition(description = "epochs")
        String epochs() default "100";
    }

    static final Option<String> TEST = Option.text("test", "FILE",
            "a separate file (same columns) on which the trained model is evaluated and reported as test metrics")
            .completion(Completion.FILE);
    static final Option<String> SAVE = Option.of("save", "NAME", "save the trained model under this name (ml:models)",
            ModelStore::checkName).completion(Completion.MODEL);
    static final Option<Path> CURVE = Option.of("curve", "FILE.svg",
            "write the learning curves (loss and metric per epoch, training and validation) to this SVG file",
            LearningCurves::file).completion(Completion.FILE);
    static final Option<Path> HISTORY = Option.of("history", "FILE",
            "write one row per epoch (every metric, the learning rate, the time) to FILE.csv or FILE.jsonl",
            HistoryFile::file).completion(Completion.FILE);

    static final CommandSyntax SYNTAX = CommandSyntax.command("ml:train",
                    "trains a network on a data set; prints the layer shapes, progress and the final metrics")
            .options(TrainingOptions.all())
            .options(DataLoadingOptions.all())
            .options(List.of(TEST, SAVE, CURVE, HISTORY))
            .argument("DATASET", "a built-in data set (ml:datasets), a CSV file, or an IDX images file (MNIST format)",
                    Completion.DATASET)
            .build();

    private final Trainer trainer;
    private final DataService data;
    private final ModelStore models;
    private final TrainingRuns runs;
    private volatile Configured defaults;

    /** The request every run starts from, or why the configuration gives none. */
    private record Configured(TrainingRequest request, CommandException problem) {
        TrainingRequest get() {
            if (problem != null) {
                throw problem;
            }
            return request;
        }
    }

    @Activate
    public TrainCommand(@Reference Trainer trainer, @Reference DataService data, @Reference ModelStore models,
                        @Reference TrainingRuns runs, Defaults defaults) {
        this.trainer = trainer;
        this.data = data;
        this.models = models;
        this.runs = runs;
        this.defaults = configured(defaults);
    }

    @Modified
    void configure(Defaults changed) {
        this.defaults = configured(changed);
    }

    /** The request every run starts from: the built-in defaults with the configured ones, each read as its option reads it. */
    private static Configured configured(Defaults d) {
        TrainingRequest.Builder b = TrainingRequest.builder();
        try {
            TrainingOptions.set("layers", d.layers(), b);
            TrainingOptions.set("activation", d.activation(), b);
            TrainingOptions.set("optimizer", d.optimizer(), b);
            TrainingOptions.set("batch", d.batch(), b);
            TrainingOptions.set("epochs", d.epochs(), b);
        } catch (CommandException e) {
            return new Configured(null, new CommandException("configuration " + PID + " (etc/" + PID + ".cfg): " + e.getMessage()));
        }
        return new Configured(b.build(), null);
    }

    @Override
    public List<CommandSyntax> commands() {
        return List.of(SYNTAX);
    }

    @Descriptor("trains a network on a data set; ml:train --help lists the options and their defaults")
    public Object train(@Descriptor("[options] DATASET") String... words) {
        return SYNTAX.run(words, option -> TrainingOptions.show(option, defaults.get()), arguments -> train(defaults.get(), arguments));
    }

    private String train(TrainingRequest base, Arguments arguments) {
        TrainingRequest.Builder builder = base.toBuilder();
        TrainingOptions.apply(arguments, builder);
        TrainingRequest request = builder.build();
        Path curve = arguments.get(CURVE);
        Path historyFile = arguments.get(HISTORY);
        String saveAs = arguments.get(SAVE);
        if (saveAs != null) {
            OutputPath.modelsFolder(models);
        }
        DataOptions dataOptions = DataLoadingOptions.of(arguments, request.seed());
        DataSplit split = data.load(arguments.positional(0), dataOptions);
        String testFile = arguments.get(TEST);
        DataSet testSet = testFile == null ? null : testSet(testFile, split, request.seed() + 1, dataOptions.table());
        PrintStream out = System.out;
        TrainingResult result;
        double seconds;
        Progress progress = Progress.of(out, epochs(request, split), request.iterations());
        try (HistoryFile history = historyFile == null ? null : HistoryFile.open(historyFile)) {
            long start = System.nanoTime();
            // tracked, so that the web console shows the run live and can stop it
            result = runs.open(arguments.positional(0), request, "shell").execute(
                    tracker -> trainer.train(request, split, Listeners.all(dataLine(out, split), progress, history, tracker)));
            seconds = (System.nanoTime() - start) / 1e9;
        } catch (TrainingInterruptedException e) {
            progress.clear();
            String kept = saveAs != null && e.partial() != null
                    ? " as " + saveAs + ": " + models.save(saveAs, e.partial().model()) : "";
            throw new CommandException(e.getMessage() + kept, e);
        } catch (RuntimeException e) {
            progress.clear();
            throw e;
        }
        StringBuilder summary = new StringBuilder(summary(result, seconds));
        Metrics shown = result.validation();
        String shownName = "validation";
        if (testSet != null) {
            shown = trainer.evaluate(result.model(), testSet);
            shownName = "test";
            summary.append(String.format("%ntest       %s  (%d samples)", MetricsFormat.line(shown), testSet.samples()));
        }
        if (shown != null && shown.confusion() != null) {
            summary.append(String.format("%nconfusion matrix (%s):%n", shownName))
                    .append(MetricsFormat.confusion(shown.confusion(), result.model().classes()));
        }
        if (curve != null) {
            summary.append(String.format("%nlearning curves: %s", LearningCurves.write(result, curve)));
        }
        if (historyFile != null) {
            summary.append(String.format("%nhistory: %s", historyFile.toAbsolutePath()));
        }
        if (saveAs != null) {
            summary.append(String.format("%nsaved model %s: %s", saveAs, models.save(saveAs, result.model())));
        }
        return summary.toString();
    }

    /** The --test file, loaded before training with the schema the model will keep, so that a missing or mismatched file costs no run. */
    private DataSet testSet(String file, DataSplit split, long seed, TableOptions table) {
        try {
            return data.load(file, split.schema(), seed, table);
        } catch (IllegalArgumentException e) {
            throw new CommandException("--test: " + e.getMessage(), e);
        }
    }

    /** The epochs the run will do: its own, or those its iterations take. */
    private static int epochs(TrainingRequest request, DataSplit split) {
        int m = split.train().samples();
        int batch = request.batchSize() == 0 ? m : Math.min(request.batchSize(), m);
        int perEpoch = (m + batch - 1) / batch;
        return request.iterations() > 0 ? (int) ((request.iterations() + perEpoch - 1) / perEpoch) : request.epochs();
    }

    /**
     * Prints the data line when the run has started, so that a run the trainer refuses at its start
     * (a network too big for the heap, a missing plug-in) answers with its error alone.
     */
    private static TrainingListener dataLine(PrintStream out, DataSplit split) {
        return new TrainingListener() {
            @Override
            public void started(List<LayerShape> layers, int samples, int iterationsPerEpoch) {
                out.println(describe(split));
            }
        };
    }

    private static String describe(DataSplit split) {
        DataSet train = split.train();
        String kind = train.task() == Task.REGRESSION ? "regression"
                : train.classes().size() + " classes (" + String.join(", ", train.classes()) + ")";
        String data = String.format("data %s: %d training, %d validation samples; %d features; %s",
                train.name(), train.samples(), split.hasValidation() ? split.validation().samples() : 0,
                train.features(), kind);
        List<String> encoded = split.columns().stream().filter(c -> c.categorical() || c.filled()).map(TrainCommand::describe).toList();
        return encoded.isEmpty() ? data : data + System.lineSeparator() + "columns: " + String.join("; ", encoded);
    }

    /** A column that is one-hot or filled, e.g. {@code colour one-hot (3: blue, green, red), missing → red}. */
    private static String describe(FeatureColumn column) {
        StringBuilder s = new StringBuilder(column.name());
        if (column.categorical()) {
            List<String> categories = column.categories();
            s.append(" one-hot (").append(categories.size()).append(": ")
                    .append(String.join(", ", categories.subList(0, Math.min(5, categories.size()))))
                    .append(categories.size() > 5 ? ", …)" : ")");
        }
        if (column.filled()) {
            s.append(column.categorical() ? ", missing → " + column.categories().get((int) column.fill())
                    : " missing → " + MetricsFormat.number(column.fill()));
        }
        return s.toString();
    }

    /** @param seconds wall time of the run, evaluation of each epoch included */
    private static String summary(TrainingResult result, double seconds) {
        EpochReport last = result.last();
        StringBuilder s = new StringBuilder();
        s.append(String.format("trained %d epochs, %d iterations in %.2f s (%s)%n", last.epoch(), result.iterations(),
                seconds, result.stopReason()));
        s.append("plugins:");
        for (String plugin : result.plugins()) {
            s.append(String.format("%n  %s", plugin));
        }
        s.append(String.format("%ntraining   %s", MetricsFormat.line(result.train())));
        if (result.validation() != null) {
            s.append(String.format("%nvalidation %s", MetricsFormat.line(result.validation())));
        }
        return s.toString();
    }
}
