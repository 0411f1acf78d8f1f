package dev.dendrite.bench;

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
                EpochBenchmark.throughput(backends(counted ? rest.subList(1, rest.size()) : rest), counted ? Integer.parseInt(rest.get(0)) : 3);
            }
            case "small" -> EpochBenchmark.small(backends(rest.subList(1, rest.size())), Path.of(rest.get(0)), 3);
            case "fashion" -> EpochBenchmark.fashion(backends(rest.subList(1, rest.size())), Path.of(rest.get(0)));
            default -> {
                usage();
                throw new IllegalArgumentException("unknown benchmark '" + args[0] + "' (available: kernels, throughput, small, fashion)");
            }
        }
    }

    private static List<String> backends(List<String> given) {
        return given.isEmpty() ? Backends.ALL : given;
    }

    private static void usage() {
        System.out.println("usage: java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar"
                + " kernels [BACKEND...] | throughput [EPOCHS] [BACKEND...] | small CSV [BACKEND...] | fashion FOLDER [BACKEND...]");
        System.out.println("back-ends: " + String.join(", ", Backends.ALL));
    }
}
