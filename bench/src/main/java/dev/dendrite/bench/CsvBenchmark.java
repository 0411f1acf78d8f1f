package dev.dendrite.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.plugin.BundleProblem;
import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.plugin.PluginInfo;
import dev.dendrite.data.DefaultDataService;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * How fast the platform's data service turns a CSV file into the training matrix (read, split
 * 80/20, scaled, as {@code ml:train} loads it), and the heap it takes: the largest heap still in
 * use after a garbage collection during the load (the live peak), and the pools' peak (garbage
 * included, an upper bound). Prints one line per run, the first one cold.
 */
public final class CsvBenchmark {

    private CsvBenchmark() {
    }

    /** {@code FILE [RUNS]}: bench/csv runs it as {@code java -cp benchmarks.jar dev.dendrite.bench.CsvBenchmark}. */
    public static void main(String[] args) throws Exception {
        run(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 3);
    }

    static void run(Path file, int runs) throws Exception {
        AtomicLong liveAfterGc = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                    liveAfterGc.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        DefaultDataService service = new DefaultDataService(new NoPlugins());
        double megabytes = Files.size(file) / 1e6;
        for (int run = 1; run <= runs; run++) {
            System.gc();
            Thread.sleep(200);
            liveAfterGc.set(0);
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            DataSplit split = service.load(file.toString(), new DataOptions(null, 0.2, 42));
            double seconds = (System.nanoTime() - start) / 1e9;
            long poolsPeak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            long m = split.train().samples() + (split.hasValidation() ? split.validation().samples() : 0);
            double numeric = (double) m * (split.train().features() + 1) * Double.BYTES / 1e6;
            System.out.printf(Locale.ROOT, "dendrite run %d: %.0f MB in %.2f s = %.0f MB/s; %d rows x %d features;"
                            + " numeric data %.0f MB; live heap peak (after GC) %.0f MB = %.2f x; pools' peak %.0f MB; max heap %.0f MB%n",
                    run, megabytes, seconds, megabytes / seconds, m, split.train().features(), numeric, liveAfterGc.get() / 1e6,
                    liveAfterGc.get() / 1e6 / numeric, poolsPeak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
            split = null;
        }
    }

    /** No built-in data sets: every source is a file. */
    private static final class NoPlugins implements PluginCatalog {
        @Override
        public List<PluginInfo> list(Class<?> kind) {
            return List.of();
        }

        @Override
        public List<String> names(Class<?> kind) {
            return List.of();
        }

        @Override
        public Optional<PluginInfo> preferred(Class<?> kind) {
            return Optional.empty();
        }

        @Override
        public List<BundleProblem> problems() {
            return List.of();
        }
    }
}
