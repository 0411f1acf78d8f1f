package dev.dendrite.tuning;

import dev.dendrite.api.data.DataService;
import dev.dendrite.api.nn.Metrics;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.tuning.Study;
import dev.dendrite.api.tuning.StudyListener;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.data.BuiltInData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Not a test: does tuning hand over a better model than {@code ml:train}'s defaults, on held-out
 * test data that no study sees (issue 18)? For each data set and seed it trains (a) the default
 * request ({@code ml:train}: one hidden layer of 16 tanh units, sgd, batch 32, 100 epochs, seeded)
 * and tunes with (b) random search, (c) halving, (d) TPE and (e) TPE with the halving pruner, each
 * within the same total epochs (FULL_TRIALS × R); a tuned arm's model is what {@code ml:tune --save}
 * trains, the best configuration for the full R epochs. Every model trains on the study's
 * training split and is evaluated on the test rows (every fifth row of a CSV file, a fresh sample
 * of a built-in). Run from the repository root after {@code mvn -B -f bundles/core/tuning/pom.xml test-compile}:
 * <pre>
 * mvn -q -f bundles/core/tuning/pom.xml dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp bundles/core/tuning/target/classes:bundles/core/tuning/target/test-classes:$(cat /tmp/cp.txt) \
 *     dev.dendrite.tuning.HeldOutBenchmark [SEEDS [FULL_TRIALS [R [DATASET …]]]]
 * </pre>
 * Prints one row per data set: the mean over seeds of the test accuracy (r² for regression) of each
 * arm, and on how many seeds each tuned arm scored above and below the defaults (the rest tie).
 */
public final class HeldOutBenchmark {
    static final String SPACE = "lr=loguniform(1e-3,1); units=int(4,64); depth=int(1,2); activation=choice(tanh,relu); optimizer=choice(sgd,adam)";
    /** The shared data sets, relative to the repository root the benchmark runs from. */
    static final String DATA = "../shared/data/";

    /** The tuned arms: name and how it sets the study, given the total epochs. */
    private static final Map<String, UnaryOperator<StudySettings.Builder>> ARMS = arms();

    private HeldOutBenchmark() {
    }

    private static Map<String, UnaryOperator<StudySettings.Builder>> arms() {
        Map<String, UnaryOperator<StudySettings.Builder>> m = new LinkedHashMap<>();
        m.put("random", b -> b.strategy("random").pruner(StudySettings.NO_PRUNER));
        m.put("halving", b -> b.strategy("halving").pruner(StudySettings.NO_PRUNER).trials(10_000));
        m.put("tpe", b -> b.strategy("tpe").pruner(StudySettings.NO_PRUNER));
        m.put("tpe+halving", b -> b.strategy("tpe").pruner(StudySettings.HALVING).trials(10_000));
        return m;
    }

    public static void main(String[] args) throws IOException {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int fullTrials = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        List<String> datasets = args.length > 3 ? List.of(args).subList(3, args.length)
                : List.of(DATA + "iris.csv", DATA + "wine.csv", DATA + "diabetes.csv", "spirals");
        Trainer trainer = Fixtures.trainer();
        DataService data = BuiltInData.service();
        Studies studies = new Studies(trainer, data, Fixtures::vocabulary, Fixtures::strategy, () -> Path.of("unused"));
        System.out.printf(Locale.ROOT, "space: %s%nR = %d epochs per trial, %d epochs in all per study (%d full trials), objective val_loss,"
                + " validation split 0.2, lag 4, 2 workers, %d seeds%n", SPACE, epochs, (long) fullTrials * epochs, fullTrials, seeds);
        System.out.println("| data | (a) defaults | (b) random | (c) halving | (d) tpe | (e) tpe + halving pruner |");
        System.out.println("|---|---|---|---|---|---|");
        for (String dataset : datasets) {
            String[] sources = StrategyBenchmark.sources(dataset);
            double defaults = 0;
            Map<String, double[]> tuned = new LinkedHashMap<>();
            ARMS.keySet().forEach(arm -> tuned.put(arm, new double[3]));
            for (int seed = 1; seed <= seeds; seed++) {
                StudySettings base = StudySettings.builder(sources[0], SPACE).trials(fullTrials).epochs(epochs)
                        .totalEpochs((long) fullTrials * epochs).seed(seed).metric("val_loss").parallel(2).lag(4).build();
                double reference = score(StrategyBenchmark.test(trainer, data, TrainingRequest.builder().seed(seed).build(), base, sources[1]));
                defaults += reference / seeds;
                for (Map.Entry<String, UnaryOperator<StudySettings.Builder>> arm : ARMS.entrySet()) {
                    Study study = studies.tune(arm.getValue().apply(base.toBuilder()).build(), StudyListener.NONE);
                    TrainingRequest chosen = studies.request(study, study.inFull(study.best().orElseThrow()));
                    double score = score(StrategyBenchmark.test(trainer, data, chosen, study.settings(), sources[1]));
                    double[] sum = tuned.get(arm.getKey());
                    sum[0] += score / seeds;
                    sum[1] += score > reference ? 1 : 0;
                    sum[2] += score < reference ? 1 : 0;
                }
            }
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %.4f |", Path.of(dataset).getFileName(), defaults));
            tuned.values().forEach(v -> row.append(String.format(Locale.ROOT, " %.4f (+%d −%d) |", v[0], (int) v[1], (int) v[2])));
            System.out.println(row);
        }
    }

    /** Test accuracy, or r² for regression. */
    private static double score(Metrics m) {
        return Double.isNaN(m.get("accuracy")) ? m.get("r2") : m.get("accuracy");
    }
}
