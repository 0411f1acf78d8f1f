package dev.dendrite.shell;

import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.plugin.PluginInfo;
import dev.dendrite.api.tuning.Study;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialState;
import dev.dendrite.api.tuning.Tuner;
import dev.dendrite.api.tuning.TuningStrategy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ml:studies}, {@code ml:study NAME} and {@code ml:strategies}: the saved studies of the
 * {@link Tuner}, one study's settings and leaderboard, and the registered search strategies.
 */
@Component(service = StudyCommands.class, property = {
        "osgi.command.scope=ml",
        "osgi.command.function=studies",
        "osgi.command.function=study",
        "osgi.command.function=strategies"})
public final class StudyCommands {
    private final Tuner tuner;
    private final PluginCatalog catalog;

    @Activate
    public StudyCommands(@Reference Tuner tuner, @Reference PluginCatalog catalog) {
        this.tuner = tuner;
        this.catalog = catalog;
    }

    @Descriptor("lists the saved studies: name, data set, strategy, trials by state, best value of the metric")
    public String studies() {
        List<Study> studies = tuner.studies();
        if (studies.isEmpty()) {
            return "no studies in " + tuner.folder();
        }
        Table t = new Table("name", "data", "strategy", "trials", "complete", "pruned", "failed", "running", "metric", "best");
        for (Study s : studies) {
            t.row(s.settings().name(), s.settings().dataset(), s.settings().strategy(), s.trials().size() + "/" + s.settings().trials(),
                    s.count(TrialState.COMPLETE), s.count(TrialState.PRUNED), s.count(TrialState.FAILED), s.count(TrialState.RUNNING),
                    s.metric(), s.best().map(b -> Options.format(b.value())).orElse("-"));
        }
        return t.toString().stripTrailing() + String.format("%nstudies folder: %s", tuner.folder());
    }

    @Descriptor("prints a saved study's settings and its leaderboard (best trials first)")
    public String study(
            @Descriptor("how many trials the leaderboard shows")
            @Parameter(names = "--top", absentValue = "10") String top,
            @Descriptor("the study's name (see ml:studies)")
            String name) {
        Study study = tuner.study(name);
        return describe(study.settings()) + String.format("%n%s%n", summary(study)) + leaderboard(study, Options.positiveInt("--top", top));
    }

    @Descriptor("lists the hyperparameter-search strategies (name, ranking, providing bundle; * = used by ml:tune --strategy NAME)")
    public String strategies() {
        List<PluginInfo> infos = catalog.list(TuningStrategy.class);
        if (infos.isEmpty()) {
            return "(none registered)";
        }
        Table t = new Table("", "name", "ranking", "bundle", "description");
        for (PluginInfo p : infos) {
            t.row(p.selected() ? "*" : " ", p.name(), p.ranking(), p.bundle(), p.description());
        }
        return t.toString().stripTrailing();
    }

    /** E.g. {@code study iris: random on iris.csv, 20 trials of 20 epochs, seed 42, pruner median, space lr=…}. */
    static String describe(StudySettings s) {
        String options = s.options().isEmpty() ? "" : " (" + s.options().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
        return String.format("study %s: %s%s on %s, %d trials of %d epochs%s, seed %d, pruner %s, %s%nspace: %s",
                s.name() == null ? "(not saved)" : s.name(), s.strategy(), options, s.dataset(), s.trials(), s.epochs(),
                s.totalEpochs() > 0 ? " (at most " + s.totalEpochs() + " in all)" : "", s.seed(), s.pruner(),
                s.folds() > 0 ? s.folds() + "-fold cross-validation" : "validation fraction " + s.validation(), s.space());
    }

    /** E.g. {@code 20 trials: 15 complete, 4 pruned, 1 failed; 312 epochs; best trial 7: val_accuracy 0.9500}. */
    static String summary(Study s) {
        return String.format("%d trials: %d complete, %d pruned, %d failed%s; %d epochs; %s", s.trials().size(),
                s.count(TrialState.COMPLETE), s.count(TrialState.PRUNED), s.count(TrialState.FAILED),
                s.count(TrialState.RUNNING) > 0 ? ", " + s.count(TrialState.RUNNING) + " interrupted" : "", s.epochs(),
                s.best().map(b -> "best trial " + (b.number() + 1) + ": " + s.metric() + " " + Options.format(b.value())).orElse("no result yet"));
    }

    /** The best {@code top} trials: rank, trial, metric, state, epochs, parameters. */
    static String leaderboard(Study s, int top) {
        Table t = new Table("rank", "trial", s.metric(), "state", "epochs", "parameters");
        List<TrialRecord> ranked = s.leaderboard();
        for (int i = 0; i < Math.min(top, ranked.size()); i++) {
            TrialRecord r = ranked.get(i);
            String state = r.state() == TrialState.PRUNED ? "pruned" : r.state().name().toLowerCase(Locale.ROOT);
            t.row(i + 1, r.number() + 1, Options.format(r.value()), state, r.epochs() + "/" + r.budget(), parameters(r.parameters()));
        }
        return t.toString().stripTrailing();
    }

    /** {@code lr=0.0123 layers=[64] optimizer=adam}: reals with 4 significant digits. */
    static String parameters(Map<String, Object> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + value(e.getValue())).collect(Collectors.joining(" "));
    }

    private static String value(Object v) {
        if (v instanceof Double d) {
            String s = String.format(Locale.ROOT, "%.4g", d);
            return s.contains("e") ? s : s.replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
        }
        return String.valueOf(v);
    }
}
