package dev.dendrite.bench;

import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.api.math.Precision;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH: each matrix product of a training iteration of the 784-256-128-10 network at batch 128,
 * per back-end and precision. {@link #main} runs them and prints GFLOP/s per product, back-end and
 * precision, and for the whole iteration (total operations ÷ total time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class KernelBenchmark {
    static final int[] WIDTHS = {784, 256, 128, 10};
    static final int BATCH = 128;
    private static final List<Products.Product> PRODUCTS = Products.ofIteration(WIDTHS, BATCH);

    @Param({"ejml", "ejml-mt", "vector", "blas"})
    public String backend;

    @Param({"float64", "float32"})
    public String precision;

    /** Index into the iteration's products. */
    @Param({"0", "1", "2", "3", "4", "5", "6", "7"})
    public int product;

    private MatrixMath math;
    private Products.Product shape;
    private Object[] operands;

    @Setup
    public void setUp() {
        math = Backends.create(backend);
        shape = PRODUCTS.get(product);
        operands = shape.operands(new Random(product), Precision.valueOf(precision.toUpperCase(Locale.ROOT)));
    }

    @TearDown
    public void tearDown() throws Exception {
        if (math instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Benchmark
    public Object product() {
        shape.run(math, operands);
        return operands[2];
    }

    /** Runs the benchmarks of the given back-ends (default: all) and prints the GFLOP/s table. */
    public static void main(String... backends) throws RunnerException {
        String[] names = backends.length > 0 ? backends : Backends.ALL.toArray(new String[0]);
        Options options = new OptionsBuilder().include(KernelBenchmark.class.getName() + ".product")
                .param("backend", names).shouldFailOnError(false).build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, double[]> micros = new LinkedHashMap<>();
        for (String name : names) {
            micros.put(name, new double[PRODUCTS.size()]);
            micros.put(name + " f32", new double[PRODUCTS.size()]);
        }
        for (RunResult r : results) {
            String name = r.getParams().getParam("backend") + ("float32".equals(r.getParams().getParam("precision")) ? " f32" : "");
            int index = Integer.parseInt(r.getParams().getParam("product"));
            micros.get(name)[index] = r.getPrimaryResult().getScore();
        }
        System.out.println();
        System.out.println("GFLOP/s per product, 784-256-128-10 at batch 128 (JMH average time, " + Runtime.getRuntime().availableProcessors()
                + " processors, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ")");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-22s %-20s", "product", "(n, k, m)"));
        micros.keySet().forEach(name -> header.append(String.format(Locale.ROOT, " %10s", name)));
        System.out.println(header);
        double[] totalMicros = new double[micros.size()];
        long totalFlops = 0;
        for (int i = 0; i < PRODUCTS.size(); i++) {
            Products.Product p = PRODUCTS.get(i);
            totalFlops += p.flops();
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-22s %-20s", p.name(), "(" + p.n() + ", " + p.k() + ", " + p.m() + ")"));
            int column = 0;
            for (double[] times : micros.values()) {
                row.append(gflops(p.flops(), times[i]));
                totalMicros[column++] += times[i];
            }
            System.out.println(row);
        }
        StringBuilder total = new StringBuilder(String.format(Locale.ROOT, "%-43s", "one iteration (all 8)"));
        for (double t : totalMicros) {
            total.append(gflops(totalFlops, t));
        }
        System.out.println(total);
        List<String> missing = new ArrayList<>();
        micros.forEach((name, times) -> {
            if (times[0] == 0) {
                missing.add(name);
            }
        });
        if (!missing.isEmpty()) {
            System.out.println("(no result: " + missing + " cannot run here; see the errors above)");
        }
    }

    private static String gflops(long flops, double micros) {
        return micros > 0 ? String.format(Locale.ROOT, " %10.1f", flops / micros / 1e3) : String.format(Locale.ROOT, " %10s", "-");
    }
}
