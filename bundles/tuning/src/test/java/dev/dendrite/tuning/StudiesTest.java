package dev.dendrite.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Metrics;
import dev.dendrite.api.nn.Model;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.nn.TrainingSpec;
import dev.dendrite.api.tuning.Study;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Studies run end to end with the real trainer on built-in data sets. */
class StudiesTest {
    private static final String SPACE = "lr=loguniform(0.01,1); units=int(2,12); activation=choice(tanh,relu)";

    @TempDir
    Path folder;

    /** The real trainer, counting its runs, throwing {@link Crash} (as a killed process stops) on run number {@code crashAt}. */
    static final class CountingTrainer implements Trainer {
        final AtomicInteger calls = new AtomicInteger();
        final int crashAt;
        private final Trainer real = Fixtures.trainer();

        CountingTrainer(int crashAt) {
            this.crashAt = crashAt;
        }

        @Override
        public TrainingResult train(TrainingSpec spec, DataSplit data, TrainingListener listener) {
            if (calls.incrementAndGet() == crashAt) {
                throw new Crash();
            }
            return real.train(spec, data, listener);
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
        return StudySettings.of("moons", SPACE).withStrategy(strategy, Map.of("startup", "4")).withTrials(trials)
                .withBudget(6, 0).withParallel(parallel, 4);
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
        StudySettings s = StudySettings.of("xor", "lr=choice(0.05,0.1,0.5); batch=choice(2,4); activation=choice(tanh,relu)")
                .withStrategy("grid", Map.of()).withTrials(100).withBudget(3, 0).withParallel(2, 8);
        Study study = tune(Fixtures.trainer(), folder, s.withData(null, 0));
        assertEquals(12, study.trials().size());
        assertEquals(12, study.trials().stream().map(TrialRecord::parameters).distinct().count());
        assertEquals("accuracy", study.metric(), "no validation split: the training metric");
    }

    @Test
    void aCrashedStudyResumesWithoutRecomputingFinishedTrials() throws IOException {
        StudySettings s = settings("tpe", 12, 2).withName("resumable");
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
        Study extended = tune(again, folder.resolve("b"), s.withTrials(14));
        assertEquals(14, extended.trials().size());
        assertEquals(2, again.calls.get(), "raising --trials extends the study");
    }

    @Test
    void resumingWithOtherSettingsIsAClearError() {
        StudySettings s = settings("random", 2, 1).withName("fixed");
        tune(Fixtures.trainer(), folder, s);
        String message = assertThrows(IllegalArgumentException.class, () -> tune(Fixtures.trainer(), folder, s.withSeed(7))).getMessage();
        assertEquals("study fixed exists with other settings: seed 42 (now 7); resume it with the same settings (only --trials, --budget and --parallel may change)"
                + " or choose another --study name", message);
        Studies studies = Fixtures.studies(Fixtures.trainer(), folder);
        assertEquals(List.of("fixed"), studies.studies().stream().map(st -> st.settings().name()).toList());
        assertEquals("no study named nope in " + folder + " (saved: fixed)",
                assertThrows(IllegalArgumentException.class, () -> studies.study("nope")).getMessage());
    }

    @Test
    void divergingTrialsFailAndTheStudyGoesOn() {
        StudySettings s = StudySettings.of("sine", "lr=choice(0.01,1e12,0.05); activation=choice(linear)")
                .withStrategy("grid", Map.of()).withTrials(10).withBudget(3, 0).withParallel(2, 8).withName("diverging");
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
        StudySettings s = StudySettings.of("moons", "lr=choice(0.5)").withStrategy("grid", Map.of()).withTrials(1)
                .withBudget(4, 0).withObjective("val_loss", "none", 3).withParallel(1, 8);
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
        assertEquals("unknown strategy 'bayes' (available: [grid, halving, random, tpe])", assertThrows(IllegalArgumentException.class,
                () -> tune(counting, folder, s.withStrategy("bayes", Map.of()))).getMessage());
        assertEquals("cannot optimize metric 'val_mse' (available: loss, accuracy, precision, recall, f1, val_loss, val_accuracy,"
                + " val_precision, val_recall, val_f1)", assertThrows(IllegalArgumentException.class,
                () -> tune(counting, folder, s.withObjective("val_mse", "median", 0))).getMessage());
        assertEquals("cannot optimize metric 'val_accuracy' (available: loss, accuracy, precision, recall, f1); it needs a validation"
                + " split (--val > 0 or --folds k)", assertThrows(IllegalArgumentException.class,
                () -> tune(counting, folder, s.withObjective("val_accuracy", "median", 0).withData(null, 0))).getMessage());
        assertEquals(0, counting.calls.get());
        assertTrue(Files.notExists(folder.resolve("x.jsonl")));
    }
}
