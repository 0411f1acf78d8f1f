package dev.dendrite.depth;

import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs a depth study with the platform's {@link Trainer}: every architecture from every seed on
 * the same training and validation samples, {@code threads} runs at a time (the trainer shares
 * nothing between runs), reporting each architecture's row as soon as its runs are done.
 */
final class DepthStudy {
    private final Trainer trainer;

    DepthStudy(Trainer trainer) {
        this.trainer = trainer;
    }

    /** The networks compared: one per depth, with equal parameter counts within 5 % ({@link Architecture#matching}). */
    static List<Architecture> architectures(DepthSettings s) {
        return Architecture.matching(s.depths(), s.budget(), s.task().inputs(), 1);
    }

    /**
     * Runs the study, calling {@code progress} with each row in order.
     *
     * @throws IllegalArgumentException for a budget no depth can match, or an unknown plug-in name
     */
    DepthReport run(DepthSettings s, Consumer<DepthReport.Row> progress) {
        List<Architecture> architectures = architectures(s);
        long seed = s.training().seed();
        DataSplit data = new DataSplit(s.task().generate(s.samples(), seed), s.task().generate(s.samples(), seed + 1),
                FeatureScaling.identity(s.task().inputs()));
        ExecutorService pool = Executors.newFixedThreadPool(s.threads(), r -> {
            Thread t = new Thread(r, "ml:depth");
            t.setDaemon(true);
            return t;
        });
        try {
            List<List<Future<DepthReport.Run>>> pending = new ArrayList<>();
            for (Architecture a : architectures) {
                List<Future<DepthReport.Run>> runs = new ArrayList<>();
                for (int i = 0; i < s.seeds(); i++) {
                    long runSeed = seed + i;
                    runs.add(pool.submit(() -> train(s, a, data, runSeed)));
                }
                pending.add(runs);
            }
            List<DepthReport.Row> rows = new ArrayList<>();
            for (int k = 0; k < architectures.size(); k++) {
                List<DepthReport.Run> runs = new ArrayList<>();
                for (Future<DepthReport.Run> f : pending.get(k)) {
                    runs.add(result(f));
                }
                DepthReport.Row row = new DepthReport.Row(architectures.get(k), runs);
                rows.add(row);
                progress.accept(row);
            }
            return new DepthReport(s, rows);
        } finally {
            pool.shutdownNow();
        }
    }

    private DepthReport.Run train(DepthSettings s, Architecture a, DataSplit data, long seed) {
        long start = System.nanoTime();
        TrainingResult result = trainer.train(s.network(a, seed), data, TrainingListener.NONE);
        long millis = (System.nanoTime() - start) / 1_000_000;
        double[] curve = result.history().stream().mapToDouble(EpochReport::validationMetric).toArray();
        return new DepthReport.Run(seed, result.validation().get(s.task().metric()), curve, millis);
    }

    private static DepthReport.Run result(Future<DepthReport.Run> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ml:depth was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
