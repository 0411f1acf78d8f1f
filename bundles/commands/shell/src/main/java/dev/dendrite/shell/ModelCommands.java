package dev.dendrite.shell;

import dev.dendrite.api.data.DataService;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.TableOptions;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Metrics;
import dev.dendrite.api.nn.Model;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.models.AtomicFiles;
import dev.dendrite.models.ModelInfo;
import dev.dendrite.models.ModelStore;
import dev.dendrite.models.Predictions;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.options.Arguments;
import dev.dendrite.options.CommandCatalog;
import dev.dendrite.options.CommandSyntax;
import dev.dendrite.options.Completion;
import dev.dendrite.options.DataLoadingOptions;
import dev.dendrite.options.Option;
import dev.dendrite.options.TrainingOptions;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ml:models}, {@code ml:eval}, {@code ml:predict}: the models of the {@link ModelStore},
 * evaluated on or applied to data through the {@link DataService} (which scales the inputs with
 * the model's own schema) and the {@link Trainer} (forward propagation and metrics).
 *
 * <p>A prediction is a class label or the regression value, as {@link Predictions} reads A[L].
 */
@Component(service = {ModelCommands.class, CommandCatalog.class}, property = {
        "osgi.command.scope=ml",
        "osgi.command.function=models",
        "osgi.command.function=eval",
        "osgi.command.function=predict"})
public final class ModelCommands implements CommandCatalog {
    static final Option<String> OUT = Option.text("out", "FILE",
            "write the predictions to this file (header 'prediction', then one line per row) instead of the console")
            .completion(Completion.FILE);

    static final CommandSyntax MODELS = CommandSyntax.command("ml:models",
            "lists the saved models: name, task, layer widths n[0]-n[1]-…-n[L], when created, file size").build();
    static final CommandSyntax EVAL = CommandSyntax.command("ml:eval", "evaluates a saved model on a data set: the loss, then"
                    + " accuracy, precision, recall, f1 and the confusion matrix (classification) or mse, mae, r2 (regression)")
            .options(TrainingOptions.only("seed"))
            .options(DataLoadingOptions.reading())
            .argument("MODEL", "a saved model (ml:models) or the path of a model file", Completion.MODEL)
            .argument("DATASET", "a built-in data set or a data file with the model's feature and target columns", Completion.DATASET)
            .build();
    static final CommandSyntax PREDICT = CommandSyntax.command("ml:predict",
                    "predicts with a saved model: one class label or regression value per row of the file")
            .option(OUT)
            .options(DataLoadingOptions.reading())
            .argument("MODEL", "a saved model (ml:models) or the path of a model file", Completion.MODEL)
            .argument("FILE", "a data file with the model's feature columns (a target column is ignored)", Completion.FILE)
            .build();

    private final ModelStore store;
    private final Trainer trainer;
    private final DataService data;

    @Activate
    public ModelCommands(@Reference ModelStore store, @Reference Trainer trainer, @Reference DataService data) {
        this.store = store;
        this.trainer = trainer;
        this.data = data;
    }

    @Override
    public List<CommandSyntax> commands() {
        return List.of(MODELS, EVAL, PREDICT);
    }

    @Descriptor("lists the saved models: name, task, layer widths n[0]-n[1]-…-n[L], when created, file size")
    public Object models(@Descriptor("--help, or nothing") String... words) {
        return MODELS.run(words, option -> null, arguments -> models());
    }

    private String models() {
        List<ModelInfo> infos = store.list();
        if (infos.isEmpty()) {
            return "(no models in " + store.folder() + ")";
        }
        Table table = new Table("name", "task", "layers", "created", "size");
        List<String> problems = new ArrayList<>();
        for (ModelInfo info : infos) {
            if (info.problem() == null) {
                table.row(info.name(), info.task().name().toLowerCase(Locale.ROOT), info.layers(),
                        DateTimeFormatter.ISO_INSTANT.format(info.created().truncatedTo(ChronoUnit.SECONDS)), size(info.size()));
            } else {
                table.row(info.name(), "-", "-", "-", size(info.size()));
                problems.add("cannot read " + info.name() + ": " + info.problem());
            }
        }
        StringBuilder s = new StringBuilder("models in ").append(store.folder()).append('\n').append(table);
        problems.forEach(p -> s.append(p).append('\n'));
        return s.toString().stripTrailing();
    }

    @Descriptor("evaluates a saved model on a data set; ml:eval --help lists the options")
    public Object eval(@Descriptor("[--seed N] [--delimiter D] [--unseen error|zeros] MODEL DATASET") String... words) {
        TrainingRequest defaults = TrainingRequest.builder().build();
        return EVAL.run(words, option -> TrainingOptions.show(option, defaults),
                arguments -> eval(arguments.positional(0), arguments.positional(1), arguments.get(TrainingOptions.SEED, defaults.seed()),
                        DataLoadingOptions.table(arguments)));
    }

    private String eval(String model, String dataset, long seed, TableOptions table) {
        Model m = store.load(model);
        DataSet set = data.load(dataset, m.schema(), seed, table);
        Metrics metrics = trainer.evaluate(m, set);
        StringBuilder s = new StringBuilder();
        s.append(String.format("model %s on %s: %d samples%n", model, set.name(), set.samples()));
        s.append("loss ").append(MetricsFormat.number(metrics.cost())).append('\n');
        metrics.values().forEach((name, value) -> s.append(name).append(' ').append(MetricsFormat.number(value)).append('\n'));
        if (metrics.confusion() != null) {
            s.append("confusion matrix:\n").append(MetricsFormat.confusion(metrics.confusion(), m.classes()));
        }
        return s.toString().stripTrailing();
    }

    @Descriptor("predicts with a saved model, one class label or value per row; ml:predict --help lists the options")
    public Object predict(@Descriptor("[--out FILE] [--delimiter D] [--unseen error|zeros] MODEL FILE") String... words) {
        return PREDICT.run(words, option -> null, this::predict);
    }

    private String predict(Arguments arguments) {
        String model = arguments.positional(0);
        Model m = store.load(model);
        Matrix x = data.features(arguments.positional(1), m.schema(), DataLoadingOptions.table(arguments));
        List<String> predictions = predictions(model, m, trainer.predict(m, x));
        String file = arguments.get(OUT);
        if (file == null) {
            return String.join("\n", predictions);
        }
        AtomicFiles.write(Path.of(file), stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            writer.write("prediction\n");
            for (String p : predictions) {
                writer.write(csvField(p));
                writer.write('\n');
            }
            writer.flush();
        });
        return "wrote " + predictions.size() + " predictions to " + file;
    }

    /** One prediction per column of A[L] (n[L], m). */
    private static List<String> predictions(String name, Model model, Matrix a) {
        List<String> predictions = new ArrayList<>(a.cols());
        if (model.task() == Task.REGRESSION && a.rows() != 1) {
            throw new IllegalArgumentException("model " + name + " has " + a.rows() + " regression outputs; ml:predict handles one");
        }
        for (int j = 0; j < a.cols(); j++) {
            predictions.add(Predictions.label(model, a, j));
        }
        return predictions;
    }

    /** A label as one CSV field: quoted when it holds a comma, a quote or a line break. */
    private static String csvField(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        return bytes < 1_000_000 ? String.format(Locale.ROOT, "%.1f kB", bytes / 1e3) : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
