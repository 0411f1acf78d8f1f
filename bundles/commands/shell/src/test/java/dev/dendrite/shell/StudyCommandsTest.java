package dev.dendrite.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.plugin.BundleProblem;
import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.plugin.PluginInfo;
import dev.dendrite.api.tuning.SearchSpace;
import dev.dendrite.api.tuning.Study;
import dev.dendrite.api.tuning.StudyInfo;
import dev.dendrite.api.tuning.StudyListener;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.Tuner;
import dev.dendrite.api.tuning.TuningStrategy;
import dev.dendrite.options.CommandException;
import dev.dendrite.options.CommandSyntax;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ml:studies, ml:study and ml:strategies on the option parser: listings, one study with its base request, errors by name. */
class StudyCommandsTest {

    private static final Study IRIS = new Study(StudySettings.builder("iris.csv", "lr=choice(0.1)").name("iris")
            .base(TrainingRequest.builder().optimizer("adam").batchSize(64).build()).build(), "val_accuracy", true, TuneCommandTest.trials());

    /** What the fake tuner lists, and which studies it repaired and exported. */
    private final List<StudyInfo> saved = new ArrayList<>(List.of(new StudyInfo("iris", Path.of("/studies/iris.jsonl"), IRIS, null)));
    private final List<String> repaired = new ArrayList<>();
    private final List<String> exported = new ArrayList<>();

    private final Tuner tuner = new Tuner() {
        @Override
        public SearchSpace parse(String text, TrainingRequest base) {
            throw new AssertionError("not used");
        }

        @Override
        public Study tune(StudySettings settings, StudyListener listener) {
            throw new AssertionError("not used");
        }

        @Override
        public List<StudyInfo> list() {
            return saved;
        }

        @Override
        public Study study(String name) {
            if (!name.equals("iris")) {
                throw new IllegalArgumentException("no study named " + name + " in /studies (saved: iris)");
            }
            return IRIS;
        }

        @Override
        public Path repair(String name) {
            repaired.add(name);
            return Path.of("/studies/" + name + ".jsonl.damaged-20261130-081203");
        }

        @Override
        public Study export(String name, Path file) {
            exported.add(name + " " + file);
            return IRIS;
        }

        @Override
        public TrainingRequest request(Study study, TrialRecord trial) {
            throw new AssertionError("not used");
        }

        @Override
        public Path folder() {
            return Path.of("/studies");
        }

        @Override
        public Tuner at(String storage) {
            storages.add(storage);
            return database;
        }
    };

    private final List<String> storages = new ArrayList<>();
    private final List<String> imported = new ArrayList<>();

    /** The tuner of a study database: its own studies and location. */
    private final Tuner database = new Tuner() {
        @Override
        public SearchSpace parse(String text, TrainingRequest base) {
            throw new AssertionError("not used");
        }

        @Override
        public Study tune(StudySettings settings, StudyListener listener) {
            throw new AssertionError("not used");
        }

        @Override
        public List<StudyInfo> list() {
            return List.of(new StudyInfo("iris", null, IRIS, null));
        }

        @Override
        public Study study(String name) {
            return IRIS;
        }

        @Override
        public Path repair(String name) {
            throw new IllegalArgumentException("study " + name + " is kept in " + storage() + ", where it cannot be damaged");
        }

        @Override
        public Study export(String name, Path file) {
            throw new AssertionError("not used");
        }

        @Override
        public Study importStudy(String name, Path file) {
            imported.add(name + " " + file);
            return IRIS;
        }

        @Override
        public TrainingRequest request(Study study, TrialRecord trial) {
            throw new AssertionError("not used");
        }

        @Override
        public Path folder() {
            return Path.of("/studies");
        }

        @Override
        public String storage() {
            return "postgresql://ann:***@db:5432/studies";
        }
    };

    private final PluginCatalog catalog = new PluginCatalog() {
        @Override
        public List<PluginInfo> list(Class<?> kind) {
            assertEquals(TuningStrategy.class, kind);
            return List.of(new PluginInfo("grid", "every point", 3, 0, 7, "dev.dendrite.tuning", "0.1.0", true),
                    new PluginInfo("tpe", "Parzen", 9, 0, 8, "dev.dendrite.tuning.tpe", "0.1.0", true));
        }

        @Override
        public List<String> names(Class<?> kind) {
            throw new AssertionError("not used");
        }

        @Override
        public Optional<PluginInfo> preferred(Class<?> kind) {
            throw new AssertionError("not used");
        }

        @Override
        public List<BundleProblem> problems() {
            throw new AssertionError("not used");
        }
    };

    private final StudyCommands commands = new StudyCommands(tuner, catalog);

    @Test
    void studiesListsTheSavedStudies() {
        String studies = (String) commands.studies();
        assertTrue(studies.startsWith("name  data      strategy  trials  complete  pruned  failed  running  metric        best\n"
                + "iris  iris.csv  random    3/20    1         1       1       0        val_accuracy  0.9400\n"), studies);
        assertTrue(studies.endsWith("studies folder: /studies"), studies);
    }

    @Test
    void aDamagedJournalIsListedWithItsProblemAmongTheGoodOnes() {
        saved.add(new StudyInfo("rr", Path.of("/studies/rr.jsonl"), IRIS, "line 17642: trial 40 finished but not running"));
        saved.add(new StudyInfo("junk", Path.of("/studies/junk.jsonl"), null, "line 1: expected the study event first"));
        String studies = (String) commands.studies();
        assertTrue(studies.contains("\nrr (damaged)    iris.csv  random    3/20    1         1       1       0        val_accuracy  0.9400\n"), studies);
        assertTrue(studies.contains("\njunk (damaged)  -         -         -       -         -       -       -        -             -\n"), studies);
        assertTrue(studies.contains("\ndamaged rr: line 17642: trial 40 finished but not running (the counts are of the lines before it;"
                + " ml:study rr --repair keeps them)\ndamaged junk: line 1: expected the study event first\nstudies folder: /studies"), studies);
    }

    @Test
    void studiesAndStudyReadTheStorageThatStorageNames() {
        String studies = (String) commands.studies("--storage", "postgresql://ann:pw@db/studies");
        assertTrue(studies.startsWith("name  data      strategy  trials"), studies);
        assertTrue(studies.endsWith("\nstudy database: postgresql://ann:***@db:5432/studies"), studies);
        String study = (String) commands.study("--storage", "postgresql://ann:pw@db/studies", "iris");
        assertTrue(study.startsWith("study iris: random on iris.csv"), study);
        assertEquals(List.of("postgresql://ann:pw@db/studies", "postgresql://ann:pw@db/studies"), storages);
    }

    @Test
    void studyImportsAJournalIntoTheStorage() {
        String out = (String) commands.study("--import", "/tmp/iris.jsonl", "--storage", "postgresql://db/studies", "moved");
        assertEquals("imported /tmp/iris.jsonl as study moved into postgresql://ann:***@db:5432/studies\n"
                + "3 trials: 1 complete, 1 pruned, 1 failed; 5 epochs; best trial 1: val_accuracy 0.9400", out);
        assertEquals(List.of("moved /tmp/iris.jsonl"), imported);
        assertEquals("--export and --import exclude each other",
                assertThrows(CommandException.class, () -> commands.study("--export", "a.jsonl", "--import", "b.jsonl", "x")).getMessage());
    }

    @Test
    void studyRepairsOrExportsAJournal() {
        assertEquals("repaired study iris; the damaged journal is now /studies/iris.jsonl.damaged-20261130-081203\n"
                + "3 trials: 1 complete, 1 pruned, 1 failed; 5 epochs; best trial 1: val_accuracy 0.9400", commands.study("--repair", "iris"));
        assertEquals(List.of("iris"), repaired);
        String export = (String) commands.study("iris", "--export", "/tmp/iris-copy.jsonl");
        assertEquals("exported study iris to /tmp/iris-copy.jsonl\n3 trials: 1 complete, 1 pruned, 1 failed; 5 epochs; best trial 1: val_accuracy 0.9400",
                export);
        assertEquals(List.of("iris /tmp/iris-copy.jsonl"), exported);
        assertEquals("--repair and --export exclude each other: export first, then repair",
                assertThrows(CommandException.class, () -> commands.study("--repair", "--export", "x.jsonl", "iris")).getMessage());
    }

    @Test
    void studyShowsTheSettingsTheBaseRequestAndTheLeaderboard() {
        String study = (String) commands.study("iris", "--top", "2");
        assertTrue(study.startsWith("study iris: random on iris.csv, 20 trials of 20 epochs, seed 42, pruner median, validation fraction 0.2\n"
                + "space: lr=choice(0.1)\ntrials start from: --optimizer adam --batch 64\n"
                + "3 trials: 1 complete, 1 pruned, 1 failed; 5 epochs; best trial 1: val_accuracy 0.9400\n"), study);
        assertEquals(8, study.split("\n").length, "settings, space, base, summary, ranking rule, header and the top 2: " + study);
        assertTrue(study.contains("\nbest first by state (complete, pruned, failed), then rung (the epochs behind the value, most first),"
                + " then val_accuracy (higher is better)\nrank  trial  rung  val_accuracy  state     epochs  parameters\n"), study);
        assertEquals(9, ((String) commands.study("iris")).split("\n").length, "all 3 trials within the default top 10");
    }

    @Test
    void badInputIsRefusedInOneLine() {
        assertEquals("--top: must be a positive integer, got 0",
                assertThrows(CommandException.class, () -> commands.study("--top", "0", "iris")).getMessage());
        assertEquals("ml:study needs NAME (ml:study --help)", assertThrows(CommandException.class, () -> commands.study()).getMessage());
        assertEquals("no study named nope in /studies (saved: iris)",
                assertThrows(CommandException.class, () -> commands.study("nope")).getMessage());
        assertEquals("ml:studies takes no argument, got x too (ml:studies --help)",
                assertThrows(CommandException.class, () -> commands.studies("x")).getMessage());
        assertEquals("ml:strategies has no option --bogus (ml:strategies --help)",
                assertThrows(CommandException.class, () -> commands.strategies("--bogus")).getMessage());
    }

    @Test
    void strategiesListsTheRegisteredOnes() {
        String strategies = (String) commands.strategies();
        assertTrue(strategies.contains("*  tpe   0        dev.dendrite.tuning.tpe 0.1.0 [8]  Parzen"), strategies);
    }

    @Test
    void theCatalogGivesTheConsoleEveryCommandsSyntax() {
        assertEquals(List.of("ml:studies", "ml:study", "ml:strategies"), commands.commands().stream().map(CommandSyntax::name).toList());
        assertTrue(((String) commands.study("--help")).contains("--top N"));
    }
}
