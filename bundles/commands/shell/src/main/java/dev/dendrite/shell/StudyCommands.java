package dev.dendrite.shell;

import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.plugin.PluginInfo;
import dev.dendrite.api.tuning.Study;
import dev.dendrite.api.tuning.StudyInfo;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialState;
import dev.dendrite.api.tuning.Tuner;
import dev.dendrite.api.tuning.TuningStrategy;
import dev.dendrite.options.Arguments;
import dev.dendrite.options.CommandCatalog;
import dev.dendrite.options.CommandException;
import dev.dendrite.options.CommandSyntax;
import dev.dendrite.options.Completion;
import dev.dendrite.options.Option;
import dev.dendrite.options.TrainingOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ml:studies}, {@code ml:study NAME} and {@code ml:strategies}: the saved studies of the
 * {@link Tuner} (a damaged journal listed with its problem, like a bad file in {@code ml:models}),
 * one study's settings and leaderboard, or its journal repaired or exported, and the registered
 * search strategies.
 */
@Component(service = {StudyCommands.class, CommandCatalog.class}, property = {
        "osgi.command.scope=ml",
        "osgi.command.function=studies",
        "osgi.command.function=study",
        "osgi.command.function=strategies"})
public final class StudyCommands implements CommandCatalog {
    /** How many trials a leaderboard shows ({@code ml:study}, {@code ml:tune}). */
    static final Option<Integer> TOP = Option.positiveInteger("top", "how many trials the leaderboard shows");
    private static final int TOP_DEFAULT = 10;

    static final Option<Boolean> REPAIR = Option.flag("repair", "repairs a damaged journal: keeps the lines before the damaged one"
            + " (a resume trains their unfinished trials again) and sets the original aside as NAME.jsonl.damaged-TIME");
    static final Option<Path> EXPORT = Option.of("export", "FILE.jsonl", "writes the study's journal, as far as it reads, to FILE.jsonl",
            Path::of).completion(Completion.FILE);
    static final Option<Path> IMPORT = Option.of("import", "FILE.jsonl", "copies the journal FILE.jsonl (e.g. one --export wrote) into the"
            + " storage as the study NAME: its finished trials kept, the others to be trained", Path::of).completion(Completion.FILE);
    /** Where studies are kept ({@code ml:tune}, {@code ml:study}, {@code ml:studies}). */
    static final Option<String> STORAGE = Option.of("storage", "URL", "where the studies are: journal (the studies folder) or a database"
            + " that many processes share, postgresql://host:port/db (credentials in etc/dev.dendrite.studies.cfg or PGUSER, PGPASSWORD)",
            text -> text).defaultText("journal, or storage in etc/dev.dendrite.studies.cfg").completion(Completion.of("journal", "postgresql://"));

    static final CommandSyntax STUDIES = CommandSyntax.command("ml:studies",
            "lists the saved studies: name, data set, strategy, trials by state, best value of the metric; a damaged journal"
                    + " with its problem").option(STORAGE).build();
    static final CommandSyntax STUDY = CommandSyntax.command("ml:study", "prints a saved study's settings and its leaderboard (best trials first)")
            .option(TOP)
            .option(REPAIR)
            .option(EXPORT)
            .option(IMPORT)
            .option(STORAGE)
            .argument("NAME", "the study's name (ml:studies)", Completion.STUDY)
            .build();
    static final CommandSyntax STRATEGIES = CommandSyntax.command("ml:strategies",
            "lists the hyperparameter-search strategies (name, ranking, providing bundle; * = used by ml:tune --strategy NAME)").build();

    private final Tuner tuner;
    private final PluginCatalog catalog;

    @Activate
    public StudyCommands(@Reference Tuner tuner, @Reference PluginCatalog catalog) {
        this.tuner = tuner;
        this.catalog = catalog;
    }

    @Override
    public List<CommandSyntax> commands() {
        return List.of(STUDIES, STUDY, STRATEGIES);
    }

    @Descriptor("lists the saved studies: name, data set, strategy, trials by state, best value of the metric")
    public Object studies(@Descriptor("[--storage URL]") String... words) {
        return STUDIES.run(words, option -> null, arguments -> studies(tuner(tuner, arguments)));
    }

    /** The tuner of the {@code --storage} the arguments name, else {@code tuner} (its configured storage). */
    static Tuner tuner(Tuner tuner, Arguments arguments) {
        return arguments.has(STORAGE) ? tuner.at(arguments.get(STORAGE)) : tuner;
    }

    /** {@code studies folder: …/studies} or {@code study database: postgresql://…}. */
    static String where(Tuner tuner) {
        return tuner.storage().equals(tuner.folder().toString()) ? "studies folder: " + tuner.folder() : "study database: " + tuner.storage();
    }

    private String studies(Tuner tuner) {
        List<StudyInfo> studies = tuner.list();
        if (studies.isEmpty()) {
            return "no studies in " + tuner.storage();
        }
        Table t = new Table("name", "data", "strategy", "trials", "complete", "pruned", "failed", "running", "metric", "best");
        List<String> problems = new ArrayList<>();
        for (StudyInfo info : studies) {
            String name = info.problem() == null ? info.name() : info.name() + " (damaged)";
            Study s = info.study();
            if (s == null) {
                t.row(name, "-", "-", "-", "-", "-", "-", "-", "-", "-");
            } else {
                t.row(name, s.settings().dataset(), s.settings().strategy(), s.trials().size() + "/" + s.settings().trials(),
                        s.count(TrialState.COMPLETE), s.count(TrialState.PRUNED), s.count(TrialState.FAILED), s.count(TrialState.RUNNING),
                        s.metric(), s.best().map(b -> MetricsFormat.number(b.value())).orElse("-"));
            }
            if (info.problem() != null) {
                problems.add("damaged " + info.name() + ": " + info.problem() + (s == null ? "" : " (the counts are of the lines before it;"
                        + " ml:study " + info.name() + " --repair keeps them)"));
            }
        }
        StringBuilder out = new StringBuilder(t.toString());
        problems.forEach(p -> out.append(p).append('\n'));
        return out.toString().stripTrailing() + String.format("%n%s", where(tuner));
    }

    @Descriptor("prints a saved study's settings and its leaderboard (best trials first), or repairs or exports its journal;"
            + " ml:study --help lists the options")
    public Object study(@Descriptor("[--top N] [--repair] [--export FILE.jsonl] [--import FILE.jsonl] [--storage URL] NAME") String... words) {
        return STUDY.run(words, option -> option == TOP ? Integer.toString(TOP_DEFAULT) : null, arguments -> {
            String name = arguments.positional(0);
            List<String> actions = Stream.of(REPAIR, EXPORT, IMPORT).filter(arguments::has).map(Option::flagName).toList();
            if (actions.size() > 1) {
                throw new CommandException(String.join(" and ", actions) + " exclude each other"
                        + (arguments.has(REPAIR) && arguments.has(EXPORT) ? ": export first, then repair" : ""));
            }
            Tuner tuner = tuner(this.tuner, arguments);
            if (arguments.has(IMPORT)) {
                Path file = arguments.get(IMPORT);
                Study imported = tuner.importStudy(name, file);
                return String.format("imported %s as study %s into %s%n%s", file.toAbsolutePath(), name, tuner.storage(), summary(imported));
            }
            if (arguments.has(REPAIR)) {
                Path aside = tuner.repair(name);
                return String.format("repaired study %s; the damaged journal is now %s%n%s", name, aside, summary(tuner.study(name)));
            }
            if (arguments.has(EXPORT)) {
                Path file = arguments.get(EXPORT);
                return String.format("exported study %s to %s%n%s", name, file.toAbsolutePath(), summary(tuner.export(name, file)));
            }
            return study(tuner, name, arguments.get(TOP, TOP_DEFAULT));
        });
    }

    private static String study(Tuner tuner, String name, int top) {
        Study study = tuner.study(name);
        return describe(study.settings()) + String.format("%n%s%n", summary(study)) + leaderboard(study, top);
    }

    @Descriptor("lists the hyperparameter-search strategies (name, ranking, providing bundle; * = used by ml:tune --strategy NAME)")
    public Object strategies(@Descriptor("--help, or nothing") String... words) {
        return STRATEGIES.run(words, option -> null, arguments -> strategies());
    }

    private String strategies() {
        return PluginTable.of(catalog.list(TuningStrategy.class), PluginInfo::selected);
    }

    /**
     * E.g. {@code study iris: random on iris.csv, 20 trials of 20 epochs, seed 42, pruner median, …},
     * {@code space: lr=…}, and, when the trials do not start from the default request,
     * {@code trials start from: --optimizer adam --batch 64}.
     */
    static String describe(StudySettings s) {
        String options = s.options().isEmpty() ? "" : " (" + s.options().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
        String base = base(s.base());
        return String.format("study %s: %s%s on %s, %d trials of %d epochs%s, seed %d, pruner %s, %s%nspace: %s%s",
                s.name() == null ? "(not saved)" : s.name(), s.strategy(), options, s.dataset(), s.trials(), s.epochs(),
                s.totalEpochs() > 0 ? " (at most " + s.totalEpochs() + " in all)" : "", s.seed(), s.pruner(),
                s.folds() > 0 ? s.folds() + "-fold cross-validation" : "validation fraction " + s.validation(), s.space(),
                base.isEmpty() ? "" : String.format("%ntrials start from:%s", base));
    }

    /** The options in which {@code base} differs from the default request, as {@code ml:train} writes them; epochs and seed are the trial's. */
    private static String base(TrainingRequest base) {
        Map<String, String> defaults = TrainingOptions.describe(TrainingRequest.builder().build());
        StringBuilder s = new StringBuilder();
        TrainingOptions.describe(base).forEach((name, value) -> {
            if (!name.equals("epochs") && !name.equals("seed") && !value.equals(defaults.get(name))) {
                s.append(" --").append(name).append(' ').append(value);
            }
        });
        return s.toString();
    }

    /** E.g. {@code 20 trials: 15 complete, 4 pruned, 1 failed; 312 epochs; best trial 7: val_accuracy 0.9500}. */
    static String summary(Study s) {
        return String.format("%d trials: %d complete, %d pruned, %d failed%s; %d epochs; %s", s.trials().size(),
                s.count(TrialState.COMPLETE), s.count(TrialState.PRUNED), s.count(TrialState.FAILED),
                s.count(TrialState.RUNNING) > 0 ? ", " + s.count(TrialState.RUNNING) + " interrupted" : "", s.epochs(),
                s.best().map(b -> "best trial " + (b.number() + 1) + ": " + s.metric() + " " + MetricsFormat.number(b.value()))
                        .orElse("no result yet"));
    }

    /**
     * The rule of the {@link Study#leaderboard() ranking} in one line, then the best {@code top}
     * trials: rank, trial, rung (the epochs of training behind the value), metric, state, epochs
     * trained of the trial's budget, parameters.
     */
    static String leaderboard(Study s, int top) {
        Table t = new Table("rank", "trial", "rung", s.metric(), "state", "epochs", "parameters");
        List<TrialRecord> ranked = s.leaderboard();
        for (int i = 0; i < Math.min(top, ranked.size()); i++) {
            TrialRecord r = ranked.get(i);
            String state = r.state() == TrialState.PRUNED ? "pruned" : r.state().name().toLowerCase(Locale.ROOT);
            t.row(i + 1, r.number() + 1, r.finished() ? r.rung(s.settings().epochs()) : "-", MetricsFormat.number(r.value()), state,
                    r.epochs() + "/" + r.budget(), parameters(r.parameters()));
        }
        return String.format("best first by state (complete, pruned, failed), then rung (the epochs behind the value, most first),"
                + " then %s (%s is better)%n%s", s.metric(), s.higherIsBetter() ? "higher" : "lower", t.toString().stripTrailing());
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
