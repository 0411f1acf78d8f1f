package dev.dendrite.shell;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataService;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.tuning.Study;
import dev.dendrite.api.tuning.StudyInterruptedException;
import dev.dendrite.api.tuning.StudyListener;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialState;
import dev.dendrite.api.tuning.Tuner;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ml:tune}: a hyperparameter search through the {@link Tuner} service. Reads the command
 * line into {@link StudySettings} (tune's own options, each setting checked once by the settings'
 * builder) and a base {@link TrainingRequest} (the usual {@code ml:train} options, read and checked
 * by {@link TrainingOptions}); prints a line per finished trial ({@link TrialProgress}) and a
 * leaderboard; with {@code --save NAME} trains the best trial's configuration for the full epochs
 * per trial (same parameters and seed, on the study's training/validation split) and saves the
 * model in the {@link ModelStore}.
 * Ctrl-C stops the study, keeping its finished trials, and ends the command with one line.
 */
@Component(service = {TuneCommand.class, CommandCatalog.class}, property = {"osgi.command.scope=ml", "osgi.command.function=tune"})
public final class TuneCommand implements CommandCatalog {

    /** One of tune's own options and the study setting it sets; a refusal of the settings' builder names the option. */
    private record Setting<T>(Option<T> option, BiConsumer<StudySettings.Builder, T> set, Function<StudySettings, Object> shown) {

        void apply(Arguments arguments, StudySettings.Builder builder) {
            if (arguments.has(option)) {
                try {
                    set.accept(builder, arguments.get(option));
                } catch (IllegalArgumentException e) {
                    throw new CommandException(option.flagName() + ": " + e.getMessage());
                }
            }
        }
    }

    static final Option<String> SPACE = Option.text("space", "SPACE", "the search space (required), e.g. \"lr=loguniform(1e-4,1e-1);"
            + " layers=choice([64],[128,64]); optimizer=choice(sgd,momentum); momentum=uniform(0.5,0.99) if optimizer=momentum\";"
            + " domains uniform, loguniform, int, choice; names: the training options below, units, depth and the optimizers'"
            + " hyperparameters (a searched name overrides its option)");
    static final Option<String> STRATEGY = Option.text("strategy", "NAME", "search strategy: grid, random, halving, tpe, … (ml:strategies)")
            .completion(Completion.STRATEGY);
    static final Option<Integer> TRIALS = Option.integer("trials", "the most trials to run (a grid stops when exhausted)");
    static final Option<Integer> EPOCHS = Option.integer("epochs", "epochs per trial (halving gives some trials fewer)");
    static final Option<Long> BUDGET = Option.longInteger("budget", "the most epochs of all trials together").defaultText("no limit");
    static final Option<Integer> PARALLEL = Option.integer("parallel",
            "trials trained at the same time; results do not depend on it");
    static final Option<Long> SEED = Option.longInteger("seed",
            "study seed: the data split, the proposals and every trial's training seed derive from it");
    static final Option<String> METRIC = Option.text("metric", "METRIC",
                    "the objective: loss, accuracy, f1, mse, r2, … or val_… of them")
            .completion(Completion.of("val_accuracy", "val_loss", "val_f1", "val_mse", "val_r2", "accuracy", "loss"))
            .defaultText("val_accuracy, val_mse for regression");
    static final Option<String> PRUNER = Option.text("pruner", "NAME", "stop unpromising trials early, with any strategy: median,"
                    + " halving (at the rung epochs, only the best 1/eta go on) or none")
            .completion(Completion.of(StudySettings.MEDIAN, StudySettings.HALVING, StudySettings.NO_PRUNER));
    static final Option<Integer> FOLDS = Option.integer("folds",
            "k-fold cross-validation, k >= 2: the objective is the mean over the k folds (instead of --val)").defaultText("a validation split");
    static final Option<Integer> GRID_POINTS = Option.positiveInteger("grid-points", "values per continuous parameter for --strategy grid");
    static final Option<Map<String, String>> OPTIONS = Option.of("options", "K=V,…",
            "strategy options, e.g. eta=3,rungs=3 (halving) or startup=10,candidates=24 (tpe)", TuneCommand::strategyOptions);
    static final Option<Integer> LAG = Option.integer("lag",
            "a proposal does not see the outcome of the last LAG trials (so that results do not depend on --parallel); 0: sequential");
    static final Option<String> STUDY = Option.of("study", "NAME",
            "save the study under this name (letters, digits, . _ -); resumed when it exists (ml:studies); one run at a time"
                    + " per study (another is refused, naming the process that holds it)", text -> text)
            .completion(Completion.STUDY);
    static final Option<String> SAVE = Option.of("save", "NAME",
            "train the best configuration for the full --epochs and save the model under this name (ml:models)",
            ModelStore::checkName).completion(Completion.MODEL);

    /** Tune's own options in the order of the help and of application (epochs before the budget that must allow them). */
    private static final List<Setting<?>> SETTINGS = List.of(
            new Setting<>(STRATEGY, StudySettings.Builder::strategy, StudySettings::strategy),
            new Setting<>(TRIALS, StudySettings.Builder::trials, StudySettings::trials),
            new Setting<>(EPOCHS, StudySettings.Builder::epochs, StudySettings::epochs),
            new Setting<>(BUDGET, StudySettings.Builder::totalEpochs, s -> null),
            new Setting<>(PARALLEL, StudySettings.Builder::parallel, s -> s.parallel() + " (the processors)"),
            new Setting<>(SEED, StudySettings.Builder::seed, StudySettings::seed),
            new Setting<>(METRIC, StudySettings.Builder::metric, s -> null),
            new Setting<>(PRUNER, StudySettings.Builder::pruner, StudySettings::pruner),
            new Setting<>(FOLDS, StudySettings.Builder::folds, s -> null),
            new Setting<>(OPTIONS, StudySettings.Builder::options, s -> null),
            new Setting<>(LAG, StudySettings.Builder::lag, StudySettings::lag),
            new Setting<>(STUDY, StudySettings.Builder::name, s -> null),
            new Setting<>(DataLoadingOptions.VAL, StudySettings.Builder::validation, s -> null),
            new Setting<>(DataLoadingOptions.TARGET, StudySettings.Builder::target, s -> null),
            new Setting<>(DataLoadingOptions.TASK, StudySettings.Builder::task, s -> null),
            new Setting<>(DataLoadingOptions.SCALING, StudySettings.Builder::scaling, s -> null));

    /** The ml:train options that set the request every trial starts from; a trial's epochs and seed are the study's. */
    private static final List<Option<?>> BASE = TrainingOptions.only("layers", "activation", "output", "loss", "optimizer", "lr", "hp",
            "batch", "init", "l2", "dropout", "schedule", "patience", "monitor", "backend");

    private static final int TOP_DEFAULT = 5;

    static final CommandSyntax SYNTAX = CommandSyntax.command("ml:tune",
                    "searches hyperparameters: trains trials proposed by a strategy, prints progress and a leaderboard")
            .option(SPACE)
            .options(SETTINGS.stream().<Option<?>>map(Setting::option).toList())
            .options(DataLoadingOptions.tableOptions())
            .options(List.of(GRID_POINTS, StudyCommands.TOP, SAVE, StudyCommands.STORAGE))
            .options(BASE)
            .argument("DATASET", "a built-in data set (ml:datasets) or a CSV file", Completion.DATASET)
            .build();

    /** The settings the help shows as defaults. */
    private static final StudySettings DEFAULTS = StudySettings.builder("DATASET", "SPACE").build();

    private final Tuner tuner;
    private final Trainer trainer;
    private final DataService data;
    private final ModelStore models;

    @Activate
    public TuneCommand(@Reference Tuner tuner, @Reference Trainer trainer, @Reference DataService data, @Reference ModelStore models) {
        this.tuner = tuner;
        this.trainer = trainer;
        this.data = data;
        this.models = models;
    }

    @Override
    public List<CommandSyntax> commands() {
        return List.of(SYNTAX);
    }

    @Descriptor("searches hyperparameters: trains trials proposed by a strategy, prints progress and a leaderboard; ml:tune --help lists the options")
    public Object tune(@Descriptor("--space SPACE [options] DATASET") String... words) {
        return SYNTAX.run(words, TuneCommand::shownDefault, this::tune);
    }

    /** The default the help shows for {@code option}, or null for the option's own. */
    private static String shownDefault(Option<?> option) {
        if (option == StudyCommands.TOP) {
            return Integer.toString(TOP_DEFAULT);
        }
        if (BASE.contains(option)) {
            return TrainingOptions.show(option, DEFAULTS.base());
        }
        return SETTINGS.stream().filter(s -> s.option() == option).findFirst()
                .map(s -> s.shown().apply(DEFAULTS)).map(String::valueOf).orElse(null);
    }

    private String tune(Arguments arguments) {
        StudySettings settings = settings(arguments);
        refuseSearchedOptions(arguments, settings);
        int shown = arguments.get(StudyCommands.TOP, TOP_DEFAULT);
        String saveAs = arguments.get(SAVE);
        if (saveAs != null) {
            OutputPath.modelsFolder(models);
        }
        Tuner tuner = StudyCommands.tuner(this.tuner, arguments);
        PrintStream out = System.out;
        long start = System.nanoTime();
        Study result;
        try {
            result = tuner.tune(settings, new TrialProgress(out, settings.trials(), settings.parallel(), System::nanoTime));
        } catch (StudyInterruptedException e) {
            throw new CommandException(interrupted(e), e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder s = new StringBuilder();
        s.append(String.format("%s in %.1f s%n", StudyCommands.summary(result), seconds));
        s.append(StudyCommands.leaderboard(result, shown));
        if (settings.name() != null) {
            s.append(String.format("%nstudy %s saved in %s (resume with the same command)", settings.name(), tuner.storage()));
        }
        if (saveAs != null) {
            s.append(String.format("%n%s", retrainAndSave(result, saveAs)));
        }
        return s.toString();
    }

    /** The settings the command line gives: tune's own options, the data options and the trials' base request. */
    private static StudySettings settings(Arguments arguments) {
        if (!arguments.has(SPACE)) {
            throw new CommandException("ml:tune needs --space, e.g. --space \"lr=loguniform(1e-4,1e-1); batch=choice(32,64)\" (ml:tune --help)");
        }
        if (arguments.has(FOLDS) && arguments.has(DataLoadingOptions.VAL)) {
            throw new CommandException("--val and --folds exclude each other: with --folds k each fold validates on 1/k of the samples");
        }
        StudySettings.Builder builder = StudySettings.builder(arguments.positional(0), arguments.get(SPACE));
        SETTINGS.forEach(setting -> setting.apply(arguments, builder));
        builder.table(DataLoadingOptions.table(arguments));
        if (arguments.has(GRID_POINTS)) {
            StudySettings chosen = builder.build();
            if (!chosen.strategy().equals("grid")) {
                throw new CommandException("--grid-points is for --strategy grid, not " + chosen.strategy());
            }
            Map<String, String> options = new LinkedHashMap<>(chosen.options());
            options.put("grid-points", Integer.toString(arguments.get(GRID_POINTS)));
            builder.options(options);
        }
        TrainingRequest.Builder base = TrainingRequest.builder();
        TrainingOptions.apply(arguments, base);
        return builder.base(base.build()).build();
    }

    /** A training option given and also searched would be overridden by the search without a word: refused. */
    private void refuseSearchedOptions(Arguments arguments, StudySettings settings) {
        for (String name : tuner.parse(settings.space(), settings.base()).names()) {
            String given = overridden(name, arguments);
            if (given != null) {
                throw new CommandException(given + " is searched too (" + name + "=… in --space): give it in one place");
            }
        }
    }

    /** The option on the command line that the searched {@code name} would override, or null. */
    private static String overridden(String name, Arguments arguments) {
        if ((name.equals("units") || name.equals("depth")) && arguments.has(TrainingOptions.LAYERS)) {
            return TrainingOptions.LAYERS.flagName();
        }
        if (arguments.has(TrainingOptions.HP) && arguments.get(TrainingOptions.HP).containsKey(name)) {
            return TrainingOptions.HP.flagName() + " " + name;
        }
        return BASE.stream().filter(o -> o.name().equals(name) && arguments.has(o)).findFirst().map(Option::flagName).orElse(null);
    }

    /** {@code interrupted after 3 of 20 trials; the study s keeps them}: the one line an interrupted study ends with. */
    private static String interrupted(StudyInterruptedException e) {
        String name = e.study().settings().name();
        return "interrupted after " + e.finished() + " of " + e.study().settings().trials() + " trials; "
                + (name != null ? "the study " + name + " keeps them (resume with the same command)"
                : "they are not kept (--study NAME keeps a study's trials)");
    }

    /**
     * Trains the best trial's configuration for the study's full epochs per trial (its
     * {@link Study#inFull} request: its parameters and seed, the base request's early stopping) on
     * the study's split and saves the model. A complete trial of the full rung is so retrained as it
     * ran; one of a lower rung, or a pruned one, is trained for the epochs it did not get, and the line says so.
     */
    private String retrainAndSave(Study study, String name) {
        TrialRecord best = study.best().orElseThrow(() -> new CommandException("no trial finished with a value: nothing to save"));
        TrialRecord full = study.inFull(best);
        TrainingRequest request = tuner.request(study, full);
        StudySettings s = study.settings();
        DataSplit split = data.load(s.dataset(), new DataOptions(s.target(),
                s.folds() > 0 ? DataLoadingOptions.DEFAULT_VALIDATION : s.validation(), s.seed(), s.task(), s.scaling(), s.table()));
        TrainingResult result = trainer.train(request, split, TrainingListener.NONE);
        String what = best.state() == TrialState.COMPLETE && full.budget() == best.budget()
                ? String.format("retrained trial %d as it ran (%s, %d epochs)", best.number() + 1, StudyCommands.parameters(best.parameters()),
                        request.epochs())
                : String.format("trained the configuration of trial %d for the full %d epochs (%s; the trial %s)", best.number() + 1,
                        request.epochs(), StudyCommands.parameters(best.parameters()), best.state() == TrialState.PRUNED
                                ? "was pruned at epoch " + best.epochs() : "trained " + best.budget() + " on its rung");
        String stopped = result.history().size() < request.epochs() ? ", " + result.stopReason() : "";
        return String.format("%s%s: validation %s%nsaved model %s: %s", what, stopped,
                result.validation() == null ? "-" : MetricsFormat.line(result.validation()), name, models.save(name, result.model()));
    }

    /** {@code eta=3,rungs=3} → the strategy options by name, values as written (the strategy reads them). */
    private static Map<String, String> strategyOptions(String text) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String part : text.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0 || part.substring(eq + 1).isBlank()) {
                throw new IllegalArgumentException("expected name=value, got '" + part.trim() + "'");
            }
            if (options.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException(part.substring(0, eq).trim() + " is given twice");
            }
        }
        return options;
    }

    /**
     * Prints the study's settings, then one line per finished trial: trials done of the total,
     * the trial and its parameters, its outcome, the best value so far and the estimated time
     * left, e.g. {@code [5/20] trial 4  lr=0.0235 units=9  val_accuracy 0.9083  (10 epochs)  best 0.9167 (trial 2)  ETA 42 s}.
     * The ETA is the mean time of the trials finished in this run times the rounds of
     * {@code parallel} trials still to go. Plain lines: they read the same in a log.
     */
    static final class TrialProgress implements StudyListener {
        private final PrintStream out;
        private final int total;
        private final int parallel;
        private final LongSupplier clock;
        private final Map<Integer, Long> startedAt = new HashMap<>();
        private String metric = "";
        private long done;
        private long timed;
        private long nanos;

        /** @param clock nanoseconds, {@code System::nanoTime} */
        TrialProgress(PrintStream out, int total, int parallel, LongSupplier clock) {
            this.out = out;
            this.total = total;
            this.parallel = parallel;
            this.clock = clock;
        }

        @Override
        public void started(Study resumed) {
            metric = resumed.metric();
            out.println(StudyCommands.describe(resumed.settings()));
            done = resumed.trials().stream().filter(TrialRecord::finished).count();
            if (!resumed.trials().isEmpty()) {
                out.printf("resuming: %d finished trials kept, %d interrupted ones trained again%n", done, resumed.trials().size() - done);
            }
        }

        @Override
        public void trialStarted(TrialRecord trial) {
            startedAt.put(trial.number(), clock.getAsLong());
        }

        @Override
        public void trialFinished(TrialRecord trial, TrialRecord best) {
            done++;
            Long start = startedAt.remove(trial.number());
            if (start != null) {
                timed++;
                nanos += clock.getAsLong() - start;
            }
            out.println(line(trial, best));
        }

        String line(TrialRecord t, TrialRecord best) {
            String outcome = switch (t.state()) {
                case FAILED -> "failed: " + t.message();
                case PRUNED -> metric + " " + MetricsFormat.number(t.value()) + "  pruned at epoch " + t.epochs();
                default -> metric + " " + MetricsFormat.number(t.value()) + "  (" + t.epochs() + " epochs)";
            };
            long left = Math.max(0, total - done);
            String eta = left == 0 || timed == 0 ? "" : "  ETA " + duration(nanos / timed * ((left + parallel - 1) / parallel));
            return String.format("[%d/%d] trial %d  %s  %s  best %s%s", done, total, t.number() + 1,
                    StudyCommands.parameters(t.parameters()), outcome,
                    best == null ? "-" : MetricsFormat.number(best.value()) + " (trial " + (best.number() + 1) + ")", eta);
        }

        /** {@code 42 s}, {@code 3 min 05 s}, {@code 2 h 07 min}. */
        static String duration(long nanos) {
            long s = Math.round(nanos / 1e9);
            return s < 60 ? s + " s" : s < 3600 ? String.format("%d min %02d s", s / 60, s % 60)
                    : String.format("%d h %02d min", s / 3600, s % 3600 / 60);
        }
    }
}
