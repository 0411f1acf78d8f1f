package dev.dendrite.shell;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataService;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.nn.TrainingSpec;
import dev.dendrite.api.tuning.Study;
import dev.dendrite.api.tuning.StudyListener;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.Tuner;
import dev.dendrite.models.ModelStore;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ml:tune}: a hyperparameter search through the {@link Tuner} service. Prints a line per
 * finished trial and a leaderboard; with {@code --save NAME} retrains the best trial's
 * configuration (same spec and seed, on the study's training/validation split) and saves it in
 * the {@link ModelStore}.
 */
@Component(service = TuneCommand.class, property = {"osgi.command.scope=ml", "osgi.command.function=tune"})
public final class TuneCommand {
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

    @Descriptor("searches hyperparameters: trains trials proposed by a strategy, prints progress and a leaderboard")
    public String tune(
            @Descriptor("the search space, e.g. \"lr=loguniform(1e-4,1e-1); layers=choice([64],[128,64]); batch=choice(32,64);"
                    + " optimizer=choice(momentum,adam); momentum=uniform(0.5,0.99) if optimizer=momentum\"; also int(lo,hi);"
                    + " names: the ml:train options and optimizer hyperparameters")
            @Parameter(names = "--space", absentValue = "") String space,
            @Descriptor("search strategy: grid, random, halving, tpe, … (see ml:strategies)")
            @Parameter(names = "--strategy", absentValue = "random") String strategy,
            @Descriptor("the most trials to run (a grid stops when exhausted)")
            @Parameter(names = "--trials", absentValue = "20") String trials,
            @Descriptor("epochs per trial (halving gives some trials fewer)")
            @Parameter(names = "--epochs", absentValue = "20") String epochs,
            @Descriptor("the most epochs of all trials together, 0 for no limit")
            @Parameter(names = "--budget", absentValue = "0") String budget,
            @Descriptor("trials trained at the same time (default: the number of processors); results do not depend on it")
            @Parameter(names = "--parallel", absentValue = "") String parallel,
            @Descriptor("study seed: the data split, the proposals and every trial's training seed derive from it")
            @Parameter(names = "--seed", absentValue = "42") String seed,
            @Descriptor("the objective: loss, accuracy, f1, mse, r2, … or val_… of them (default val_accuracy, val_mse for regression)")
            @Parameter(names = "--metric", absentValue = "") String metric,
            @Descriptor("stop unpromising trials early: median or none")
            @Parameter(names = "--pruner", absentValue = "median") String pruner,
            @Descriptor("k-fold cross-validation: the objective is the mean over k folds (0 = use the --val split)")
            @Parameter(names = "--folds", absentValue = "0") String folds,
            @Descriptor("values per continuous parameter for --strategy grid")
            @Parameter(names = "--grid-points", absentValue = "0") String gridPoints,
            @Descriptor("other strategy options, e.g. eta=3,brackets=2 (halving) or startup=10,candidates=24 (tpe)")
            @Parameter(names = "--options", absentValue = "") String options,
            @Descriptor("a proposal does not see the outcome of the last LAG trials (so that results do not depend on --parallel)")
            @Parameter(names = "--lag", absentValue = "4") String lag,
            @Descriptor("save the study under this name (resumed when it exists; see ml:studies)")
            @Parameter(names = "--study", absentValue = "") String study,
            @Descriptor("how many trials the leaderboard shows")
            @Parameter(names = "--top", absentValue = "5") String top,
            @Descriptor("retrain the best configuration and save the model under this name (see ml:models)")
            @Parameter(names = "--save", absentValue = "") String save,
            @Descriptor("fraction of the samples held out for validation, in [0, 1) (default 0.2; not with --folds)")
            @Parameter(names = "--val", absentValue = "") String validation,
            @Descriptor("CSV target column name (default: the last column)")
            @Parameter(names = "--target", absentValue = "") String target,
            @Descriptor("a built-in data set (see ml:datasets) or a CSV file")
            String dataset) {
        if (Options.optional(space) == null) {
            throw new IllegalArgumentException("--space is required, e.g. --space \"lr=loguniform(1e-4,1e-1); batch=choice(32,64)\"");
        }
        Map<String, String> strategyOptions = new LinkedHashMap<>();
        Options.assignments("--options", options).forEach((k, v) -> strategyOptions.put(k, plain(v)));
        int points = Options.integer("--grid-points", gridPoints);
        if (points != 0) {
            if (!strategy.equals("grid")) {
                throw new IllegalArgumentException("--grid-points is for --strategy grid, not " + strategy);
            }
            strategyOptions.put("grid-points", Integer.toString(points));
        }
        int folding = Options.integer("--folds", folds);
        if (folding > 0 && Options.optional(validation) != null) {
            throw new IllegalArgumentException("--val and --folds exclude each other: with --folds k each fold validates on 1/k of the samples");
        }
        double fraction = Options.optional(validation) == null ? 0.2 : Options.number("--val", validation);
        int workers = Options.optional(parallel) == null ? Runtime.getRuntime().availableProcessors() : Options.positiveInt("--parallel", parallel);
        StudySettings settings = new StudySettings(Options.optional(study), dataset, Options.optional(target), fraction, space.trim(),
                strategy, strategyOptions, Options.positiveInt("--trials", trials), Options.positiveInt("--epochs", epochs),
                Options.longValue("--budget", budget), Options.longValue("--seed", seed), Options.optional(metric), pruner, folding,
                nonNegative("--lag", lag), workers);
        int shown = Options.positiveInt("--top", top);
        String saveAs = Options.optional(save);
        PrintStream out = System.out;
        long start = System.nanoTime();
        Study result = tuner.tune(settings, new Progress(out, settings.trials()));
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder s = new StringBuilder();
        s.append(String.format("%s in %.1f s%n", StudyCommands.summary(result), seconds));
        s.append(StudyCommands.leaderboard(result, shown));
        if (settings.name() != null) {
            s.append(String.format("%nstudy %s saved in %s (resume with the same command)", settings.name(), tuner.folder()));
        }
        if (saveAs != null) {
            s.append(String.format("%n%s", retrainAndSave(result, saveAs)));
        }
        return s.toString();
    }

    /** Trains the best trial's spec on the study's split and saves the model. */
    private String retrainAndSave(Study study, String name) {
        TrialRecord best = study.best().orElseThrow(() -> new IllegalArgumentException("no trial finished with a value: nothing to save"));
        TrainingSpec spec = tuner.spec(study, best);
        StudySettings s = study.settings();
        DataSplit split = data.load(s.dataset(), new DataOptions(s.target(), s.folds() > 0 ? 0.2 : s.validation(), s.seed()));
        TrainingResult result = trainer.train(spec, split, TrainingListener.NONE);
        return String.format("retrained trial %d (%s, %d epochs): validation %s%nsaved model %s: %s", best.number() + 1,
                StudyCommands.parameters(best.parameters()), spec.epochs(),
                result.validation() == null ? "-" : MetricsFormat.line(result.validation()), name, models.save(name, result.model()));
    }

    private static int nonNegative(String option, String value) {
        int v = Options.integer(option, value);
        if (v < 0) {
            throw new IllegalArgumentException(option + " must be >= 0, got " + value);
        }
        return v;
    }

    /** {@code 2.0} → {@code 2}: strategy options are read as integers. */
    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Prints {@code trial 3/20  lr=0.0123 layers=[64]  val_accuracy 0.9400  pruned at epoch 7  best 0.9500} per finished trial. */
    private static final class Progress implements StudyListener {
        private final PrintStream out;
        private final int trials;
        private String metric = "";

        Progress(PrintStream out, int trials) {
            this.out = out;
            this.trials = trials;
        }

        @Override
        public void started(Study resumed) {
            metric = resumed.metric();
            out.println(StudyCommands.describe(resumed.settings()));
            long kept = resumed.trials().stream().filter(TrialRecord::finished).count();
            if (!resumed.trials().isEmpty()) {
                out.printf("resuming: %d finished trials kept, %d interrupted ones trained again%n", kept, resumed.trials().size() - kept);
            }
        }

        @Override
        public void trialFinished(TrialRecord t, TrialRecord best) {
            out.println(line(t, best, trials, metric));
        }
    }

    static String line(TrialRecord t, TrialRecord best, int trials, String metric) {
        String outcome = switch (t.state()) {
            case FAILED -> "failed: " + t.message();
            case PRUNED -> metric + " " + Options.format(t.value()) + "  pruned at epoch " + t.epochs();
            default -> metric + " " + Options.format(t.value()) + "  (" + t.epochs() + " epochs)";
        };
        return String.format("trial %d/%d  %s  %s%s", t.number() + 1, trials, StudyCommands.parameters(t.parameters()), outcome,
                best == null ? "" : "  best " + Options.format(best.value()));
    }
}
