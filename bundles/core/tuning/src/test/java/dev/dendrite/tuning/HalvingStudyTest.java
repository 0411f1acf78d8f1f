package dev.dendrite.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.tuning.Study;
import dev.dendrite.api.tuning.StudyListener;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialState;
import dev.dendrite.data.BuiltInData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Halving within the trial budget, end to end with the real trainer on xor and a network of 4
 * hidden units (issue 18): 20 trials of at most 60 epochs bring the best configurations to 60
 * epochs, the leaderboard compares values within a rung only, and the final model of the best
 * configuration is trained for the full 60 epochs.
 */
class HalvingStudyTest {
    private static final int EPOCHS = 60;

    @TempDir
    Path folder;

    private Study tune(int parallel) {
        return tune("halving", StudySettings.MEDIAN, parallel);
    }

    private Study tune(String strategy, String pruner, int parallel) {
        StudySettings settings = StudySettings.builder("xor", "lr=loguniform(0.01,1); activation=choice(tanh,relu)")
                .strategy(strategy).pruner(pruner).options(Map.of("startup", "6", "grid-points", "10")).trials(20).epochs(EPOCHS).parallel(parallel)
                .base(TrainingRequest.builder().hiddenLayers(List.of(4)).build()).build();
        return Fixtures.studies(Fixtures.trainer(), folder).tune(settings, StudyListener.NONE);
    }

    @Test
    void twentyTrialsTrainTheBestConfigurationsForTheFullSixtyEpochsWhateverTheWorkers() {
        Study study = tune(2);
        assertEquals(20, study.trials().size());
        List<TrialRecord> full = study.trials().stream().filter(t -> t.state() == TrialState.COMPLETE && t.epochs() == EPOCHS).toList();
        assertTrue(!full.isEmpty(), "some configuration trains 60 epochs: " + study.trials());
        assertEquals(List.of(7, 20, 60), study.trials().stream().map(TrialRecord::budget).distinct().sorted().toList(),
                "rungs sized to 20 trials: 9 + 3 + 1 fit, 27 + 9 + 3 + 1 do not");
        TrialRecord best = study.best().orElseThrow();
        assertEquals(EPOCHS, best.budget(), "the best is a trial of the top rung");
        assertEquals(study.trials(), tune(1).trials(), "1 worker and 2 give identical trials");
    }

    @Test
    void anyStrategyRunsWithTheHalvingPrunerWhichStopsTrialsAtTheRungEpochsOnly() {
        for (String strategy : List.of("random", "tpe", "grid")) {
            Study study = tune(strategy, StudySettings.HALVING, 2);
            assertTrue(study.count(TrialState.PRUNED) > 0, strategy + ": " + study.trials());
            for (TrialRecord t : study.trials()) {
                assertEquals(EPOCHS, t.budget(), "every trial is given the full epochs");
                assertTrue(t.state() != TrialState.PRUNED || List.of(7, 20).contains(t.epochs()), strategy + ": pruned at a rung: " + t);
            }
            assertEquals(EPOCHS, study.best().orElseThrow().epochs(), strategy + ": the best trained the full epochs");
            assertTrue(study.epochs() < 20 * EPOCHS, strategy + ": " + study.epochs() + " epochs");
            assertEquals(study.trials(), tune(strategy, StudySettings.HALVING, 1).trials(), strategy + ": 1 worker and 2 give identical trials");
        }
    }

    @Test
    void theFinalModelOfTheBestConfigurationIsTrainedForSixtyEpochs() {
        Study study = tune(2);
        TrialRecord bestOnALowerRung = study.leaderboard().stream().filter(t -> t.budget() == 20).findFirst().orElseThrow();
        for (TrialRecord chosen : List.of(study.best().orElseThrow(), bestOnALowerRung)) {
            TrainingRequest request = Fixtures.studies(Fixtures.trainer(), folder).request(study, study.inFull(chosen));
            StudySettings s = study.settings();
            DataSplit split = BuiltInData.service().load(s.dataset(), new DataOptions(s.target(), s.validation(), s.seed(), s.task(), s.scaling()));
            TrainingResult result = Fixtures.trainer().train(request, split, TrainingListener.NONE);
            assertEquals("60", result.model().provenance().get("epochs"), chosen.toString());
            assertEquals(EPOCHS, result.history().size(), "epochs trained");
        }
    }

    @Test
    void theLeaderboardComparesValuesWithinARungOnly() {
        Study study = tune(2);
        List<TrialRecord> complete = study.leaderboard().stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
        for (int i = 1; i < complete.size(); i++) {
            assertTrue(complete.get(i - 1).budget() >= complete.get(i).budget(), "rung order: " + complete);
        }
        StudySettings settings = StudySettings.builder("xor", "lr=loguniform(0.01,1)").epochs(EPOCHS).build();
        TrialRecord lucky = new TrialRecord(0, Map.of("lr", 0.1), 7, TrialState.COMPLETE, 1.0, List.of(1.0), null);
        TrialRecord full = new TrialRecord(1, Map.of("lr", 0.2), 60, TrialState.COMPLETE, 0.6, List.of(0.6), null);
        TrialRecord middle = new TrialRecord(2, Map.of("lr", 0.3), 20, TrialState.COMPLETE, 0.9, List.of(0.9), null);
        TrialRecord prunedLate = new TrialRecord(3, Map.of("lr", 0.4), 60, TrialState.PRUNED, 0.5, List.of(0.1, 0.3, 0.4, 0.5), null);
        TrialRecord prunedEarly = new TrialRecord(4, Map.of("lr", 0.5), 60, TrialState.PRUNED, 0.95, List.of(0.9, 0.9, 0.95), null);
        Study mixed = new Study(settings, "val_accuracy", true, List.of(lucky, full, middle, prunedLate, prunedEarly));
        assertEquals(List.of(1, 2, 0, 3, 4), mixed.leaderboard().stream().map(TrialRecord::number).toList(),
                "60 epochs before 20 before 7 whatever the values; pruned ones after, by the epoch they reached");
        TrialRecord short10 = new TrialRecord(0, Map.of("epochs", 10L), 10, TrialState.COMPLETE, 0.9, List.of(0.9), null);
        TrialRecord long90 = new TrialRecord(1, Map.of("epochs", 90L), 90, TrialState.COMPLETE, 0.8, List.of(0.8), null);
        assertEquals(List.of(0, 1), new Study(settings, "val_accuracy", true, List.of(long90, short10)).leaderboard().stream()
                .map(TrialRecord::number).toList(), "a searched epochs is a hyperparameter, not a rung: compared by value");
    }
}
