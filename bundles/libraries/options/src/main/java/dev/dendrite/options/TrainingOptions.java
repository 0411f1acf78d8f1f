package dev.dendrite.options;

import dev.dendrite.api.math.Precision;
import dev.dendrite.api.nn.LearningRateSchedule;
import dev.dendrite.api.nn.TrainingRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The options of a {@link TrainingRequest}, defined once. Every command that trains takes them
 * from here ({@code ml:train}, {@code ml:tune}, {@code ml:uat}, {@code ml:depth},
 * {@code ml:trace}), the tuner's search-space names are theirs, and a model's provenance records
 * its request under their names ({@link #describe}), so a name means the same thing everywhere.
 *
 * <p>An option reads the form of its value; the request's builder checks its range, once, and a
 * refusal names the option: {@code --lr: the learning rate must be a positive number, got -1}.
 */
public final class TrainingOptions {

    /** How one option sets a request and how a request shows that option's value. */
    private record Field<T>(Option<T> option, BiConsumer<TrainingRequest.Builder, T> set, Function<TrainingRequest, T> get) {

        void apply(TrainingRequest.Builder builder, T value) {
            try {
                set.accept(builder, value);
            } catch (IllegalArgumentException e) {
                throw new CommandException(option.flagName() + ": " + e.getMessage());
            }
        }

        String show(TrainingRequest request) {
            T value = get.apply(request);
            return value == null ? null : option.write(value);
        }
    }

    public static final Option<List<Integer>> LAYERS = Option.of("layers", "N,…",
                    "hidden widths n[1],…,n[L-1], comma-separated; none for no hidden layer", Option::integers)
            .writer(widths -> widths.isEmpty() ? "none" : widths.stream().map(String::valueOf).collect(Collectors.joining(",")));
    public static final Option<String> ACTIVATION = Option.text("activation", "NAME", "hidden-layer activation (ml:activations)")
            .completion(Completion.ACTIVATION);
    public static final Option<String> OUTPUT = Option.text("output", "NAME",
                    "output activation: sigmoid for 2 classes, softmax for more, linear for regression by default")
            .completion(Completion.ACTIVATION).defaultText("by task");
    public static final Option<String> LOSS = Option.text("loss", "NAME",
                    "loss: binary_crossentropy, categorical_crossentropy or mse to match the output by default (ml:losses)")
            .completion(Completion.LOSS).defaultText("by task");
    public static final Option<String> OPTIMIZER = Option.text("optimizer", "NAME", "optimizer (ml:optimizers)")
            .completion(Completion.OPTIMIZER);
    public static final Option<Double> LR = Option.number("lr", "α", "learning rate α > 0").defaultText("the optimizer's");
    public static final Option<Map<String, Double>> HP = Option.of("hp", "K=V,…",
                    "the optimizer's other hyperparameters, e.g. momentum=0.9,nesterov=1 or beta1=0.9,beta2=0.999 (ml:optimizers)",
                    Option::assignments)
            .writer(map -> map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")))
            .defaultText("the optimizer's");
    public static final Option<String> BATCH = Option.text("batch", "N|all",
                    "mini-batch size: samples per iteration, or all for the whole training set")
            .completion(Completion.of("all"));
    public static final Option<Integer> EPOCHS = Option.integer("epochs", "epochs: passes over the training data");
    public static final Option<Long> ITERATIONS = Option.longInteger("iterations",
            "train for exactly this many iterations (mini-batch updates) instead of --epochs").defaultText("by epochs");
    public static final Option<String> INIT = Option.text("init", "NAME",
                    "weight initialization: he, xavier or small (0.01·N(0,1))")
            .completion(Completion.of("he", "xavier", "small")).defaultText("he for ReLU-like activations, xavier otherwise");
    public static final Option<Double> L2 = Option.number("l2", "λ", "L2 regularization strength λ >= 0");
    public static final Option<Double> DROPOUT = Option.number("dropout", "P",
            "probability of dropping a hidden unit during training, in [0, 1)");
    public static final Option<LearningRateSchedule> SCHEDULE = Option.of("schedule", "KIND",
                    "learning-rate schedule: constant, step:FACTOR:EVERY (e.g. step:0.5:10) or exponential:FACTOR",
                    LearningRateSchedule::parse)
            .completion(Completion.of("constant", "step:0.5:10", "exponential:0.95"));
    public static final Option<Integer> PATIENCE = Option.integer("patience",
            "early stopping: epochs without improvement of --monitor before stopping (0: off); the best epoch's weights are kept");
    public static final Option<String> MONITOR = Option.text("monitor", "METRIC",
                    "what early stopping watches: loss, accuracy, f1, mse, r2, … or val_… of them")
            .completion(Completion.of("val_loss", "loss", "val_accuracy", "val_f1", "val_mse", "val_r2"))
            .defaultText("val_loss, or loss without validation data");
    public static final Option<Long> SEED = Option.longInteger("seed",
            "random seed: initialization, shuffling, dropout, the split, built-in data");
    public static final Option<String> BACKEND = Option.text("backend", "NAME", "maths back-end (ml:backends)")
            .completion(Completion.BACKEND).defaultText("the highest ranked");
    public static final Option<Precision> PRECISION = Option.of("precision", "float64|float32",
                    "number format of the weights and computations: float64, or float32 for about twice the speed",
                    TrainingOptions::precision)
            .writer(Precision::label).completion(Completion.of("float64", "float32")).defaultText("float64");

    private static final List<Field<?>> FIELDS = List.of(
            new Field<>(LAYERS, TrainingRequest.Builder::hiddenLayers, TrainingRequest::hiddenLayers),
            new Field<>(ACTIVATION, TrainingRequest.Builder::activation, TrainingRequest::activation),
            new Field<>(OUTPUT, TrainingRequest.Builder::outputActivation, TrainingRequest::outputActivation),
            new Field<>(LOSS, TrainingRequest.Builder::loss, TrainingRequest::loss),
            new Field<>(OPTIMIZER, TrainingRequest.Builder::optimizer, TrainingRequest::optimizer),
            new Field<>(LR, TrainingRequest.Builder::learningRate, r -> r.learningRate().isPresent() ? r.learningRate().getAsDouble() : null),
            new Field<>(HP, (b, map) -> map.forEach(b::optimizerHyperparameter),
                    r -> r.optimizerHyperparameters().isEmpty() ? null : r.optimizerHyperparameters()),
            new Field<>(BATCH, TrainingOptions::batch, r -> r.batchSize() == 0 ? "all" : String.valueOf(r.batchSize())),
            new Field<>(EPOCHS, (b, epochs) -> b.byEpochs().epochs(epochs), TrainingRequest::epochs),
            new Field<>(ITERATIONS, TrainingRequest.Builder::iterations, r -> r.iterations() > 0 ? r.iterations() : null),
            new Field<>(INIT, TrainingRequest.Builder::initializer, TrainingRequest::initializer),
            new Field<>(L2, TrainingRequest.Builder::l2, TrainingRequest::l2),
            new Field<>(DROPOUT, TrainingRequest.Builder::dropout, TrainingRequest::dropout),
            new Field<>(SCHEDULE, TrainingRequest.Builder::schedule, TrainingRequest::schedule),
            new Field<>(PATIENCE, TrainingRequest.Builder::patience, TrainingRequest::patience),
            new Field<>(MONITOR, TrainingRequest.Builder::monitor, TrainingRequest::monitor),
            new Field<>(SEED, TrainingRequest.Builder::seed, TrainingRequest::seed),
            new Field<>(BACKEND, TrainingRequest.Builder::backend, TrainingRequest::backend),
            new Field<>(PRECISION, TrainingRequest.Builder::precision, r -> r.precision() == Precision.FLOAT64 ? null : r.precision()));

    private TrainingOptions() {
    }

    /** Every option of the request, in the order of the help. */
    public static List<Option<?>> all() {
        return FIELDS.stream().<Option<?>>map(Field::option).toList();
    }

    /** The request options named, in that order (a command that takes some of them). */
    public static List<Option<?>> only(String... names) {
        List<Option<?>> chosen = new ArrayList<>();
        for (String name : names) {
            chosen.add(field(name).option());
        }
        return chosen;
    }

    /** Whether {@code name} is the name of a request option. */
    public static boolean isOption(String name) {
        return FIELDS.stream().anyMatch(f -> f.option().name().equals(name));
    }

    /**
     * Sets every request option given in {@code arguments} on {@code builder}.
     *
     * @throws CommandException for a value the builder refuses, or for both {@code --epochs} and
     *                          {@code --iterations} (a run is measured in one of them)
     */
    public static void apply(Arguments arguments, TrainingRequest.Builder builder) {
        if (arguments.has(EPOCHS) && arguments.has(ITERATIONS)) {
            throw epochsAndIterations();
        }
        for (Field<?> field : FIELDS) {
            applyGiven(field, arguments, builder);
        }
    }

    /**
     * Reads {@code text} as the value of the request option {@code name} and sets it: a configured
     * default, a value of a search space, a model's provenance.
     *
     * @throws CommandException naming the option and the value
     */
    public static void set(String name, String text, TrainingRequest.Builder builder) {
        setText(field(name), text, builder);
    }

    /**
     * Sets the request options named in {@code values} (option name → text) as {@link #set} does,
     * each refused as the shell refuses it, and both {@code epochs} and {@code iterations} as
     * {@link #apply} refuses them: a request given as names and values, such as the web API's JSON
     * body (since 1.2).
     *
     * @throws CommandException naming the option and the value
     * @throws IllegalArgumentException for a name that is not a request option ({@link #isOption})
     */
    public static void set(Map<String, String> values, TrainingRequest.Builder builder) {
        if (values.containsKey(EPOCHS.name()) && values.containsKey(ITERATIONS.name())) {
            throw epochsAndIterations();
        }
        values.forEach((name, text) -> set(name, text, builder));
    }

    private static CommandException epochsAndIterations() {
        return new CommandException("--epochs and --iterations are both given: a run trains for a number of epochs"
                + " or for a number of iterations, give one of them");
    }

    /** The request's value of option {@code option} as text that {@link #set} reads back, or null when unset. */
    public static String show(Option<?> option, TrainingRequest request) {
        return FIELDS.stream().filter(f -> f.option() == option).findFirst().map(f -> f.show(request)).orElse(null);
    }

    /** Every option set in the request, by name, as text that {@link #set} reads back: a model's provenance. */
    public static Map<String, String> describe(TrainingRequest request) {
        Map<String, String> described = new LinkedHashMap<>();
        for (Field<?> field : FIELDS) {
            String text = field.show(request);
            if (text != null) {
                described.put(field.option().name(), text);
            }
        }
        return described;
    }

    private static void batch(TrainingRequest.Builder builder, String text) {
        if (text.equalsIgnoreCase("all")) {
            builder.fullBatch();
        } else {
            int size;
            try {
                size = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(Quote.of(text) + " is neither an integer nor all");
            }
            builder.batchSize(size);
        }
    }

    private static Precision precision(String text) {
        for (Precision p : Precision.values()) {
            if (p.label().equalsIgnoreCase(text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException(Quote.of(text) + " is neither float64 nor float32");
    }

    private static <T> void applyGiven(Field<T> field, Arguments arguments, TrainingRequest.Builder builder) {
        if (arguments.has(field.option())) {
            field.apply(builder, arguments.get(field.option()));
        }
    }

    private static <T> void setText(Field<T> field, String text, TrainingRequest.Builder builder) {
        field.apply(builder, field.option().read(text));
    }

    private static Field<?> field(String name) {
        return FIELDS.stream().filter(f -> f.option().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no training option " + name));
    }
}
