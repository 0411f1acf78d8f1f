package dev.dendrite.tuning;

import dev.dendrite.api.data.DataService;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.tuning.SearchSpace;
import dev.dendrite.api.tuning.Study;
import dev.dendrite.api.tuning.StudyContext;
import dev.dendrite.api.tuning.StudyInterruptedException;
import dev.dendrite.api.tuning.StudyListener;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.Tuner;
import dev.dendrite.api.tuning.TuningStrategy;
import dev.dendrite.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@link Tuner} without OSGi: parses spaces against the registered plug-ins, runs studies with
 * a {@link StudyRunner}, and keeps their journals in a folder. Every trial starts from the
 * study's {@link StudySettings#base() base request} with the searched values set.
 */
final class Studies implements Tuner {
    private final Trainer trainer;
    private final DataService data;
    private final Supplier<Vocabulary> vocabulary;
    private final Function<String, TuningStrategy> strategies;
    private final Supplier<Path> folder;

    /**
     * @param strategies the strategy of a name, throwing IllegalArgumentException (listing the
     *                   available ones) for an unknown name
     */
    Studies(Trainer trainer, DataService data, Supplier<Vocabulary> vocabulary, Function<String, TuningStrategy> strategies,
            Supplier<Path> folder) {
        this.trainer = trainer;
        this.data = data;
        this.vocabulary = vocabulary;
        this.strategies = strategies;
        this.folder = folder;
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
        List<TrialRecord> previous = List.of();
        List<Integer> visible = List.of();
        Journal journal = null;
        if (settings.name() != null) {
            Path file = file(settings.name());
            if (Files.exists(file)) {
                Journal.Contents saved = Journal.read(file);
                checkSame(saved.settings(), settings);
                previous = saved.trials();
                visible = saved.visible();
                journal = Journal.append(file);
                if (saved.settings().trials() != settings.trials() || saved.settings().totalEpochs() != settings.totalEpochs()) {
                    journal.resumed(settings.trials(), settings.totalEpochs());
                }
            } else {
                journal = Journal.create(file, settings, objective.metric(), objective.higherIsBetter());
            }
        }
        StudyRunner runner = new StudyRunner(strategy, space, settings, objective.higherIsBetter(),
                new TrialTrainer(trainer, settings.base(), objective, settings.seed(), settings.pruner().equals(StudySettings.MEDIAN)),
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
    public List<Study> studies() {
        return names().stream().map(this::study).toList();
    }

    @Override
    public Study study(String name) {
        Path file = name == null ? null : file(name);
        if (file == null || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no study named " + name + " in " + folder.get() + " (saved: "
                    + (names().isEmpty() ? "none" : String.join(", ", names())) + ")");
        }
        Journal.Contents c = Journal.read(file);
        return new Study(c.settings(), c.metric(), c.higherIsBetter(), c.trials());
    }

    @Override
    public TrainingRequest request(Study study, TrialRecord trial) {
        return TrialTrainer.request(study.settings().base(), study.settings().seed(), trial);
    }

    @Override
    public Path folder() {
        return folder.get();
    }

    private Path file(String name) {
        StudySettings.checkName(name);
        return folder.get().resolve(name + Journal.EXTENSION);
    }

    private List<String> names() {
        Path dir = folder.get();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(Journal.EXTENSION))
                    .map(f -> f.substring(0, f.length() - Journal.EXTENSION.length()))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
