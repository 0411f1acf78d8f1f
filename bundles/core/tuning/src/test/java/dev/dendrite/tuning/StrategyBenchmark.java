package dev.dendrite.tuning;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataService;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.nn.Metrics;
import dev.dendrite.api.nn.Model;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.tuning.Study;
import dev.dendrite.api.tuning.StudyListener;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.data.BuiltInData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: compares halving and TPE with random search at equal total epochs (FULL_TRIALS × R),
 * averaged over seeds (objective val_loss, pruner none): the best validation loss each found, and
 * the chosen configuration's loss on held-out test data (a fresh sample of a built-in, or every
 * fifth row of a CSV file, which the search never sees). It also measures trials per second with 2
 * workers against 1 on the same trials. Run from the repository root after
 * {@code mvn -B -f bundles/core/tuning/pom.xml test-compile}:
 * <pre>
 * mvn -q -f bundles/core/tuning/pom.xml dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp bundles/core/tuning/target/classes:bundles/core/tuning/target/test-classes:$(cat /tmp/cp.txt) \
 *     dev.dendrite.tuning.StrategyBenchmark [SEEDS [FULL_TRIALS [LAG [FOLDS [DATASET …]]]]]
 * </pre>
 * or {@code … StrategyBenchmark throughput [REPEATS]} for the throughput measurement alone.
 * Datasets default to {@code spirals} (3 classes) and {@code ../shared/data/diabetes.csv}
 * (regression) when it exists.
 */
public final class StrategyBenchmark {
    static final String SPACE = "lr=loguniform(1e-3,1); units=int(4,64); depth=int(1,2); activation=choice(tanh,relu); optimizer=choice(sgd,adam)";
    static final int EPOCHS = 27;
    static final String DIABETES = HeldOutBenchmark.DATA + "diabetes.csv";

    private StrategyBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("throughput")) {
            Studies studies = new Studies(Fixtures.trainer(), BuiltInData.service(), Fixtures::vocabulary, Fixtures::strategy,
                    () -> Path.of("unused"));
            throughput(studies, args.length > 1 ? Integer.parseInt(args[1]) : 5);
            return;
        }
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int fullTrials = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int lag = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int folds = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        List<String> datasets = args.length > 4 ? List.of(args).subList(4, args.length)
                : Files.exists(Path.of(DIABETES)) ? List.of("spirals", DIABETES) : List.of("spirals");
        Trainer trainer = Fixtures.trainer();
        DataService data = BuiltInData.service();
        Studies studies = new Studies(trainer, data, Fixtures::vocabulary, Fixtures::strategy, () -> Path.of("unused"));
        long budget = (long) EPOCHS * fullTrials;
        System.out.printf(Locale.ROOT, "space: %s%nepochs per trial R = %d, total budget %d epochs (= %d full trials), objective"
                + " val_loss (%s), pruner none, lag %d, %d seeds%n", SPACE, EPOCHS, budget, fullTrials,
                folds > 0 ? "mean over " + folds + " folds" : "validation split 0.2", lag, seeds);
        System.out.println("| data | strategy | trials | epochs used | best val_loss found | seeds better than random"
                + " | chosen config on held-out test data: loss | accuracy (r2 for regression) |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String dataset : datasets) {
            String[] sources = sources(dataset);
            double[] randomBest = new double[seeds + 1];
            for (String strategy : List.of("random", "halving", "tpe")) {
                double found = 0;
                int wins = 0;
                double testLoss = 0;
                double testAccuracy = 0;
                double trials = 0;
                double epochs = 0;
                for (int seed = 1; seed <= seeds; seed++) {
                    StudySettings.Builder b = StudySettings.builder(sources[0], SPACE).strategy(strategy).trials(1000)
                            .epochs(EPOCHS).totalEpochs(budget).seed(seed).metric("val_loss").pruner("none").parallel(2).lag(lag);
                    StudySettings s = (folds > 0 ? b.folds(folds) : b).build();
                    Study study = studies.tune(s, StudyListener.NONE);
                    TrialRecord best = study.best().orElseThrow();
                    found += best.value() / seeds;
                    if (strategy.equals("random")) {
                        randomBest[seed] = best.value();
                    } else if (best.value() < randomBest[seed]) {
                        wins++;
                    }
                    Metrics m = test(trainer, data, studies.request(study, best), s, sources[1]);
                    testLoss += m.cost() / seeds;
                    testAccuracy += (Double.isNaN(m.get("accuracy")) ? m.get("r2") : m.get("accuracy")) / seeds;
                    trials += study.trials().size() / (double) seeds;
                    epochs += study.epochs() / (double) seeds;
                }
                System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.0f | %.4f | %s | %.4f | %.4f |%n", Path.of(dataset).getFileName(),
                        strategy, trials, epochs, found, strategy.equals("random") ? "-" : wins + "/" + seeds, testLoss, testAccuracy);
            }
        }
        throughput(studies, 3);
    }

    /**
     * Where to tune and where to test: a built-in is tuned on its sample and tested on a fresh sample
     * (another seed); a CSV file is split, every fifth row to the test file.
     */
    static String[] sources(String dataset) throws IOException {
        if (!dataset.endsWith(".csv")) {
            return new String[] {dataset, dataset};
        }
        List<String> lines = Files.readAllLines(Path.of(dataset));
        List<String> tune = new ArrayList<>(List.of(lines.get(0)));
        List<String> test = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            (i % 5 == 0 ? test : tune).add(lines.get(i));
        }
        Path dir = Files.createTempDirectory("dendrite-benchmark");
        String name = Path.of(dataset).getFileName().toString().replace(".csv", "");
        Path tuneFile = Files.write(dir.resolve(name + ".csv"), tune);
        Path testFile = Files.write(dir.resolve(name + "-test.csv"), test);
        return new String[] {tuneFile.toString(), testFile.toString()};
    }

    /** The chosen trial's request (its epochs and seed) trained on the study's split, evaluated on the test source. */
    static Metrics test(Trainer trainer, DataService data, TrainingRequest request, StudySettings s, String testSource) {
        DataSplit split = data.load(s.dataset(), new DataOptions(s.target(), s.validation(), s.seed()));
        Model model = trainer.train(request, split, TrainingListener.NONE).model();
        DataSet test = data.load(testSource, model.schema(), 1000 + s.seed());
        return trainer.evaluate(model, test);
    }

    /**
     * What 2 threads of pure arithmetic achieve against 1 at this moment (2.0 on an idle 2-core
     * machine): the ceiling the machine's other load leaves for the tuner's speed-up.
     */
    private static double computeSpeedUp() {
        Runnable work = () -> {
            double x = 0;
            for (int i = 0; i < 200_000_000; i++) {
                x += Math.sqrt(i) * 1e-9;
            }
            if (x == 42) {
                System.out.print("");
            }
        };
        long start = System.nanoTime();
        work.run();
        double one = System.nanoTime() - start;
        Thread a = new Thread(work);
        Thread b = new Thread(work);
        start = System.nanoTime();
        a.start();
        b.start();
        try {
            a.join();
            b.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 2 * one / (System.nanoTime() - start);
    }

    /**
     * The same 32 random trials (80 epochs each) with 1 and 2 workers, alternately, {@code repeats}
     * times: trials per second of each run, the median ratio, and whether both gave identical trials.
     */
    private static void throughput(Studies studies, int repeats) {
        StudySettings s = StudySettings.builder("spirals", SPACE).trials(32).epochs(80).pruner("none").lag(8).build();
        studies.tune(s.toBuilder().trials(4).parallel(2).build(), StudyListener.NONE); // JIT warm-up
        double[] ratios = new double[repeats];
        boolean identical = true;
        for (int r = 0; r < repeats; r++) {
            double[] rate = new double[3];
            Study[] results = new Study[3];
            for (int workers = 1; workers <= 2; workers++) {
                long start = System.nanoTime();
                results[workers] = studies.tune(s.toBuilder().parallel(workers).build(), StudyListener.NONE);
                rate[workers] = 32 / ((System.nanoTime() - start) / 1e9);
            }
            ratios[r] = rate[2] / rate[1];
            identical &= results[1].trials().equals(results[2].trials());
            System.out.printf(Locale.ROOT, "throughput: 1 worker %.2f trials/s, 2 workers %.2f trials/s, ratio %.2f;"
                    + " a pure compute loop on 2 threads vs 1 right after: %.2f%n", rate[1], rate[2], ratios[r], computeSpeedUp());
        }
        java.util.Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "median speed-up 2 workers vs 1 over %d runs: %.2fx; identical trials: %b; processors: %d%n", repeats,
                ratios[repeats / 2], identical, Runtime.getRuntime().availableProcessors());
    }
}
