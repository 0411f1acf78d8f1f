package dev.dendrite.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.DenseLayer;
import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.Metrics;
import dev.dendrite.api.nn.Model;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.tuning.Parameter;
import dev.dendrite.api.tuning.SearchSpace;
import dev.dendrite.api.tuning.Study;
import dev.dendrite.api.tuning.StudyInfo;
import dev.dendrite.api.tuning.StudyInterruptedException;
import dev.dendrite.api.tuning.StudyListener;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialState;
import dev.dendrite.api.tuning.Tuner;
import dev.dendrite.models.store.FileModelStore;
import dev.dendrite.options.CommandException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ml:tune over a scripted tuner: options reach the settings and the base request, bad ones are refused by name, progress, leaderboard, saving, Ctrl-C. */
class TuneCommandTest {
    private static final Map<String, Object> BEST = point(0.012345, "[64]");

    @TempDir
    Path folder;

    private StudySettings received;
    private final List<TrainingRequest> trained = new ArrayList<>();
    /** When set, tune() reports two trials and then waits for an interrupt, as the real tuner's study thread does. */
    private CountDownLatch twoFinished;

    private static Map<String, Object> point(double lr, String layers) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lr", lr);
        p.put("layers", layers);
        return p;
    }

    /** Three trials: a complete one, a better pruned one, a failed one. */
    static List<TrialRecord> trials() {
        return List.of(
                new TrialRecord(0, BEST, 10, TrialState.COMPLETE, 0.94, List.of(0.5, 0.94), null),
                new TrialRecord(1, point(0.5, "[128,64]"), 10, TrialState.PRUNED, 0.97, List.of(0.4, 0.5, 0.97), null),
                new TrialRecord(2, point(3.0, "[]"), 10, TrialState.FAILED, Double.NaN, List.of(), "training diverged at epoch 1"));
    }

    /** A tuner that reports {@link #trials()} (or, with {@link #twoFinished}, is interrupted after two). */
    final Tuner tuner = new Tuner() {
        @Override
        public SearchSpace parse(String text, TrainingRequest base) {
            return new SearchSpace(Arrays.stream(text.split(";")).map(p -> Parameter.choice(p.substring(0, p.indexOf('=')).trim(), "x"))
                    .toList());
        }

        @Override
        public Study tune(StudySettings settings, StudyListener listener) {
            received = settings;
            Study study = new Study(settings, "val_accuracy", true, trials());
            listener.started(new Study(settings, "val_accuracy", true, List.of()));
            for (TrialRecord t : study.trials().subList(0, twoFinished == null ? 3 : 2)) {
                listener.trialStarted(t);
                listener.trialFinished(t, study.trials().get(0));
            }
            if (twoFinished != null) {
                twoFinished.countDown();
                try {
                    Thread.sleep(TimeUnit.MINUTES.toMillis(1));
                } catch (InterruptedException e) {
                    List<TrialRecord> kept = new ArrayList<>(study.trials().subList(0, 2));
                    kept.add(TrialRecord.running(2, Map.of(), 10));
                    throw new StudyInterruptedException(new Study(settings, "val_accuracy", true, kept));
                }
            }
            return study;
        }

        @Override
        public List<StudyInfo> list() {
            StudySettings s = StudySettings.builder("iris.csv", "lr=choice(0.1)").name("iris")
                    .base(TrainingRequest.builder().optimizer("adam").batchSize(64).build()).build();
            return List.of(new StudyInfo("iris", Path.of("/studies/iris.jsonl"), new Study(s, "val_accuracy", true, trials()), null));
        }

        @Override
        public Study study(String name) {
            return studies().get(0);
        }

        @Override
        public Path repair(String name) {
            throw new AssertionError("not used");
        }

        @Override
        public Study export(String name, Path file) {
            throw new AssertionError("not used");
        }

        @Override
        public TrainingRequest request(Study study, TrialRecord trial) {
            return TrainingRequest.builder().seed(1000 + trial.number()).epochs(trial.budget()).build();
        }

        @Override
        public Path folder() {
            return Path.of("/studies");
        }
    };

    private final Trainer trainer = new Trainer() {
        @Override
        public TrainingResult train(TrainingRequest request, DataSplit data, TrainingListener listener, Model start) {
            trained.add(request);
            Model model = new Model(List.of(new DenseLayer(new Matrix(1, 2), new Matrix(1, 1), "sigmoid")),
                    "binary_crossentropy", data.schema(), Map.of());
            Metrics m = new Metrics(0.2, Map.of("accuracy", 0.95), null);
            List<EpochReport> history = IntStream.rangeClosed(1, request.epochs()).mapToObj(e -> new EpochReport(e, e, 0.1, m, m, "accuracy", 3))
                    .toList();
            return new TrainingResult(model, history, request.epochs(), List.of(), m, m, "completed");
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

    private String tune(String... words) {
        return (String) new TuneCommand(tuner, trainer, data, new FileModelStore(folder)).tune(words);
    }

    private String refusal(String... words) {
        return assertThrows(CommandException.class, () -> tune(words)).getMessage();
    }

    @Test
    void optionsReachTheStudySettingsAndTheBaseRequest() {
        tune("--space", " lr=loguniform(1e-4,1e-1) ", "--strategy", "tpe", "--trials", "7", "--epochs", "9", "--budget", "50",
                "--parallel", "2", "--seed", "5", "--metric", "val_loss", "--pruner", "none", "--folds", "3", "--study", "s1",
                "--options", "startup=4,candidates=12", "--lag", "2", "--target", "species", "--task", "classification",
                "--optimizer", "adam", "--batch", "64", "--hp", "beta1=0.8", "--l2", "0.001", "iris.csv");
        assertEquals(StudySettings.builder("iris.csv", "lr=loguniform(1e-4,1e-1)").name("s1").target("species").task(Task.CLASSIFICATION)
                .strategy("tpe").options(Map.of("startup", "4", "candidates", "12")).trials(7).epochs(9).totalEpochs(50).seed(5)
                .metric("val_loss").pruner("none").folds(3).lag(2).parallel(2)
                .base(TrainingRequest.builder().optimizer("adam").batchSize(64).optimizerHyperparameter("beta1", 0.8).l2(0.001).build())
                .build(), received);
        tune("--space", "lr=choice(0.1)", "xor");
        assertEquals(StudySettings.builder("xor", "lr=choice(0.1)").build(), received,
                "the defaults: random, 20 trials of 20 epochs, median pruner, lag 4, a worker per processor, the default request");
        tune("--space", "lr=uniform(0.1,1)", "--strategy", "grid", "--grid-points", "4", "xor");
        assertEquals(Map.of("grid-points", "4"), received.options());
        tune("--space", "lr=choice(0.1)", "--val", "0.3", "--scaling", "minmax", "xor");
        assertEquals(0.3, received.validation());
        assertEquals("minmax", received.scaling());
    }

    @Test
    void printsAProgressLinePerTrialAndALeaderboard() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String result;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            result = tune("--space", "lr=loguniform(1e-4,1e-1)", "--trials", "3", "--study", "iris", "iris.csv");
        } finally {
            System.setOut(original);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.matches("(?s).*\n\\[1/3] trial 1  lr=0.01235 layers=\\[64]  val_accuracy 0.9400  \\(2 epochs\\)  best 0.9400 \\(trial 1\\)"
                + "  ETA \\d+ s\n.*"), printed.lines().filter(l -> l.startsWith("[")).toList().toString());
        assertTrue(printed.contains("\n[2/3] trial 2  lr=0.5 layers=[128,64]  val_accuracy 0.9700  pruned at epoch 3  best 0.9400 (trial 1)  ETA "),
                printed);
        assertTrue(printed.contains("\n[3/3] trial 3  lr=3 layers=[]  failed: training diverged at epoch 1  best 0.9400 (trial 1)\n"), printed);
        String[] lines = result.split("\n");
        assertTrue(lines[0].startsWith("3 trials: 1 complete, 1 pruned, 1 failed; 5 epochs; best trial 1: val_accuracy 0.9400 in "), lines[0]);
        assertEquals("best first by state (complete, pruned, failed), then rung (the epochs behind the value, most first),"
                + " then val_accuracy (higher is better)", lines[1]);
        assertEquals("rank  trial  rung  val_accuracy  state     epochs  parameters", lines[2]);
        assertEquals("1     1      10    0.9400        complete  2/10    lr=0.01235 layers=[64]", lines[3]);
        assertEquals("2     2      3     0.9700        pruned    3/10    lr=0.5 layers=[128,64]", lines[4]);
        assertEquals("3     3      10    -             failed    0/10    lr=3 layers=[]", lines[5]);
        assertEquals("study iris saved in /studies (resume with the same command)", lines[6]);
    }

    @Test
    void theProgressLineShowsDoneOfTotalBestAndAnEtaFromTheMeanTrialTimeAndTheWorkers() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long[] now = {0};
        TuneCommand.TrialProgress progress = new TuneCommand.TrialProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 10, 2,
                () -> now[0]);
        List<TrialRecord> t = trials();
        progress.started(new Study(StudySettings.builder("xor", "lr=choice(0.1)").build(), "val_accuracy", true, List.of()));
        progress.trialStarted(t.get(0));
        progress.trialStarted(t.get(1));
        now[0] = 30_000_000_000L;
        progress.trialFinished(t.get(0), t.get(0));
        now[0] = 50_000_000_000L;
        progress.trialFinished(t.get(1), t.get(0));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("[")).toList();
        assertEquals("[1/10] trial 1  lr=0.01235 layers=[64]  val_accuracy 0.9400  (2 epochs)  best 0.9400 (trial 1)  ETA 2 min 30 s",
                lines.get(0), "30 s a trial, 9 trials left on 2 workers: 5 rounds");
        assertEquals("[2/10] trial 2  lr=0.5 layers=[128,64]  val_accuracy 0.9700  pruned at epoch 3  best 0.9400 (trial 1)  ETA 2 min 40 s",
                lines.get(1), "a mean of 40 s, 8 left: 4 rounds");
        assertEquals("42 s", TuneCommand.TrialProgress.duration(42_000_000_000L));
        assertEquals("2 h 07 min", TuneCommand.TrialProgress.duration(7_620_000_000_000L));
    }

    @Test
    void saveRetrainsTheBestTrialAsItRanWhenItTrainedTheFullEpochs() {
        String result = tune("--space", "lr=choice(0.1)", "--epochs", "10", "--save", "best-xor", "xor");
        assertEquals(1, trained.size());
        assertEquals(1000, trained.get(0).seed(), "trial 0's request and seed");
        assertEquals(10, trained.get(0).epochs());
        assertTrue(result.contains("\nretrained trial 1 as it ran (lr=0.01235 layers=[64], 10 epochs): validation loss 0.2000  accuracy 0.9500\n"),
                result);
        assertTrue(result.contains("saved model best-xor: "), result);
        assertTrue(Files.isRegularFile(folder.resolve("best-xor.model.json")));
    }

    @Test
    void saveIntoAFolderThatCannotBeWrittenIsRefusedBeforeAnyTrial() throws Exception {
        Path plain = Files.writeString(folder.resolve("plain"), "a file");
        TuneCommand command = new TuneCommand(tuner, trainer, data, new FileModelStore(plain.resolve("models")));
        assertEquals("--save: cannot write in " + plain.resolve("models") + ": " + plain + " is not a folder",
                assertThrows(CommandException.class, () -> command.tune("--space", "lr=choice(0.1)", "--save", "best-xor", "xor")).getMessage());
        assertNull(received, "no study was run");
    }

    @Test
    void saveTrainsABestTrialOfALowerRungForTheFullEpochsAndSaysSo() {
        String result = tune("--space", "lr=choice(0.1)", "--epochs", "60", "--save", "best-xor", "xor");
        assertEquals(60, trained.get(0).epochs(), "the trial's 10 epochs raised to --epochs");
        assertEquals(1000, trained.get(0).seed(), "trial 0's seed");
        assertTrue(result.contains("\ntrained the configuration of trial 1 for the full 60 epochs (lr=0.01235 layers=[64]; the trial trained 10"
                + " on its rung): validation loss 0.2000  accuracy 0.9500\n"), result);
    }

    /** Every value that used to be silently replaced by a default, and every other bad input, is refused by name before the study. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "--study ''|--study: invalid study name '': use letters, digits, '.', '_' and '-', starting with a letter or digit",
        "--study a/b|--study: invalid study name 'a/b': use letters, digits, '.', '_' and '-', starting with a letter or digit",
        "--trials 0|--trials: the number of trials must be a positive integer, got 0",
        "--epochs 0|--epochs: the number of epochs per trial must be a positive integer, got 0",
        "--parallel 0|--parallel: the number of trials trained at the same time must be a positive integer, got 0",
        "--budget 0|--budget: the total number of epochs must be a positive integer, got 0",
        "--budget 10|--budget: a total of 10 epochs does not allow one trial of 20 epochs",
        "--folds 0|--folds: cross-validation needs at least 2 folds, got 0",
        "--folds 1|--folds: cross-validation needs at least 2 folds, got 1",
        "--lag -1|--lag: the lag must be an integer >= 0, got -1",
        "--top 0|--top: must be a positive integer, got 0",
        "--grid-points 0|--grid-points: must be a positive integer, got 0",
        "--grid-points 3|--grid-points is for --strategy grid, not random",
        "--metric ''|--metric: needs a value, got ''",
        "--strategy ''|--strategy: needs a value, got ''",
        "--pruner early|--pruner: unknown pruner 'early' (available: median, halving, none)",
        "--options ''|--options: expected name=value, got ''",
        "--options eta=|--options: expected name=value, got 'eta='",
        "--val 1|--val: validation fraction must be in [0, 1), got 1.0",
        "--folds 3 --val 0.1|--val and --folds exclude each other: with --folds k each fold validates on 1/k of the samples",
        "--lr -1|--lr: the learning rate must be a positive number, got -1.0",
        "--hp lr=0.1|--hp: the learning rate is not an optimizer hyperparameter: set it as the learning rate (--lr)",
        "--batch 0|--batch: the batch size must be a positive integer, got 0",
        "--bogus 3|ml:tune has no option --bogus (ml:tune --help)",
        "--trials 3 --trials 4|ml:tune: --trials is given twice",
        "--lr 0.1|--lr is searched too (lr=… in --space): give it in one place",
    })
    void badOptionsAreRefusedByNameBeforeTheStudy(String options, String message) {
        List<String> words = new ArrayList<>(List.of("--space", "lr=choice(0.1)"));
        for (String word : options.split(" ")) {
            words.add(word.equals("''") ? "" : word);
        }
        words.add("xor");
        assertEquals(message, refusal(words.toArray(String[]::new)));
        assertNull(received, "no study was run");
    }

    @Test
    void anOptionTheSpaceSearchesIsRefusedRatherThanSilentlyOverridden() {
        assertEquals("--layers is searched too (units=… in --space): give it in one place",
                refusal("--space", "units=int(4,8)", "--layers", "16", "xor"));
        assertEquals("--hp momentum is searched too (momentum=… in --space): give it in one place",
                refusal("--space", "lr=choice(0.1); momentum=uniform(0.5,0.9)", "--optimizer", "momentum", "--hp", "momentum=0.9", "xor"));
        tune("--space", "momentum=uniform(0.5,0.9)", "--optimizer", "momentum", "--lr", "0.1", "xor");
        assertEquals("momentum", received.base().optimizer(), "options the space does not search set the base request");
    }

    @Test
    void theSpaceAndTheDataSetAreRequired() {
        assertEquals("ml:tune needs --space, e.g. --space \"lr=loguniform(1e-4,1e-1); batch=choice(32,64)\" (ml:tune --help)",
                refusal("xor"));
        assertEquals("--space: needs a value, got ''", refusal("--space", "", "xor"));
        assertEquals("ml:tune needs DATASET (ml:tune --help)", refusal("--space", "lr=choice(0.1)"));
        assertEquals("ml:tune has no option --bogus (ml:tune --help)", refusal("--bogus", "3", "xor"));
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        String help = tune("--help");
        assertTrue(help.startsWith("ml:tune - searches hyperparameters"), help);
        assertTrue(help.contains("--trials N"), help);
        assertTrue(help.contains("the most trials to run (a grid stops when exhausted) (default 20)"), help);
        assertTrue(help.contains("(default random)"), help);
        assertTrue(help.contains("the most epochs of all trials together (default no limit)"), help);
        assertTrue(help.contains("--optimizer NAME"), help);
        assertTrue(help.contains("optimizer (ml:optimizers) (default sgd)"), help);
        assertTrue(help.contains("--top N"), help);
        assertFalse(help.contains("--iterations"), "a trial trains by epochs: " + help);
        assertNull(received);
    }

    /** Ctrl-C reaches the command as an interrupt of its thread: the study stops and the command ends with one line. */
    @Test
    void anInterruptEndsTheCommandWithOneLine() throws Exception {
        assertEquals("interrupted after 2 of 5 trials; the study s1 keeps them (resume with the same command)",
                interrupted("--study", "s1"));
        assertEquals("interrupted after 2 of 5 trials; they are not kept (--study NAME keeps a study's trials)", interrupted());
    }

    private String interrupted(String... options) throws Exception {
        twoFinished = new CountDownLatch(1);
        List<String> words = new ArrayList<>(List.of("--space", "lr=choice(0.1)", "--trials", "5"));
        words.addAll(List.of(options));
        words.add("xor");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        PrintStream original = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            Thread command = new Thread(() -> {
                try {
                    tune(words.toArray(String[]::new));
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            command.start();
            assertTrue(twoFinished.await(10, TimeUnit.SECONDS));
            command.interrupt();
            command.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(command.isAlive());
        } finally {
            System.setOut(original);
        }
        CommandException e = assertInstanceOf(CommandException.class, thrown.get());
        assertEquals("error: " + e.getMessage(), e.toString(), "one line");
        return e.getMessage();
    }
}
