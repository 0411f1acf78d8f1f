package dev.dendrite.bench;

import dev.dendrite.api.math.Precision;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmarks' command line (bench/run calls it; see bench/README.md):
 * <pre>
 *   kernels [BACKEND...]                    JMH, GFLOP/s of each product per back-end
 *   throughput [EPOCHS] [BACKEND...]        epochs of the synthetic 60 000 × 784 set (default 3, after a warm-up epoch)
 *   small CSV [BACKEND...]                  the small-data case, 3 runs
 *   fashion FOLDER [BACKEND...]             Fashion-MNIST, one epoch, test accuracy
 * </pre>
 * Back-ends: ejml, ejml-mt, vector, blas (default: all that can run here).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (args[0]) {
            case "kernels" -> KernelBenchmark.main(rest.toArray(new String[0]));
            case "throughput" -> {
                boolean counted = !rest.isEmpty() && rest.get(0).matches("\\d+");
                List<String> names = counted ? rest.subList(1, rest.size()) : rest;
                EpochBenchmark.throughput(backends(names), precisions(names), counted ? Integer.parseInt(rest.get(0)) : 3);
            }
            case "small" -> EpochBenchmark.small(backends(rest.subList(1, rest.size())), Path.of(rest.get(0)), 3);
            case "fashion" -> EpochBenchmark.fashion(backends(rest.subList(1, rest.size())), precisions(rest), Path.of(rest.get(0)));
            case "sweep" -> EpochBenchmark.sweep(backends(rest), precisions(rest));
            case "plot" -> SweepPlot.write(Path.of(rest.get(0)), rest.get(1));
            default -> {
                usage();
                throw new IllegalArgumentException("unknown benchmark '" + args[0] + "' (available: kernels, throughput, small, fashion)");
            }
        }
    }

    /** The back-ends named among the arguments, or all. */
    private static List<String> backends(List<String> given) {
        List<String> names = given.stream().filter(Backends.ALL::contains).toList();
        return names.isEmpty() ? Backends.ALL : names;
    }

    /** The precisions named among the arguments (float64, float32), or both. */
    private static List<Precision> precisions(List<String> given) {
        List<Precision> named = Arrays.stream(Precision.values()).filter(p -> given.contains(p.label())).toList();
        return named.isEmpty() ? List.of(Precision.values()) : named;
    }

    private static void usage() {
        System.out.println("usage: java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar"
                + " kernels [BACKEND...] | throughput [EPOCHS] [BACKEND...] | small CSV [BACKEND...] | fashion FOLDER [BACKEND...]");
        System.out.println("back-ends: " + String.join(", ", Backends.ALL));
    }
}
