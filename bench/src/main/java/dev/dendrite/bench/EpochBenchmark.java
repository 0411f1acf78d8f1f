package dev.dendrite.bench;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.api.math.Precision;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.nn.NetworkTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * End-to-end training benchmarks with {@link NetworkTrainer}, per back-end and precision (float64,
 * float32); each result is one line starting with {@code RESULT} (bench/run reads them):
 * <ul>
 * <li>throughput: 60 000 × 784 N(0,1) inputs, random labels in 10 classes, 784-256-128-10
 *     relu/softmax, sgd 0.01, batch 128; one warm-up epoch, then the median epoch time, its GFLOP/s
 *     (products only: 2·n·k·m each), and the ratio to the products alone, FLOPs ÷ the back-end's
 *     product rate measured at the same shapes in this run;</li>
 * <li>small: a CSV of standardized features and a class index in the last column (bench/run
 *     writes scikit-learn's digits training split), 64 relu units, sgd 0.01, batch 32, 100 epochs;
 *     the wall time of whole training runs (the first one cold) and their median;</li>
 * <li>fashion: Fashion-MNIST (IDX files) scaled to [0, 1], the throughput network, one epoch of
 *     sgd 0.01 per back-end and, on the vector back-end, 10 epochs of adam 0.001, each with the
 *     seeds {@link #FASHION_SEEDS}: time and test accuracy;</li>
 * <li>sweep: GFLOP/s of a training epoch of 784-h-h-10 for batch 32, 128, 512 and h = 64 … 2048
 *     (a second epoch after a warm-up one, on as many synthetic samples as make about 12 GFLOP).</li>
 * </ul>
 */
final class EpochBenchmark {
    static final int[] WIDTHS = KernelBenchmark.WIDTHS;
    /** The double-precision peak of this machine's two cores (AMD Zen 4, 16 FLOP per cycle per core). */
    static final double PEAK_GFLOPS = 114;

    private EpochBenchmark() {
    }

    static void throughput(List<String> backends, List<Precision> precisions, int epochs) {
        DataSet data = synthetic(60_000, 784, 10, 0);
        double flops = Products.epochFlops(WIDTHS, data.samples());
        System.out.printf(Locale.ROOT, "throughput: %d samples, 784-256-128-10 relu/softmax, sgd 0.01, batch 128, %.1f GFLOP of products per epoch%n",
                data.samples(), flops / 1e9);
        for (String name : backends) {
            for (Precision precision : precisions) {
                MatrixMath math = createOrSkip(name);
                if (math == null) {
                    continue;
                }
                double rate = productRate(math, precision);
                double reference = flops / rate;
                TrainingRequest spec = network(List.of(256, 128), 128, epochs + 1, precision);
                EpochTimer timer = new EpochTimer();
                new NetworkTrainer(new BenchPlugins(name, math)).train(spec, split(data), timer);
                List<Double> measured = timer.seconds().subList(1, epochs + 1);
                double median = median(measured);
                double peak = precision == Precision.FLOAT32 ? 2 * PEAK_GFLOPS : PEAK_GFLOPS;
                System.out.printf(Locale.ROOT, "RESULT dendrite throughput backend=%s precision=%s median=%.3fs times=%s gflops=%.1f"
                                + " peak_fraction=%.2f products_gflops=%.1f products_only=%.3fs ratio_to_products=%.2f warmup=%.3fs%n",
                        name, precision.label(), median, rounded(measured), flops / median / 1e9, flops / median / 1e9 / peak,
                        rate / 1e9, reference, median / reference, timer.seconds().get(0));
                close(math);
            }
        }
    }

    /** The sweep's hidden widths and batch sizes. */
    static final int[] SWEEP_WIDTHS = {64, 128, 256, 512, 1024, 2048};
    static final int[] SWEEP_BATCHES = {32, 128, 512};
    /** About this many operations per measured epoch of the sweep, so that each point takes a fraction of a second. */
    static final double SWEEP_FLOPS = 12e9;

    static void sweep(List<String> backends, List<Precision> precisions) {
        System.out.printf(Locale.ROOT, "sweep: 784-h-h-10 relu/softmax, sgd 0.01, h in %s, batch in %s, about %.0f GFLOP an epoch%n",
                java.util.Arrays.toString(SWEEP_WIDTHS), java.util.Arrays.toString(SWEEP_BATCHES), SWEEP_FLOPS / 1e9);
        DataSet all = synthetic(60_000, 784, 10, 0);
        for (String name : backends) {
            for (Precision precision : precisions) {
                MatrixMath math = createOrSkip(name);
                if (math == null) {
                    continue;
                }
                NetworkTrainer trainer = new NetworkTrainer(new BenchPlugins(name, math));
                for (int batch : SWEEP_BATCHES) {
                    for (int h : SWEEP_WIDTHS) {
                        int[] widths = {784, h, h, 10};
                        int samples = sweepSamples(widths, batch);
                        DataSet data = all.select(IntStream.range(0, samples).toArray());
                        EpochTimer timer = new EpochTimer();
                        trainer.train(network(List.of(h, h), batch, 2, precision), split(data), timer);
                        double seconds = timer.seconds().get(1);
                        System.out.printf(Locale.ROOT, "RESULT dendrite sweep backend=%s precision=%s batch=%d width=%d samples=%d"
                                        + " time=%.3fs gflops=%.1f%n", name, precision.label(), batch, h, samples, seconds,
                                Products.epochFlops(widths, samples) / seconds / 1e9);
                    }
                }
                close(math);
            }
        }
    }

    /** Samples for about {@link #SWEEP_FLOPS} of products, whole batches, at least 8 of them and at most 60 000 samples. */
    static int sweepSamples(int[] widths, int batch) {
        double perSample = Products.epochFlops(widths, 1);
        int batches = (int) Math.max(8, Math.round(SWEEP_FLOPS / perSample / batch));
        return Math.min(60_000 / batch * batch, batches * batch);
    }

    static void small(List<String> backends, Path csv, int runs) throws IOException {
        DataSet data = readCsv(csv);
        System.out.printf(Locale.ROOT, "small: %s, %d × %d, %d classes, 64 relu units, sgd 0.01, batch 32, 100 epochs%n",
                csv.getFileName(), data.samples(), data.features(), data.classes().size());
        for (String name : backends) {
            MatrixMath math = createOrSkip(name);
            if (math == null) {
                continue;
            }
            List<Double> times = new ArrayList<>();
            TrainingResult last = null;
            for (int run = 0; run < runs; run++) {
                TrainingRequest spec = network(List.of(64), 32, 100, Precision.FLOAT64).toBuilder().seed(run).build();
                long start = System.nanoTime();
                last = new NetworkTrainer(new BenchPlugins(name, math)).train(spec, split(data), new EpochTimer());
                times.add((System.nanoTime() - start) / 1e9);
            }
            System.out.printf(Locale.ROOT, "RESULT dendrite small backend=%s median=%.3fs cold=%.3fs times=%s train_accuracy=%.4f%n",
                    name, median(times), times.get(0), rounded(times), last.train().get("accuracy"));
            close(math);
        }
    }

    /** The back-end of the 10 Adam epochs on Fashion-MNIST: the platform's default. */
    static final String ADAM_BACKEND = "vector";

    static void fashion(List<String> backends, List<Precision> precisions, Path folder) throws IOException {
        DataSet train = Idx.read(folder, "train", "fashion-mnist-train");
        DataSet test = Idx.read(folder, "t10k", "fashion-mnist-test");
        System.out.printf(Locale.ROOT, "fashion: %d training, %d test images, 784-256-128-10, 1 epoch of sgd 0.01;"
                + " 10 epochs of adam 0.001 on %s%n", train.samples(), test.samples(), ADAM_BACKEND);
        for (String name : backends) {
            for (Precision precision : precisions) {
                MatrixMath math = createOrSkip(name);
                if (math == null) {
                    continue;
                }
                for (long seed : FASHION_SEEDS) {
                    fashion(name, math, network(List.of(256, 128), 128, 1, precision).toBuilder().seed(seed).build(), train, test);
                }
                if (name.equals(ADAM_BACKEND)) {
                    for (long seed : FASHION_SEEDS) {
                        fashion(name, math, network(List.of(256, 128), 128, 10, precision).toBuilder().optimizer("adam")
                                .learningRate(0.001).seed(seed).build(), train, test);
                    }
                }
                close(math);
            }
        }
    }

    /**
     * The seeds of each Fashion-MNIST run: the test accuracy of one seed differs from another's by
     * a few tenths of a point, as much as float32 and float64 are asked to agree within, so each
     * precision is compared by its mean over these.
     */
    static final long[] FASHION_SEEDS = {1, 2, 3};

    private static void fashion(String name, MatrixMath math, TrainingRequest spec, DataSet train, DataSet test) {
        NetworkTrainer trainer = new NetworkTrainer(new BenchPlugins(name, math));
        EpochTimer timer = new EpochTimer();
        TrainingResult result = trainer.train(spec, split(train), timer);
        double accuracy = trainer.evaluate(result.model(), test).get("accuracy");
        System.out.printf(Locale.ROOT, "RESULT dendrite fashion-mnist backend=%s precision=%s optimizer=%s epochs=%d seed=%d time=%.2fs"
                        + " test_accuracy=%.4f%n", name, spec.precision().label(), spec.optimizer(), spec.epochs(), spec.seed(),
                timer.seconds().stream().mapToDouble(Double::doubleValue).sum(), accuracy);
    }

    /** The benchmarks' network: relu hidden layers, softmax output, sgd at 0.01. */
    private static TrainingRequest network(List<Integer> hidden, int batch, int epochs, Precision precision) {
        return TrainingRequest.builder().hiddenLayers(hidden).activation("relu").optimizer("sgd").learningRate(0.01)
                .batchSize(batch).epochs(epochs).seed(1).precision(precision).build();
    }

    private static DataSplit split(DataSet train) {
        return new DataSplit(train, null, FeatureScaling.identity(train.features()));
    }

    /**
     * Operations per second of the back-end's products at the shapes of one iteration: every product
     * first runs for half a second (twice over, so that the compiled code has seen every shape),
     * then each is timed in 7 rounds of about 50 ms; the median round counts.
     */
    static double productRate(MatrixMath math, Precision precision) {
        Random random = new Random(1);
        List<Products.Product> products = Products.ofIteration(WIDTHS, 128);
        List<Object[]> operands = products.stream().map(p -> p.operands(random, precision)).toList();
        int[] reps = new int[products.size()];
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < products.size(); i++) {
                long warm = System.nanoTime() + 500_000_000L;
                int calls = 0;
                while (System.nanoTime() < warm) {
                    products.get(i).run(math, operands.get(i));
                    calls++;
                }
                reps[i] = Math.max(1, calls / 10);
            }
        }
        double seconds = 0;
        long flops = 0;
        for (int i = 0; i < products.size(); i++) {
            List<Double> rounds = new ArrayList<>();
            for (int r = 0; r < 7; r++) {
                long start = System.nanoTime();
                for (int call = 0; call < reps[i]; call++) {
                    products.get(i).run(math, operands.get(i));
                }
                rounds.add((System.nanoTime() - start) / 1e9 / reps[i]);
            }
            seconds += median(rounds);
            flops += products.get(i).flops();
        }
        return flops / seconds;
    }

    /** m samples of n N(0,1) features with uniformly random labels in {@code classes} classes. */
    static DataSet synthetic(int m, int n, int classes, long seed) {
        Random random = new Random(seed);
        Matrix x = new Matrix(n, m);
        double[] v = x.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian();
        }
        double[] t = new double[m];
        for (int j = 0; j < m; j++) {
            t[j] = random.nextInt(classes);
        }
        return new DataSet("synthetic", featureNames(n), x, t, Task.CLASSIFICATION, classNames(classes));
    }

    /** A headerless CSV: features, then the class index (0, 1, …). */
    static DataSet readCsv(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv).stream().filter(l -> !l.isBlank()).toList();
        int n = lines.get(0).split(",").length - 1;
        int m = lines.size();
        Matrix x = new Matrix(n, m);
        double[] t = new double[m];
        int classes = 0;
        for (int j = 0; j < m; j++) {
            String[] cells = lines.get(j).split(",");
            if (cells.length != n + 1) {
                throw new IllegalArgumentException(csv + ", line " + (j + 1) + ": " + cells.length + " values, expected " + (n + 1));
            }
            for (int r = 0; r < n; r++) {
                x.set(r, j, Double.parseDouble(cells[r]));
            }
            t[j] = Integer.parseInt(cells[n].trim());
            classes = Math.max(classes, (int) t[j] + 1);
        }
        return new DataSet(csv.getFileName().toString(), featureNames(n), x, t, Task.CLASSIFICATION, classNames(classes));
    }

    /** x1 … xn (a data set's feature names are distinct). */
    static List<String> featureNames(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "x" + i).toList();
    }

    static List<String> classNames(int classes) {
        return IntStream.range(0, classes).mapToObj(String::valueOf).toList();
    }

    private static MatrixMath createOrSkip(String name) {
        try {
            return Backends.create(name);
        } catch (IllegalStateException e) {
            System.out.println("skipped " + name + ": " + e.getMessage());
            return null;
        }
    }

    private static void close(MatrixMath math) {
        if (math instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList().toString().replace(" ", "");
    }
}
