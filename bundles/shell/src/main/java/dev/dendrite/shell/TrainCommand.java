package dev.dendrite.shell;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataService;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.LearningRateSchedule;
import dev.dendrite.api.nn.Metrics;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingInterruptedException;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.nn.TrainingSpec;
import dev.dendrite.models.ModelStore;
import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code ml:train}: loads a data set, trains a network through the {@link Trainer} service, prints
 * progress and metrics. The defaults of the most used options come from the configuration
 * {@code dev.dendrite.train} ({@code etc/dev.dendrite.train.cfg}), applied live when it changes.
 */
@Component(service = TrainCommand.class, configurationPid = "dev.dendrite.train",
        property = {"osgi.command.scope=ml", "osgi.command.function=train"})
@Designate(ocd = TrainCommand.Defaults.class)
public final class TrainCommand {

    /** The defaults of ml:train's options. */
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

    private final Trainer trainer;
    private final DataService data;
    private final ModelStore models;
    private volatile Defaults defaults;

    @Activate
    public TrainCommand(@Reference Trainer trainer, @Reference DataService data, @Reference ModelStore models, Defaults defaults) {
        this.trainer = trainer;
        this.data = data;
        this.models = models;
        this.defaults = defaults;
    }

    @Modified
    void configure(Defaults changed) {
        this.defaults = changed;
    }

    @Descriptor("trains a network on a data set; prints the layer shapes, progress per epoch and the final metrics")
    public String train(
            @Descriptor("hidden layer widths n[1],…,n[L-1], comma-separated, none for no hidden layer (default 16)")
            @Parameter(names = "--layers", absentValue = "") String layers,
            @Descriptor("hidden-layer activation, see ml:activations (default tanh)")
            @Parameter(names = "--activation", absentValue = "") String activation,
            @Descriptor("output activation (default: sigmoid for 2 classes, softmax for more, linear for regression)")
            @Parameter(names = "--output", absentValue = "") String output,
            @Descriptor("loss (default: binary_crossentropy, categorical_crossentropy or mse to match the output; see ml:losses)")
            @Parameter(names = "--loss", absentValue = "") String loss,
            @Descriptor("optimizer, see ml:optimizers (default sgd)")
            @Parameter(names = "--optimizer", absentValue = "") String optimizer,
            @Descriptor("learning rate α > 0 (default: the optimizer's)")
            @Parameter(names = "--lr", absentValue = "") String lr,
            @Descriptor("other optimizer hyperparameters, e.g. momentum=0.9,nesterov=1 or beta1=0.9,beta2=0.999,epsilon=1e-8,weight_decay=0.01 (see ml:optimizers)")
            @Parameter(names = "--hp", absentValue = "") String hp,
            @Descriptor("mini-batch size: samples per iteration, or 'all' for the whole training set (default 32)")
            @Parameter(names = "--batch", absentValue = "") String batch,
            @Descriptor("epochs: passes over the training data (default 100)")
            @Parameter(names = "--epochs", absentValue = "") String epochs,
            @Descriptor("train for exactly this many iterations (mini-batch updates) instead of --epochs")
            @Parameter(names = "--iterations", absentValue = "0") String iterations,
            @Descriptor("weight initialization: he, xavier or small (default: he for ReLU-like activations, xavier otherwise)")
            @Parameter(names = "--init", absentValue = "") String init,
            @Descriptor("L2 regularization strength λ >= 0")
            @Parameter(names = "--l2", absentValue = "0") String l2,
            @Descriptor("dropout: probability of dropping a hidden unit during training, in [0, 1)")
            @Parameter(names = "--dropout", absentValue = "0") String dropout,
            @Descriptor("learning-rate schedule: constant, step:FACTOR:EVERY (e.g. step:0.5:10) or exponential:FACTOR (e.g. exponential:0.95)")
            @Parameter(names = "--schedule", absentValue = "constant") String schedule,
            @Descriptor("early stopping: epochs without improvement before stopping (0 = off); the best epoch's weights are kept")
            @Parameter(names = "--patience", absentValue = "0") String patience,
            @Descriptor("what early stopping watches: loss, accuracy, f1, mse, r2, … or val_… of them (default val_loss)")
            @Parameter(names = "--monitor", absentValue = "") String monitor,
            @Descriptor("random seed (initialization, shuffling, dropout, split, built-in data)")
            @Parameter(names = "--seed", absentValue = "42") String seed,
            @Descriptor("fraction of the samples held out for validation, in [0, 1)")
            @Parameter(names = "--val", absentValue = "0.2") String validation,
            @Descriptor("CSV target column name (default: the last column)")
            @Parameter(names = "--target", absentValue = "") String target,
            @Descriptor("task: classification or regression (default: detected from the target column)")
            @Parameter(names = "--task", absentValue = "") String task,
            @Descriptor("feature scaling fitted on the training split: standard, minmax or none (default: standard; none for images)")
            @Parameter(names = "--scaling", absentValue = "") String scaling,
            @Descriptor("a separate test file (same columns) on which the trained model is evaluated and reported as test metrics")
            @Parameter(names = "--test", absentValue = "") String test,
            @Descriptor("maths back-end (default: the highest ranked; see ml:backends)")
            @Parameter(names = "--backend", absentValue = "") String backend,
            @Descriptor("save the trained model under this name (see ml:models, ml:eval, ml:predict)")
            @Parameter(names = "--save", absentValue = "") String save,
            @Descriptor("write the learning curves (loss and metric per epoch, training and validation) to this SVG file")
            @Parameter(names = "--curve", absentValue = "") String curve,
            @Descriptor("a built-in data set (see ml:datasets), a CSV file, or an IDX images file (MNIST format)")
            String dataset) {
        Defaults d = defaults;
        TrainingSpec.Builder builder = TrainingSpec.defaults().toBuilder()
                .hiddenLayers(Options.widths("--layers", or(layers, d.layers())))
                .activation(or(activation, d.activation()))
                .outputActivation(Options.optional(output))
                .loss(Options.optional(loss))
                .optimizer(or(optimizer, d.optimizer()))
                .batchSize(batchSize(or(batch, d.batch())))
                .epochs(Options.positiveInt("--epochs", or(epochs, d.epochs())))
                .iterations(iterationCount(iterations))
                .initializer(Options.optional(init))
                .l2(Options.number("--l2", l2))
                .dropout(Options.number("--dropout", dropout))
                .schedule(LearningRateSchedule.parse(schedule))
                .patience(Options.integer("--patience", patience))
                .monitor(Options.optional(monitor))
                .seed(Options.longValue("--seed", seed))
                .backend(Options.optional(backend));
        if (Options.optional(lr) != null) {
            double rate = Options.number("--lr", lr);
            if (rate <= 0) {
                throw new IllegalArgumentException("--lr: learning rate must be positive, got " + lr);
            }
            builder.hyperparameter("lr", rate);
        }
        Options.assignments("--hp", hp).forEach(builder::hyperparameter);
        TrainingSpec spec = builder.build();
        DataOptions options = new DataOptions(Options.optional(target), fraction(validation), spec.seed(),
                task(task), Options.optional(scaling));
        Path curveFile = LearningCurves.file(curve);
        DataSplit split = data.load(dataset, options);
        PrintStream out = System.out;
        out.println(describe(split));
        int batchSizeUsed = spec.batchSize() == 0 ? split.train().samples() : Math.min(spec.batchSize(), split.train().samples());
        int perEpoch = (split.train().samples() + batchSizeUsed - 1) / batchSizeUsed;
        int epochCount = spec.iterations() > 0 ? (int) ((spec.iterations() + perEpoch - 1) / perEpoch) : spec.epochs();
        String saveAs = Options.optional(save);
        TrainingResult result;
        double seconds;
        try {
            long start = System.nanoTime();
            result = trainer.train(spec, split, new ProgressPrinter(out, epochCount));
            seconds = (System.nanoTime() - start) / 1e9;
        } catch (TrainingInterruptedException e) {
            if (saveAs != null && e.partial() != null) {
                out.println("saved the model of the last completed epoch as " + saveAs + ": " + models.save(saveAs, e.partial().model()));
            }
            throw e;
        }
        StringBuilder summary = new StringBuilder(summary(result, seconds));
        Metrics shown = result.validation();
        String shownName = "validation";
        String testFile = Options.optional(test);
        if (testFile != null) {
            DataSet testSet = data.load(testFile, result.model().schema(), spec.seed() + 1);
            shown = trainer.evaluate(result.model(), testSet);
            shownName = "test";
            summary.append(String.format("%ntest       %s  (%d samples)", MetricsFormat.line(shown), testSet.samples()));
        }
        if (shown != null && shown.confusion() != null) {
            summary.append(String.format("%nconfusion matrix (%s):%n", shownName))
                    .append(MetricsFormat.confusion(shown.confusion(), result.model().classes()));
        }
        if (curveFile != null) {
            summary.append(String.format("%nlearning curves: %s", LearningCurves.write(result, curveFile)));
        }
        if (saveAs != null) {
            summary.append(String.format("%nsaved model %s: %s", saveAs, models.save(saveAs, result.model())));
        }
        return summary.toString();
    }

    /** The given option value, or the configured default when the option was not given. */
    private static String or(String given, String configured) {
        return given.isEmpty() ? configured : given;
    }

    private static Task task(String value) {
        String name = Options.optional(value);
        if (name == null) {
            return null;
        }
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "classification" -> Task.CLASSIFICATION;
            case "regression" -> Task.REGRESSION;
            default -> throw new IllegalArgumentException("--task must be classification or regression, got " + value);
        };
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
