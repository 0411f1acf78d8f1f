package dev.dendrite.shell;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataService;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.nn.TrainingSpec;
import java.io.PrintStream;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code ml:train}: loads a data set, trains a network through the {@link Trainer} service, prints progress and metrics. */
@Component(service = TrainCommand.class, property = {"osgi.command.scope=ml", "osgi.command.function=train"})
public final class TrainCommand {

    private final Trainer trainer;
    private final DataService data;

    @Activate
    public TrainCommand(@Reference Trainer trainer, @Reference DataService data) {
        this.trainer = trainer;
        this.data = data;
    }

    @Descriptor("trains a network on a data set; prints the layer shapes, progress per epoch and the final metrics")
    public String train(
            @Descriptor("hidden layer widths n[1],…,n[L-1], comma-separated (none for no hidden layer)")
            @Parameter(names = "--layers", absentValue = "16") String layers,
            @Descriptor("hidden-layer activation (see ml:activations)")
            @Parameter(names = "--activation", absentValue = "tanh") String activation,
            @Descriptor("output activation (default: sigmoid for 2 classes, softmax for more, linear for regression)")
            @Parameter(names = "--output", absentValue = "") String output,
            @Descriptor("loss (default: binary_crossentropy, categorical_crossentropy or mse to match the output; see ml:losses)")
            @Parameter(names = "--loss", absentValue = "") String loss,
            @Descriptor("optimizer (see ml:optimizers)")
            @Parameter(names = "--optimizer", absentValue = "sgd") String optimizer,
            @Descriptor("learning rate α > 0 (default: the optimizer's)")
            @Parameter(names = "--lr", absentValue = "") String lr,
            @Descriptor("mini-batch size: samples per iteration, or 'all' for the whole training set")
            @Parameter(names = "--batch", absentValue = "32") String batch,
            @Descriptor("epochs: passes over the training data")
            @Parameter(names = "--epochs", absentValue = "100") String epochs,
            @Descriptor("train for exactly this many iterations (mini-batch updates) instead of --epochs")
            @Parameter(names = "--iterations", absentValue = "0") String iterations,
            @Descriptor("random seed (initialization, shuffling, split, built-in data)")
            @Parameter(names = "--seed", absentValue = "42") String seed,
            @Descriptor("fraction of the samples held out for validation, in [0, 1)")
            @Parameter(names = "--val", absentValue = "0.2") String validation,
            @Descriptor("CSV target column name (default: the last column)")
            @Parameter(names = "--target", absentValue = "") String target,
            @Descriptor("maths back-end (default: the highest ranked; see ml:backends)")
            @Parameter(names = "--backend", absentValue = "") String backend,
            @Descriptor("a built-in data set (see ml:datasets) or the path of a CSV file")
            String dataset) {
        TrainingSpec spec = TrainingSpec.defaults()
                .withHiddenLayers(Options.widths("--layers", layers))
                .withActivation(activation)
                .withOutputActivation(Options.optional(output))
                .withLoss(Options.optional(loss))
                .withOptimizer(optimizer)
                .withBatchSize(batchSize(batch))
                .withEpochs(Options.positiveInt("--epochs", epochs))
                .withIterations(iterationCount(iterations))
                .withSeed(Options.longValue("--seed", seed))
                .withBackend(Options.optional(backend));
        if (Options.optional(lr) != null) {
            double rate = Options.number("--lr", lr);
            if (rate <= 0) {
                throw new IllegalArgumentException("--lr: learning rate must be positive, got " + lr);
            }
            spec = spec.withHyperparameter("lr", rate);
        }
        DataOptions options = new DataOptions(Options.optional(target),
                fraction(validation), spec.seed());
        DataSplit split = data.load(dataset, options);
        PrintStream out = System.out;
        out.println(describe(split));
        int batchSizeUsed = spec.batchSize() == 0 ? split.train().samples() : Math.min(spec.batchSize(), split.train().samples());
        int perEpoch = (split.train().samples() + batchSizeUsed - 1) / batchSizeUsed;
        int epochCount = spec.iterations() > 0 ? (int) ((spec.iterations() + perEpoch - 1) / perEpoch) : spec.epochs();
        TrainingResult result = trainer.train(spec, split, new ProgressPrinter(out, epochCount));
        return summary(result);
    }

    /** A positive size, or 0 (the whole training set) for {@code all}. */
    private static int batchSize(String value) {
        if (value.trim().equalsIgnoreCase("all")) {
            return 0;
        }
        try {
            return Options.positiveInt("--batch", value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--batch must be a positive integer or 'all', got " + value);
        }
    }

    private static long iterationCount(String value) {
        long n = Options.longValue("--iterations", value);
        if (n < 0) {
            throw new IllegalArgumentException("--iterations must be positive, got " + value);
        }
        return n;
    }

    private static double fraction(String value) {
        double v = Options.number("--val", value);
        if (v < 0 || v >= 1) {
            throw new IllegalArgumentException("--val must be in [0, 1), got " + value);
        }
        return v;
    }

    private static String describe(DataSplit split) {
        DataSet train = split.train();
        String kind = train.task() == Task.REGRESSION ? "regression"
                : train.classes().size() + " classes (" + String.join(", ", train.classes()) + ")";
        return String.format("data %s: %d training, %d validation samples; %d features; %s",
                train.name(), train.samples(), split.hasValidation() ? split.validation().samples() : 0,
                train.features(), kind);
    }

    private static String summary(TrainingResult result) {
        EpochReport last = result.last();
        long millis = result.history().stream().mapToLong(EpochReport::millis).sum();
        StringBuilder s = new StringBuilder();
        s.append(String.format("trained %d epochs, %d iterations in %.2f s%n", last.epoch(), result.iterations(), millis / 1000.0));
        s.append("plugins: ").append(String.join("; ", result.plugins())).append('\n');
        s.append(String.format("training   loss %s  %s %s", Options.format(last.trainCost()), last.metric(), Options.format(last.trainMetric())));
        if (!Double.isNaN(last.validationCost())) {
            s.append(String.format("%nvalidation loss %s  %s %s", Options.format(last.validationCost()), last.metric(),
                    Options.format(last.validationMetric())));
        }
        return s.toString();
    }
}
