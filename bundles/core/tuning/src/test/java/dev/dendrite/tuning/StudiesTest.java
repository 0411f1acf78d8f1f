package dev.dendrite.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.TableOptions;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Metrics;
import dev.dendrite.api.nn.Model;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.tuning.Study;
import dev.dendrite.api.tuning.StudyContext;
import dev.dendrite.api.tuning.StudyInterruptedException;
import dev.dendrite.api.tuning.StudyListener;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Studies run end to end with the real trainer on built-in data sets. */
class StudiesTest {
    private static final String SPACE = "lr=loguniform(0.01,1); units=int(2,12); activation=choice(tanh,relu)";

    @TempDir
    Path folder;

    /** The real trainer, counting its runs, throwing {@link Crash} (as a killed process stops) on run number {@code crashAt}. */
    static class CountingTrainer implements Trainer {
        final AtomicInteger calls = new AtomicInteger();
        final List<TrainingRequest> requests = new CopyOnWriteArrayList<>();
        final int crashAt;
        private final Trainer real = Fixtures.trainer();

        CountingTrainer(int crashAt) {
            this.crashAt = crashAt;
        }

        @Override
        public TrainingResult train(TrainingRequest request, DataSplit data, TrainingListener listener, Model start) {
            if (calls.incrementAndGet() == crashAt) {
                throw new Crash();
            }
            requests.add(request);
            return real.train(request, data, listener, start);
        }

        @Override
        public Matrix predict(Model model, Matrix x) {
            return real.predict(model, x);
        }

        @Override
        public Metrics evaluate(Model model, DataSet data) {
            return real.evaluate(model, data);
        }
    }

    /** The process dies. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    private static StudySettings settings(String strategy, int trials, int parallel) {
        return StudySettings.builder("moons", SPACE).strategy(strategy).options(Map.of("startup", "4")).trials(trials)
                .epochs(6).parallel(parallel).lag(4).build();
    }

    private Study tune(Trainer trainer, Path dir, StudySettings settings) {
        return Fixtures.studies(trainer, dir).tune(settings, StudyListener.NONE);
    }

    @Test
    void twoWorkersAndOneGiveIdenticalTrials() {
        for (String strategy : List.of("random", "tpe", "halving")) {
            Study one = tune(Fixtures.trainer(), folder, settings(strategy, 14, 1));
            Study two = tune(Fixtures.trainer(), folder, settings(strategy, 14, 2));
            assertEquals(14, one.trials().size(), strategy);
            assertEquals(one.trials(), two.trials(), strategy);
            assertEquals("val_accuracy", one.metric());
            assertTrue(one.best().orElseThrow().value() > 0.5, strategy + ": " + one.best());
            if (strategy.equals("random")) {
                assertTrue(one.count(TrialState.PRUNED) > 0, strategy + ": the median pruner took part: " + one.trials());
            }
        }
    }

    @Test
    void gridStudyRunsExactlyTwelveDistinctTrials() {
        StudySettings s = StudySettings.builder("xor", "lr=choice(0.05,0.1,0.5); batch=choice(2,4); activation=choice(tanh,relu)")
                .strategy("grid").trials(100).epochs(3).parallel(2).lag(8).validation(0).build();
        Study study = tune(Fixtures.trainer(), folder, s);
        assertEquals(12, study.trials().size());
        assertEquals(12, study.trials().stream().map(TrialRecord::parameters).distinct().count());
        assertEquals("accuracy", study.metric(), "no validation split: the training metric");
    }

    @Test
    void aCrashedStudyResumesWithoutRecomputingFinishedTrials() throws IOException {
        StudySettings s = settings("tpe", 12, 2).toBuilder().name("resumable").build();
        Study uninterrupted = tune(Fixtures.trainer(), folder.resolve("a"), s);

        CountingTrainer crashing = new CountingTrainer(7);
        assertThrows(Crash.class, () -> tune(crashing, folder.resolve("b"), s));
        Study crashed = Fixtures.studies(Fixtures.trainer(), folder.resolve("b")).study("resumable");
        long finished = crashed.trials().stream().filter(TrialRecord::finished).count();
        assertTrue(crashed.trials().stream().anyMatch(t -> t.state() == TrialState.RUNNING), "a trial was running: " + crashed.trials());
        assertTrue(finished >= 5 && finished <= 6, "finished before the crash: " + finished);
        Files.writeString(folder.resolve("b/resumable.jsonl"), "{\"event\":\"epo", StandardOpenOption.APPEND); // a torn last line

        CountingTrainer counting = new CountingTrainer(0);
        Study resumed = tune(counting, folder.resolve("b"), s);
        assertEquals(12 - finished, counting.calls.get(), "only unfinished trials are trained");
        assertEquals(uninterrupted.trials(), resumed.trials());
        assertEquals(uninterrupted.leaderboard(), resumed.leaderboard());
        assertEquals(uninterrupted.trials(), Fixtures.studies(Fixtures.trainer(), folder.resolve("b")).study("resumable").trials());

        CountingTrainer again = new CountingTrainer(0);
        assertEquals(uninterrupted.trials(), tune(again, folder.resolve("b"), s).trials());
        assertEquals(0, again.calls.get(), "a finished study trains nothing");
        Study extended = tune(again, folder.resolve("b"), s.toBuilder().trials(14).build());
        assertEquals(14, extended.trials().size());
        assertEquals(2, again.calls.get(), "raising --trials extends the study");
    }

    /** Ctrl-C reaches the study as an interrupt of the thread running it. */
    @Test
    void anInterruptStopsTheStudyPromptlyAndItsJournalKeepsTheFinishedTrials() throws Exception {
        StudySettings s = StudySettings.builder("moons", SPACE).name("stopped").trials(40).epochs(400).pruner("none")
                .parallel(2).build();
        AtomicInteger finished = new AtomicInteger();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        long[] interruptedAt = {0};
        Thread[] study = new Thread[1];
        study[0] = new Thread(() -> {
            try {
                Fixtures.studies(Fixtures.trainer(), folder).tune(s, new StudyListener() {
                    @Override
                    public void trialFinished(TrialRecord trial, TrialRecord best) {
                        if (finished.incrementAndGet() == 3) {
                            interruptedAt[0] = System.nanoTime();
                            study[0].interrupt();
                        }
                    }
                });
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        study[0].start();
        study[0].join(TimeUnit.MINUTES.toMillis(2));
        double seconds = (System.nanoTime() - interruptedAt[0]) / 1e9;
        assertTrue(!study[0].isAlive() && seconds < 2, "the study stops within 2 s of the interrupt, took " + seconds + " s");
        StudyInterruptedException e = assertInstanceOf(StudyInterruptedException.class, thrown.get());
        long kept = e.finished();
        assertTrue(kept >= 3 && kept < 40, "finished trials: " + kept);
        assertEquals("interrupted after " + kept + " of 40 trials", e.getMessage());
        assertTrue(e.study().trials().stream().anyMatch(t -> t.state() == TrialState.RUNNING), "the trials that were training");

        Study saved = Fixtures.studies(Fixtures.trainer(), folder).study("stopped");
        assertEquals(e.study().trials().stream().filter(TrialRecord::finished).toList(),
                saved.trials().stream().filter(TrialRecord::finished).toList(), "the journal keeps the finished trials");
        int proposed = saved.trials().size();
        CountingTrainer counting = new CountingTrainer(0);
        Study resumed = tune(counting, folder, s.toBuilder().trials(proposed).build());
        assertEquals(proposed, resumed.trials().stream().filter(TrialRecord::finished).count());
        assertEquals(proposed - kept, counting.calls.get(), "resuming trains only the trials that were interrupted");
    }

    /** A journal written before StudySettings became a class (a real one, written by that code) loads and resumes. */
    @Test
    void aJournalOfTheEarlierFormatLoadsAndResumes() throws IOException {
        Files.createDirectories(folder);
        try (var in = StudiesTest.class.getResourceAsStream("legacy-study.jsonl")) {
            Files.copy(in, folder.resolve("legacy.jsonl"));
        }
        Studies studies = Fixtures.studies(Fixtures.trainer(), folder);
        Study legacy = studies.study("legacy");
        StudySettings s = legacy.settings();
        assertEquals("xor", s.dataset());
        assertEquals("grid", s.strategy());
        assertEquals(4, s.trials(), "the resumed line's trials");
        assertEquals(2, s.epochs());
        assertEquals(0, s.lag());
        assertEquals(TrainingRequest.builder().build(), s.base(), "the request those trials started from");
        assertEquals(List.of(TrialState.COMPLETE, TrialState.COMPLETE, TrialState.RUNNING),
                legacy.trials().stream().map(TrialRecord::state).toList());
        assertEquals(0.85, legacy.best().orElseThrow().value());
        assertEquals(0.5, studies.request(legacy, legacy.trials().get(2)).learningRate().getAsDouble());

        CountingTrainer counting = new CountingTrainer(0);
        StudySettings same = StudySettings.builder("xor", "lr=choice(0.05,0.5); batch=choice(8,16)").name("legacy").strategy("grid")
                .trials(4).epochs(2).lag(0).pruner("none").parallel(1).build();
        Study resumed = tune(counting, folder, same);
        assertEquals(2, counting.calls.get(), "the unfinished trial 3 and the new trial 4");
        assertEquals(legacy.trials().subList(0, 2), resumed.trials().subList(0, 2));
        assertEquals(Map.of("lr", "0.5", "batch", "16"), resumed.trials().get(3).parameters());
    }

    @Test
    void theBaseRequestReachesEveryTrialAndTheJournal() {
        TrainingRequest base = TrainingRequest.builder().optimizer("adam").batchSize(64).l2(0.001).build();
        StudySettings s = StudySettings.builder("moons", "lr=choice(0.002,0.01)").name("based").strategy("grid").epochs(3)
                .parallel(1).base(base).build();
        CountingTrainer counting = new CountingTrainer(0);
        Study study = tune(counting, folder, s);
        TrainingRequest first = counting.requests.get(0);
        assertEquals("adam", first.optimizer());
        assertEquals(64, first.batchSize());
        assertEquals(0.001, first.l2());
        assertEquals(0.002, first.learningRate().getAsDouble());
        assertEquals(3, first.epochs());
        assertEquals(StudyContext.trialSeed(42, 0), first.seed());
        Studies studies = Fixtures.studies(Fixtures.trainer(), folder);
        Study read = studies.study("based");
        assertEquals(base, read.settings().base(), "the journal keeps the base request");
        assertEquals(first, studies.request(read, read.trials().get(0)), "and so the request of each trial");
        assertEquals(study.trials(), read.trials());
        StudySettings otherBase = s.toBuilder().base(base.toBuilder().batchSize(32).build()).build();
        String message = assertThrows(IllegalArgumentException.class, () -> tune(counting, folder, otherBase)).getMessage();
        assertTrue(message.startsWith("study based exists with other settings: base {"), message);
    }

    /** A ';' table with missing cells and a text column, read as ml:train reads it; the journal keeps how. */
    @Test
    void aStudyReadsATableAsItsTableOptionsSayAndKeepsThem() throws IOException {
        StringBuilder csv = new StringBuilder("x;colour;y\n");
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 120; i++) {
            boolean red = i % 2 == 0;
            String x = i % 10 == 3 ? "NA" : String.format(java.util.Locale.ROOT, "%.3f", random.nextGaussian());
            csv.append(x).append(';').append(red ? "red" : "blue").append(';').append(red ? 1 : 0).append('\n');
        }
        Path file = Files.writeString(folder.resolve("table.csv"), csv);
        TableOptions table = new TableOptions(';', TableOptions.Missing.MEAN, List.of("auto"), TableOptions.Unseen.ZEROS);
        StudySettings s = StudySettings.builder(file.toString(), "lr=choice(0.1,0.5)").name("table").strategy("grid").epochs(20)
                .parallel(1).table(table).build();
        Study study = tune(Fixtures.trainer(), folder, s);
        assertEquals(2, study.trials().size());
        study.trials().forEach(t -> assertEquals(TrialState.COMPLETE, t.state(), t.toString()));
        assertTrue(study.best().orElseThrow().value() > 0.9, "the colour decides the class: " + study.best());
        assertEquals(table, Fixtures.studies(Fixtures.trainer(), folder).study("table").settings().table(), "the journal keeps the table options");

        String message = assertThrows(IllegalArgumentException.class,
                () -> tune(Fixtures.trainer(), folder, s.toBuilder().table(new TableOptions(';', TableOptions.Missing.MEDIAN,
                        List.of("auto"), TableOptions.Unseen.ZEROS)).build())).getMessage();
        assertTrue(message.startsWith("study table exists with other settings: table {\"delimiter\":\"semicolon\",\"missing\":\"mean\","), message);
        assertTrue(message.contains("(now {\"delimiter\":\"semicolon\",\"missing\":\"median\","), message);
        StudySettings plain = s.toBuilder().name("plain").table(null).build();
        message = assertThrows(IllegalArgumentException.class, () -> tune(Fixtures.trainer(), folder, plain)).getMessage();
        assertTrue(message.contains("line 2, column 2 (colour): 'red' is not a number"), message);
    }

    @Test
    void resumingWithOtherSettingsIsAClearError() {
        StudySettings s = settings("random", 2, 1).toBuilder().name("fixed").build();
        tune(Fixtures.trainer(), folder, s);
        StudySettings otherSeed = s.toBuilder().seed(7).build();
        String message = assertThrows(IllegalArgumentException.class, () -> tune(Fixtures.trainer(), folder, otherSeed)).getMessage();
        assertEquals("study fixed exists with other settings: seed 42 (now 7); resume it with the same settings (only --trials, --budget and --parallel may change)"
                + " or choose another --study name", message);
        Studies studies = Fixtures.studies(Fixtures.trainer(), folder);
        assertEquals(List.of("fixed"), studies.studies().stream().map(st -> st.settings().name()).toList());
        assertEquals("no study named nope in " + folder + " (saved: fixed)",
                assertThrows(IllegalArgumentException.class, () -> studies.study("nope")).getMessage());
    }

    /** A second ml:tune on a study another one is running (here: in this process) is refused; reading it is not. */
    @Test
    void aSecondRunOfARunningStudyIsRefusedNamingTheHolderAndTheStudyStaysReadable() throws Exception {
        StudySettings s = settings("random", 3, 1).toBuilder().name("busy").build();
        CountDownLatch training = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Trainer waiting = new CountingTrainer(0) {
            @Override
            public TrainingResult train(TrainingRequest request, DataSplit data, TrainingListener listener, Model start) {
                training.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.train(request, data, listener, start);
            }
        };
        AtomicReference<Study> first = new AtomicReference<>();
        Thread run = new Thread(() -> first.set(tune(waiting, folder, s)));
        run.start();
        assertTrue(training.await(30, TimeUnit.SECONDS));
        try {
            String refused = assertThrows(IllegalStateException.class, () -> tune(Fixtures.trainer(), folder, s)).getMessage();
            assertTrue(refused.matches("study busy is in use by process " + ProcessHandle.current().pid() + " on host \\S+ since [0-9:]{8}"
                    + " \\(lock " + Pattern.quote(folder.resolve("busy.lock").toString()) + "\\); wait for it or use another --study name"), refused);
            assertEquals(1, Fixtures.studies(Fixtures.trainer(), folder).study("busy").trials().size(), "the running trial");
        } finally {
            release.countDown();
            run.join(60_000);
        }
        assertEquals(3, first.get().trials().size());
        assertEquals(first.get().trials(), Fixtures.studies(Fixtures.trainer(), folder).study("busy").trials());
        CountingTrainer again = new CountingTrainer(0);
        assertEquals(first.get().trials(), tune(again, folder, s).trials(), "resumed once the first run ended");
        assertEquals(0, again.calls.get());
    }

    @Test
    void divergingTrialsFailAndTheStudyGoesOn() {
        StudySettings s = StudySettings.builder("sine", "lr=choice(0.01,1e12,0.05); activation=choice(linear)")
                .strategy("grid").trials(10).epochs(3).parallel(2).lag(8).name("diverging").build();
        List<String> events = new ArrayList<>();
        Study study = Fixtures.studies(Fixtures.trainer(), folder).tune(s, new StudyListener() {
            @Override
            public void trialFinished(TrialRecord trial, TrialRecord best) {
                events.add(trial.number() + " " + trial.state());
            }
        });
        assertEquals(3, study.trials().size());
        TrialRecord failed = study.trials().get(1);
        assertEquals(TrialState.FAILED, failed.state());
        assertTrue(failed.message().startsWith("training diverged"), failed.message());
        assertEquals(TrialState.COMPLETE, study.trials().get(2).state());
        assertEquals("val_mse", study.metric());
        assertEquals(3, events.size());
        assertEquals(TrialState.FAILED, study.leaderboard().get(2).state());
        Study read = Fixtures.studies(Fixtures.trainer(), folder).study("diverging");
        assertEquals(failed.message(), read.trials().get(1).message());
    }

    @Test
    void crossValidationAveragesTheFolds() {
        StudySettings s = StudySettings.builder("moons", "lr=choice(0.5)").strategy("grid").trials(1)
                .epochs(4).metric("val_loss").pruner("none").folds(3).parallel(1).lag(8).build();
        CountingTrainer counting = new CountingTrainer(0);
        Study study = tune(counting, folder, s);
        assertEquals(3, counting.calls.get());
        TrialRecord t = study.trials().get(0);
        assertEquals(TrialState.COMPLETE, t.state());
        assertEquals(4, t.values().size(), "per-epoch values of the first fold");
        assertTrue(t.value() > 0 && t.value() < 1, "mean val_loss " + t.value());
    }

    @Test
    void badSettingsAreRefusedBeforeAnyTrial() {
        CountingTrainer counting = new CountingTrainer(0);
        StudySettings s = settings("random", 2, 1);
        StudySettings bayes = s.toBuilder().strategy("bayes").build();
        assertEquals("unknown strategy 'bayes' (available: [grid, halving, random, tpe])", assertThrows(IllegalArgumentException.class,
                () -> tune(counting, folder, bayes)).getMessage());
        StudySettings mse = s.toBuilder().metric("val_mse").build();
        assertEquals("cannot optimize metric 'val_mse' (available: loss, accuracy, precision, recall, f1, val_loss, val_accuracy,"
                + " val_precision, val_recall, val_f1)", assertThrows(IllegalArgumentException.class,
                () -> tune(counting, folder, mse)).getMessage());
        StudySettings noValidation = s.toBuilder().metric("val_accuracy").validation(0).build();
        assertEquals("cannot optimize metric 'val_accuracy' (available: loss, accuracy, precision, recall, f1); it needs a validation"
                + " split (--val > 0 or --folds k)", assertThrows(IllegalArgumentException.class,
                () -> tune(counting, folder, noValidation)).getMessage());
        StudySettings badLr = s.toBuilder().space("lr=loguniform(-1,0.1)").build();
        assertEquals("search space, position 15: lr: the learning rate must be a positive number, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> tune(counting, folder, badLr)).getMessage());
        assertEquals(0, counting.calls.get());
        assertTrue(Files.notExists(folder.resolve("x.jsonl")));
    }
}
