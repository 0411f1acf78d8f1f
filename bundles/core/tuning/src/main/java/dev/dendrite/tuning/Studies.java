package dev.dendrite.tuning;

import dev.dendrite.api.data.DataService;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.tuning.SearchSpace;
import dev.dendrite.api.tuning.Study;
import dev.dendrite.api.tuning.StudyContext;
import dev.dendrite.api.tuning.StudyInfo;
import dev.dendrite.api.tuning.StudyInterruptedException;
import dev.dendrite.api.tuning.StudyListener;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.Tuner;
import dev.dendrite.api.tuning.TuningStrategy;
import dev.dendrite.api.tuning.shared.StudyDatabase;
import dev.dendrite.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link Tuner} without OSGi: parses spaces against the registered plug-ins, runs studies with
 * a {@link StudyRunner} (or, in a database shared with other processes, a {@link SharedRunner}),
 * and keeps them in a {@link StudyStorage}: journals in a folder, or a database. Every trial starts from the
 * study's {@link StudySettings#base() base request} with the searched values set.
 */
final class Studies implements Tuner {
    private final Trainer trainer;
    private final DataService data;
    private final Supplier<Vocabulary> vocabulary;
    private final Function<String, TuningStrategy> strategies;
    private final Supplier<Path> folder;
    private final StudyStorage storage;

    /**
     * @param strategies the strategy of a name, throwing IllegalArgumentException (listing the
     *                   available ones) for an unknown name
     */
    Studies(Trainer trainer, DataService data, Supplier<Vocabulary> vocabulary, Function<String, TuningStrategy> strategies,
            Supplier<Path> folder) {
        this(trainer, data, vocabulary, strategies, folder, new JournalStorage(folder));
    }

    /** @param storage where the studies are kept (the journals of {@code folder}, or a database) */
    Studies(Trainer trainer, DataService data, Supplier<Vocabulary> vocabulary, Function<String, TuningStrategy> strategies,
            Supplier<Path> folder, StudyStorage storage) {
        this.trainer = trainer;
        this.data = data;
        this.vocabulary = vocabulary;
        this.strategies = strategies;
        this.folder = folder;
        this.storage = storage;
    }

    /** The same studies kept in {@code other}. */
    Studies in(StudyStorage other) {
        return new Studies(trainer, data, vocabulary, strategies, folder, other);
    }

    @Override
    public SearchSpace parse(String text, TrainingRequest base) {
        return SearchSpaceParser.parse(text, vocabulary.get(), base);
    }

    @Override
    public Study tune(StudySettings requested, StudyListener listener) {
        TuningStrategy strategy = strategies.apply(requested.strategy());
        SearchSpace space = parse(requested.space(), requested.base());
        Objective objective = Objective.of(requested, data);
        StudySettings settings = requested.toBuilder().metric(objective.metric()).build();
        strategy.validate(space, new StudyContext(settings.seed(), 0, settings.epochs(), objective.higherIsBetter(), settings.options()));
        Pruner.of(settings, objective.higherIsBetter()); // its options are checked before a journal is written
        if (settings.name() == null) {
            return run(strategy, space, settings, objective, null, List.of(), List.of(), listener);
        }
        if (storage instanceof DatabaseStorage shared) {
            return runShared(shared, strategy, space, settings, objective, listener);
        }
        try (StudyStorage.Session session = storage.open(settings.name())) {
            if (session.saved() == null) {
                TrialLog journal = session.create(settings, objective.metric(), objective.higherIsBetter());
                return run(strategy, space, settings, objective, journal, List.of(), List.of(), listener);
            }
            Journal.Contents saved = readable(settings.name(), session.saved());
            checkSame(saved.settings(), settings);
            TrialLog journal = session.append();
            if (saved.settings().trials() != settings.trials() || saved.settings().totalEpochs() != settings.totalEpochs()) {
                journal.resumed(settings.trials(), settings.totalEpochs());
            }
            return run(strategy, space, settings, objective, journal, saved.trials(), saved.visible(), listener);
        }
    }

    /** Runs a study from {@code previous} (with their frontiers {@code visible}), its events going to {@code journal} (or nowhere). */
    private Study run(TuningStrategy strategy, SearchSpace space, StudySettings settings, Objective objective, TrialLog journal,
                      List<TrialRecord> previous, List<Integer> visible, StudyListener listener) {
        StudyRunner runner = new StudyRunner(strategy, space, settings, objective.higherIsBetter(),
                new TrialTrainer(trainer, settings.base(), objective, settings.seed(), Pruner.of(settings, objective.higherIsBetter())),
                journal, listener);
        listener.started(new Study(settings, objective.metric(), objective.higherIsBetter(), previous));
        try {
            Study study = new Study(settings, objective.metric(), objective.higherIsBetter(), runner.run(previous, visible));
            if (runner.interrupted()) {
                throw new StudyInterruptedException(study);
            }
            return study;
        } finally {
            if (journal != null) {
                journal.close();
            }
        }
    }

    /**
     * Works on a study kept in a database, with the other processes that do: creates it unless it
     * exists (then its settings must be these), sets its limits to these, and runs a {@link SharedRunner}.
     */
    private Study runShared(DatabaseStorage shared, TuningStrategy strategy, SearchSpace space, StudySettings settings, Objective objective,
                            StudyListener listener) {
        StudyDatabase database = shared.database();
        String header = Json.write(Journal.header(settings, objective.metric(), objective.higherIsBetter()));
        String stored = database.create(settings.name(), header, settings.trials(), settings.totalEpochs());
        checkSame(JournalReader.header(stored, settings.trials(), settings.totalEpochs()).settings(), settings);
        database.limits(settings.name(), settings.trials(), settings.totalEpochs());
        SharedRunner runner = new SharedRunner(strategy, space, settings, objective.higherIsBetter(),
                new TrialTrainer(trainer, settings.base(), objective, settings.seed(), Pruner.of(settings, objective.higherIsBetter())),
                database, shared.heartbeat(), listener);
        listener.started(new Study(settings, objective.metric(), objective.higherIsBetter(),
                DatabaseStorage.contents(database.read(settings.name()).orElseThrow()).trials()));
        Study study = new Study(settings, objective.metric(), objective.higherIsBetter(), runner.run());
        if (runner.interrupted()) {
            throw new StudyInterruptedException(study);
        }
        return study;
    }

    /** A resumed study must keep the saved settings (but trials, epoch limit and workers). */
    private static void checkSame(StudySettings saved, StudySettings now) {
        Map<String, Object> a = Journal.settingsMap(saved);
        Map<String, Object> b = Journal.settingsMap(now);
        List<String> differences = new ArrayList<>();
        for (String key : saved.identity().keySet()) {
            if (!Objects.equals(Json.write(a.get(key)), Json.write(b.get(key)))) {
                differences.add(key + " " + Json.write(a.get(key)) + " (now " + Json.write(b.get(key)) + ")");
            }
        }
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("study " + saved.name() + " exists with other settings: " + String.join(", ", differences)
                    + "; resume it with the same settings (only --trials, --budget and --parallel may change) or choose another --study name");
        }
    }

    @Override
    public List<StudyInfo> list() {
        return storage.names().stream().map(name -> {
            StudyStorage.Saved saved = storage.read(name);
            return saved == null ? null : new StudyInfo(name, storage.location(name), study(saved.contents()), saved.problem());
        }).filter(Objects::nonNull).toList();
    }

    @Override
    public Study study(String name) {
        StudyStorage.Saved saved = name == null ? null : storage.read(name);
        if (saved == null) {
            throw unknown(name);
        }
        return study(readable(name, saved));
    }

    @Override
    public Path repair(String name) {
        if (!storage.names().contains(name)) {
            throw unknown(name);
        }
        return storage.repair(name);
    }

    @Override
    public Study export(String name, Path file) {
        if (!storage.names().contains(name)) {
            throw unknown(name);
        }
        return study(storage.export(name, file));
    }

    @Override
    public Study importStudy(String name, Path file) {
        StudySettings.checkName(name);
        StudyStorage.Saved saved = JournalReader.read(file).saved();
        if (saved.problem() != null) {
            throw new IllegalArgumentException("cannot import " + file.toAbsolutePath() + ": " + saved.problem()
                    + (saved.contents() == null ? "" : "; repair it first (ml:study --repair) or import its valid part (ml:study --export)"));
        }
        if (storage.names().contains(name)) {
            throw new IllegalArgumentException("study " + name + " exists already in " + storage.where() + ": choose another name");
        }
        storage.put(name, saved.contents());
        return study(name);
    }

    private static Study study(Journal.Contents c) {
        return c == null ? null : new Study(c.settings(), c.metric(), c.higherIsBetter(), c.trials());
    }

    /**
     * The contents of a study that reads to its end; for a damaged one, e.g. {@code study rr is damaged:
     * …/rr.jsonl line 17642: trial 40 finished but not running; ml:study rr --repair keeps the 40 trials before that line …}.
     */
    private Journal.Contents readable(String name, StudyStorage.Saved saved) {
        if (saved.problem() == null) {
            return saved.contents();
        }
        String damage = "study " + name + " is damaged: " + storage.where(name) + " " + saved.problem();
        throw new IllegalArgumentException(saved.contents() == null ? damage + "; nothing in it can be kept: remove it or start another --study name"
                : damage + "; ml:study " + name + " --repair keeps the " + saved.contents().trials().size()
                + " trials before that line (setting the original aside), ml:study " + name + " --export FILE.jsonl copies them");
    }

    private IllegalArgumentException unknown(String name) {
        List<String> names = storage.names();
        return new IllegalArgumentException("no study named " + name + " in " + storage.where() + " (saved: "
                + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
    }

    @Override
    public TrainingRequest request(Study study, TrialRecord trial) {
        return TrialTrainer.request(study.settings().base(), study.settings().seed(), trial);
    }

    @Override
    public Path folder() {
        return folder.get();
    }

    @Override
    public String storage() {
        return storage.where();
    }
}
