package dev.dendrite.studies.postgresql;

import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialState;
import dev.dendrite.api.tuning.shared.Claim;
import dev.dendrite.api.tuning.shared.SharedStudy;
import dev.dendrite.api.tuning.shared.SharedTrial;
import dev.dendrite.api.tuning.shared.StudyDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: the speed of studies kept in PostgreSQL (bench/studies runs it), against a real
 * server on loopback ({@link PostgresServer}) and the real launcher of {@code DIST}:
 * <ol>
 *   <li>trials per minute of one 96-trial grid study (spirals, 1 500 epochs a trial) with 1 and with 2 worker processes ({@code ml:tune --storage}),
 *       alternated twice;</li>
 *   <li>the storage's overhead per trial: one process runs the same 400 one-epoch trials unsaved, in a
 *       journal and in PostgreSQL; the difference of the study times per trial;</li>
 *   <li>the time of one round trip to the server (SELECT 1), the unit of the storage's cost; claims per second one server sustains: THREADS workers (each its own connection) claim
 *       20 000 queued trials until none is left; then whole trial cycles (claim, a report, finish) and
 *       proposals (the study row held, its trials read, one inserted) per second.</li>
 * </ol>
 * Arguments: {@code DIST [THREADS…]}.
 */
public final class StudyStorageBenchmark {
    private static final Pattern TOOK = Pattern.compile("trials: .* in ([0-9.]+) s");
    private static final int GRID_TRIALS = 96;
    private static final String GRID = "ml:tune --strategy grid --space \"lr=choice(0.01,0.02,0.03,0.05,0.07,0.1,0.15,0.2,0.3,0.4,0.5,0.7);"
            + " units=choice(2,3,4,6,8,10,12,16)\" --epochs 1500 --parallel 1 --pruner none --trials " + GRID_TRIALS + " --study g spirals --storage ";
    private static final String SHORT = "ml:tune --strategy random --space \"lr=loguniform(0.01,1)\" --layers 2 --epochs 1 --trials 400"
            + " --parallel 1 --pruner none --lag 0 xor";

    private StudyStorageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dist = Path.of(args[0]).toAbsolutePath();
        List<Integer> threads = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            threads.add(Integer.valueOf(args[i]));
        }
        if (threads.isEmpty()) {
            threads.addAll(List.of(1, 2, 4, 8, 16));
        }
        try (PostgresServer.Running server = PostgresServer.shared()) {
            System.out.printf(Locale.ROOT, "cores %d, load %s%n", Runtime.getRuntime().availableProcessors(), load());
            workers(server, dist);
            if (!threads.isEmpty() && threads.get(0) == 0) {
                return; // bench/studies 0: the throughput part only
            }
            overhead(server, dist);
            claims(server, threads);
        } finally {
            if (home != null) {
                try (var files = Files.walk(home)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    // ---- 1. trials per minute with 1 and 2 worker processes

    private static void workers(PostgresServer.Running server, Path dist) throws Exception {
        double[] perMinute = new double[3];
        for (int processes : List.of(1, 2, 1, 2)) { // alternated: the machine's load drifts
            double rate = workers(server, dist, processes);
            perMinute[processes] += rate / 2;
        }
        System.out.printf(Locale.ROOT, "throughput: mean of two runs each: 1 process %.1f, 2 processes %.1f trials per minute = %.2f x%n",
                perMinute[1], perMinute[2], perMinute[2] / perMinute[1]);
        // the peer: what two threads of one process give on this machine now (journal, StudyRunner)
        double[] threads = new double[3];
        for (int parallel : List.of(1, 2, 1, 2)) {
            Process p = launcher(dist, server, GRID.replace("--parallel 1", "--parallel " + parallel).replace(" --storage ", "")
                    .replace("--study g", "--study t" + parallel + "x" + System.nanoTime()));
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("the journal run failed: " + out);
            }
            double rate = GRID_TRIALS / took(out) * 60;
            threads[parallel] += rate / 2;
            System.out.printf(Locale.ROOT, "throughput: journal, 1 process --parallel %d: %.1f trials per minute; load %s%n", parallel, rate, load());
        }
        System.out.printf(Locale.ROOT, "throughput: mean of two runs each: --parallel 1 %.1f, --parallel 2 %.1f trials per minute = %.2f x%n",
                threads[1], threads[2], threads[2] / threads[1]);
    }

    /** One grid study run by {@code processes} launcher processes at once: its trials per minute. */
    private static double workers(PostgresServer.Running server, Path dist, int processes) throws Exception {
        String url = server.newDatabase("throughput");
        List<Process> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < processes; i++) {
            running.add(launcher(dist, server, GRID + url));
        }
        double longest = 0;
        for (Process p : running) {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("a worker failed: " + out);
            }
            longest = Math.max(longest, took(out));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double perMinute = GRID_TRIALS / longest * 60;
        System.out.printf(Locale.ROOT, "throughput: %d process(es): %d trials in %.1f s (study) / %.1f s (wall, with start-up):"
                + " %.1f trials per minute; load %s%n", processes, GRID_TRIALS, longest, wall, perMinute, load());
        return perMinute;
    }

    private static Process launcher(Path dist, PostgresServer.Running server, String command) throws IOException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsun.misc.unsafe.memory.access=allow"));
        if (Runtime.version().feature() >= 21) {
            line.addAll(List.of("--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"));
        }
        String options = System.getenv("DENDRITE_OPTS"); // as ./dendrite passes them to its JVM
        if (options != null && !options.isBlank()) {
            line.addAll(List.of(options.trim().split("\\s+")));
        }
        line.addAll(List.of("-jar", home(dist).resolve("bin/dendrite.jar").toString(), "--home", home(dist).toString(), "-c", command));
        ProcessBuilder b = new ProcessBuilder(line).redirectError(ProcessBuilder.Redirect.INHERIT);
        b.environment().put("PGUSER", server.user());
        return b.start();
    }

    private static Path home;

    /**
     * A private copy of the distribution (its own studies folder), bin and system copied: a build
     * elsewhere may replace them while the benchmark runs.
     */
    private static synchronized Path home(Path dist) throws IOException {
        if (home == null) {
            home = Files.createTempDirectory("dendrite-bench");
            Files.createDirectories(home.resolve("bin"));
            Files.copy(dist.resolve("bin/dendrite.jar"), home.resolve("bin/dendrite.jar"));
            try (var files = Files.walk(dist.resolve("system"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, home.resolve("system").resolve(dist.resolve("system").relativize(f).toString()));
                }
            }
            Files.createDirectories(home.resolve("deploy"));
            Files.createDirectories(home.resolve("etc"));
            try (var files = Files.list(dist.resolve("etc"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, home.resolve("etc").resolve(f.getFileName()));
                }
            }
        }
        return home;
    }

    private static double took(String out) {
        Matcher m = TOOK.matcher(out);
        double last = Double.NaN;
        while (m.find()) {
            last = Double.parseDouble(m.group(1));
        }
        return last;
    }

    // ---- 2. storage overhead per trial

    private static void overhead(PostgresServer.Running server, Path dist) throws Exception {
        String url = server.newDatabase("overhead");
        String command = String.join("; ", SHORT, SHORT, SHORT + " --study j", SHORT + " --study p --storage " + url, SHORT);
        Process p = launcher(dist, server, command);
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("the overhead run failed: " + out);
        }
        Matcher m = TOOK.matcher(out);
        List<Double> times = new ArrayList<>();
        while (m.find()) {
            times.add(Double.parseDouble(m.group(1)));
        }
        double none = (times.get(1) + times.get(4)) / 2;
        System.out.printf(Locale.ROOT, "overhead: 400 one-epoch trials unsaved %.2f s (and %.2f s cold, %.2f s after), journal %.2f s,"
                        + " postgresql %.2f s: per trial journal %.2f ms, postgresql %.2f ms; load %s%n", none, times.get(0), times.get(4),
                times.get(2), times.get(3), (times.get(2) - none) * 1000 / 400, (times.get(3) - none) * 1000 / 400, load());
    }

    // ---- 3. claims per second

    private static void claims(PostgresServer.Running server, List<Integer> threadCounts) throws Exception {
        String url = server.newDatabase("claims");
        StudyDatabase db = PostgresStudies.open(new org.postgresql.osgi.PGDataSourceFactory(),
                DatabaseUrl.parse(url, server.user(), "", Map.of()), 40);
        try (java.sql.Connection c = server.connect(url.substring(url.lastIndexOf('/') + 1));
             java.sql.PreparedStatement s = c.prepareStatement("SELECT 1")) {
            for (int round = 0; round < 2; round++) { // the first warms up
                long start = System.nanoTime();
                for (int i = 0; i < 5_000; i++) {
                    try (java.sql.ResultSet r = s.executeQuery()) {
                        r.next();
                    }
                }
                if (round == 1) {
                    System.out.printf(Locale.ROOT, "round trip: SELECT 1 on one connection: %.3f ms; load %s%n",
                            (System.nanoTime() - start) / 1e6 / 5_000, load());
                }
            }
        }
        int count = 20_000;
        for (int threads : threadCounts) {
            String name = "claims" + threads;
            db.importStudy(queued(name, count));
            double seconds = run(threads, worker -> {
                int n = 0;
                while (db.claim(name, worker).isPresent()) {
                    n++;
                }
                return n;
            }, count);
            System.out.printf(Locale.ROOT, "claims: %2d workers: %d claims in %.2f s = %.0f claims/s%n", threads, count, seconds, count / seconds);
        }
        for (int threads : threadCounts) {
            String name = "cycles" + threads;
            int cycles = 5_000;
            db.importStudy(queued(name, cycles));
            double seconds = run(threads, worker -> {
                int n = 0;
                for (Optional<Claim> c = db.claim(name, worker); c.isPresent(); c = db.claim(name, worker)) {
                    db.report(c.get(), List.of(0.5));
                    TrialRecord t = c.get().trial();
                    db.finish(c.get(), new TrialRecord(t.number(), t.parameters(), t.budget(), TrialState.COMPLETE, 0.5, List.of(0.5), null));
                    n++;
                }
                return n;
            }, cycles);
            System.out.printf(Locale.ROOT, "cycles: %2d workers: %d trials (claim, report, finish) in %.2f s = %.0f trials/s%n",
                    threads, cycles, seconds, cycles / seconds);
        }
        for (int size : List.of(100, 1000)) {
            String name = "propose" + size;
            db.create(name, "{}", size, 0);
            double seconds = run(4, worker -> {
                int n = 0;
                while (db.propose(name, worker, s -> s.trialList().size() >= s.trials() ? Optional.empty()
                        : Optional.of(new SharedTrial(TrialRecord.running(s.trialList().size(), Map.of("lr", 0.1), 10), 0, 1))).isPresent()) {
                    n++;
                }
                return n;
            }, size);
            System.out.printf(Locale.ROOT, "proposals: 4 workers: a study grown to %d trials in %.2f s = %.0f proposals/s%n", size, seconds, size / seconds);
        }
        System.out.printf(Locale.ROOT, "load %s%n", load());
    }

    private static SharedStudy queued(String name, int count) {
        List<SharedTrial> trials = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            trials.add(new SharedTrial(TrialRecord.running(i, Map.of("lr", 0.001 * i, "units", (long) (i % 64)), 10), 0, 0));
        }
        return new SharedStudy(name, "{}", count, 0, trials);
    }

    private interface Work {
        int run(String worker) throws Exception;
    }

    /** Runs {@code threads} workers at once; the seconds until all stop, checking that they did {@code expected} in all. */
    private static double run(int threads, Work work, int expected) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger ids = new AtomicInteger();
        List<Future<Integer>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> work.run("bench/" + ids.incrementAndGet())));
        }
        int done = 0;
        for (Future<Integer> f : futures) {
            done += f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (done != expected) {
            throw new IllegalStateException(done + " done, expected " + expected);
        }
        return seconds;
    }
}
