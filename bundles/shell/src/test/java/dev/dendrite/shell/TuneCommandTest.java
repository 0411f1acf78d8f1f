package dev.dendrite.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.DenseLayer;
import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.Metrics;
import dev.dendrite.api.nn.Model;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.nn.TrainingSpec;
import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.plugin.PluginInfo;
import dev.dendrite.api.tuning.SearchSpace;
import dev.dendrite.api.tuning.Study;
import dev.dendrite.api.tuning.StudyListener;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialState;
import dev.dendrite.api.tuning.Tuner;
import dev.dendrite.api.tuning.TuningStrategy;
import dev.dendrite.models.store.FileModelStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ml:tune, ml:study, ml:studies and ml:strategies over a scripted tuner: options, progress lines, leaderboards, saving. */
class TuneCommandTest {
    private static final Map<String, Object> BEST = point(0.012345, "[64]");

    @TempDir
    Path folder;

    private StudySettings received;
    private final List<TrainingSpec> trained = new ArrayList<>();

    private static Map<String, Object> point(double lr, String layers) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lr", lr);
        p.put("layers", layers);
        return p;
    }

    /** Three trials: a complete one, a better pruned one, a failed one. */
    private static List<TrialRecord> trials() {
        return List.of(
                new TrialRecord(0, BEST, 10, TrialState.COMPLETE, 0.94, List.of(0.5, 0.94), null),
                new TrialRecord(1, point(0.5, "[128,64]"), 10, TrialState.PRUNED, 0.97, List.of(0.4, 0.5, 0.97), null),
                new TrialRecord(2, point(3.0, "[]"), 10, TrialState.FAILED, Double.NaN, List.of(), "training diverged at epoch 1"));
    }

    private final Tuner tuner = new Tuner() {
        @Override
        public SearchSpace parse(String text) {
            throw new AssertionError("not used");
        }

        @Override
        public Study tune(StudySettings settings, StudyListener listener) {
            received = settings;
            Study study = new Study(settings, "val_accuracy", true, trials());
            listener.started(new Study(settings, "val_accuracy", true, List.of()));
            listener.trialFinished(study.trials().get(0), study.trials().get(0));
            listener.trialFinished(study.trials().get(1), study.trials().get(0));
            listener.trialFinished(study.trials().get(2), study.trials().get(0));
            return study;
        }

        @Override
        public List<Study> studies() {
            return List.of(new Study(StudySettings.of("iris.csv", "lr=choice(0.1)").withName("iris"), "val_accuracy", true, trials()));
        }

        @Override
        public Study study(String name) {
            return studies().get(0);
        }

        @Override
        public TrainingSpec spec(Study study, TrialRecord trial) {
            return TrainingSpec.defaults().withSeed(1000 + trial.number()).withEpochs(trial.budget());
        }

        @Override
        public Path folder() {
            return Path.of("/studies");
        }
    };

    private final Trainer trainer = new Trainer() {
        @Override
        public TrainingResult train(TrainingSpec spec, DataSplit data, TrainingListener listener) {
            trained.add(spec);
            Model model = new Model(List.of(new DenseLayer(new Matrix(1, 2), new Matrix(1, 1), "sigmoid")),
                    "binary_crossentropy", data.schema(), Map.of());
            Metrics m = new Metrics(0.2, Map.of("accuracy", 0.95), null);
            return new TrainingResult(model, List.of(new EpochReport(1, 1, 0.1, m, m, "accuracy", 3)), 1, List.of(), m, m, "completed");
        }

        @Override
        public Matrix predict(Model model, Matrix x) {
            throw new AssertionError("not used");
        }

        @Override
        public Metrics evaluate(Model model, DataSet data) {
            throw new AssertionError("not used");
        }
    };

    private final XorData data = new XorData(true);

    private String tune(String dataset, String... options) throws Throwable {
        return Gogo.call(new TuneCommand(tuner, trainer, data, new FileModelStore(folder)), "tune", dataset, options);
    }

    @Test
    void optionsReachTheStudySettings() throws Throwable {
        tune("iris.csv", "--space", " lr=loguniform(1e-4,1e-1) ", "--strategy", "tpe", "--trials", "7", "--epochs", "9", "--budget", "50",
                "--parallel", "2", "--seed", "5", "--metric", "val_loss", "--pruner", "none", "--folds", "3", "--study", "s1",
                "--options", "startup=4,candidates=12", "--lag", "2", "--target", "species");
        assertEquals(new StudySettings("s1", "iris.csv", "species", 0.2, "lr=loguniform(1e-4,1e-1)", "tpe",
                Map.of("startup", "4", "candidates", "12"), 7, 9, 50, 5, "val_loss", "none", 3, 2, 2), received);
        tune("xor", "--space", "lr=choice(0.1)");
        assertEquals("random", received.strategy());
        assertEquals(20, received.trials());
        assertEquals(20, received.epochs());
        assertEquals("median", received.pruner());
        assertEquals(null, received.metric());
        assertEquals(null, received.name());
        assertEquals(4, received.lag());
        assertEquals(Runtime.getRuntime().availableProcessors(), received.parallel());
        tune("xor", "--space", "lr=uniform(0.1,1)", "--strategy", "grid", "--grid-points", "4");
        assertEquals(Map.of("grid-points", "4"), received.options());
        tune("xor", "--space", "lr=choice(0.1)", "--val", "0.3");
        assertEquals(0.3, received.validation());
    }

    @Test
    void printsAProgressLinePerTrialAndALeaderboard() throws Throwable {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String result;
        try {
            System.setOut(new PrintStream(bytes, true, "UTF-8"));
            result = tune("iris.csv", "--space", "lr=loguniform(1e-4,1e-1)", "--trials", "3", "--study", "iris");
        } finally {
            System.setOut(original);
        }
        String printed = bytes.toString("UTF-8");
        assertTrue(printed.contains("trial 1/3  lr=0.01235 layers=[64]  val_accuracy 0.9400  (2 epochs)  best 0.9400\n"), printed);
        assertTrue(printed.contains("trial 2/3  lr=0.5 layers=[128,64]  val_accuracy 0.9700  pruned at epoch 3  best 0.9400\n"), printed);
        assertTrue(printed.contains("trial 3/3  lr=3 layers=[]  failed: training diverged at epoch 1  best 0.9400\n"), printed);
        String[] lines = result.split("\n");
        assertTrue(lines[0].startsWith("3 trials: 1 complete, 1 pruned, 1 failed; 5 epochs; best trial 1: val_accuracy 0.9400 in "), lines[0]);
        assertEquals("rank  trial  val_accuracy  state     epochs  parameters", lines[1]);
        assertEquals("1     1      0.9400        complete  2/10    lr=0.01235 layers=[64]", lines[2]);
        assertEquals("2     2      0.9700        pruned    3/10    lr=0.5 layers=[128,64]", lines[3]);
        assertEquals("3     3      -             failed    0/10    lr=3 layers=[]", lines[4]);
        assertEquals("study iris saved in /studies (resume with the same command)", lines[5]);
    }

    @Test
    void saveRetrainsTheBestTrialAndSavesTheModel() throws Throwable {
        String result = tune("xor", "--space", "lr=choice(0.1)", "--save", "best-xor");
        assertEquals(1, trained.size());
        assertEquals(1000, trained.get(0).seed(), "trial 0's spec and seed");
        assertTrue(result.contains("retrained trial 1 (lr=0.01235 layers=[64], 10 epochs): validation loss 0.2000  accuracy 0.9500"), result);
        assertTrue(result.contains("saved model best-xor: "), result);
        assertTrue(Files.isRegularFile(folder.resolve("best-xor.model.json")));
    }

    @Test
    void badOptionsAreClearErrors() {
        assertEquals("--space is required, e.g. --space \"lr=loguniform(1e-4,1e-1); batch=choice(32,64)\"",
                assertThrows(IllegalArgumentException.class, () -> tune("xor")).getMessage());
        assertEquals("--grid-points is for --strategy grid, not random", assertThrows(IllegalArgumentException.class,
                () -> tune("xor", "--space", "lr=choice(0.1)", "--grid-points", "3")).getMessage());
        assertEquals("--parallel must be positive, got 0", assertThrows(IllegalArgumentException.class,
                () -> tune("xor", "--space", "lr=choice(0.1)", "--parallel", "0")).getMessage());
        assertEquals("folds must be 0 (no cross-validation) or at least 2, got 1", assertThrows(IllegalArgumentException.class,
                () -> tune("xor", "--space", "lr=choice(0.1)", "--folds", "1")).getMessage());
        assertEquals("--val and --folds exclude each other: with --folds k each fold validates on 1/k of the samples",
                assertThrows(IllegalArgumentException.class, () -> tune("xor", "--space", "lr=choice(0.1)", "--folds", "3", "--val", "0.1")).getMessage());
        assertEquals("a total of 10 epochs does not allow one trial of 20 epochs", assertThrows(IllegalArgumentException.class,
                () -> tune("xor", "--space", "lr=choice(0.1)", "--budget", "10")).getMessage());
        assertEquals("unknown pruner 'early' (available: median, none)", assertThrows(IllegalArgumentException.class,
                () -> tune("xor", "--space", "lr=choice(0.1)", "--pruner", "early")).getMessage());
    }

    @Test
    void studyCommandsListAndShowStudies() throws Throwable {
        PluginCatalog catalog = new PluginCatalog() {
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
        };
        StudyCommands commands = new StudyCommands(tuner, catalog);
        String studies = commands.studies();
        assertTrue(studies.startsWith("name  data      strategy  trials  complete  pruned  failed  running  metric        best\n"
                + "iris  iris.csv  random    3/20    1         1       1       0        val_accuracy  0.9400\n"), studies);
        String study = Gogo.call(commands, "study", "iris", "--top", "2");
        assertTrue(study.startsWith("study iris: random on iris.csv, 20 trials of 20 epochs, seed 42, pruner median, validation fraction 0.2\n"
                + "space: lr=choice(0.1)\n3 trials: 1 complete, 1 pruned, 1 failed; 5 epochs; best trial 1: val_accuracy 0.9400\n"), study);
        assertEquals(6, study.split("\n").length, "settings, space, summary, header and the top 2: " + study);
        assertTrue(commands.strategies().contains("*  tpe   0        dev.dendrite.tuning.tpe 0.1.0 [8]  Parzen"), commands.strategies());
    }
}
