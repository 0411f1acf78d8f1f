package dev.dendrite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.studies.postgresql.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three launcher processes work on one 30-trial grid study kept in a real PostgreSQL server on
 * loopback; one is killed (kill -9) while it trains a trial. The two others train that trial again
 * once its heartbeat is older than the grace period, and the study ends with exactly 30 finished
 * trials, each once, with the same (parameters → objective) as one process with a journal.
 */
@ExtendWith(PostgresServer.class)
class StudiesOnPostgresIT {
    private static final String TUNE = "ml:tune --strategy grid --space \"lr=choice(0.02,0.05,0.1,0.2,0.5); units=choice(2,4,6,8,12,16)\""
            + " --epochs 300 --parallel 1 --pruner none --seed 7 --trials 30 --study g spirals";
    private static final Pattern STARTED = Pattern.compile("\\{\"event\":\"started\",\"trial\":(\\d+),\"parameters\":(\\{[^}]*\\})");
    private static final Pattern FINISHED = Pattern.compile("\\{\"event\":\"finished\",\"trial\":(\\d+),\"state\":\"(\\w+)\",\"value\":([^,]+),");

    @TempDir
    Path tmp;

    private Process start(String name, Path home, String command) throws IOException {
        return new ProcessBuilder(Dendrite.command("--home", home.toString(), "-c", command))
                .redirectOutput(tmp.resolve(name + ".out").toFile()).redirectError(tmp.resolve(name + ".err").toFile()).start();
    }

    private String finish(String name, Process process) throws Exception {
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), name + " did not exit within 5 minutes");
        String err = Files.readString(tmp.resolve(name + ".err")).replaceAll(Dendrite.INCUBATOR_NOTE, "");
        assertEquals(0, process.exitValue(), name + ": " + err + Files.readString(tmp.resolve(name + ".out")));
        return Files.readString(tmp.resolve(name + ".out"));
    }

    /**
     * As {@link Dendrite#await}, for up to 3 minutes (three JVMs booting and training on a loaded
     * machine), failing at once when a worker has exited; the workers' state and the end of their
     * output are in the message when it fails.
     */
    private void awaitWorkers(List<Process> workers, String what, Dendrite.Condition condition) throws Exception {
        try {
            Dendrite.await(what, Duration.ofMinutes(3), () -> {
                assertTrue(workers.stream().allMatch(Process::isAlive), "a worker exited");
                return condition.holds();
            });
        } catch (AssertionError e) { // the timeout, or a worker that exited
            StringBuilder states = new StringBuilder(e.getMessage());
            for (int i = 0; i < workers.size(); i++) {
                Process p = workers.get(i);
                states.append("\nworker").append(i).append(p.isAlive() ? " running" : " exited " + p.exitValue());
                for (String stream : List.of(".out", ".err")) {
                    String text = Files.readString(tmp.resolve("worker" + i + stream));
                    states.append("\n  ").append(stream).append(": ").append(text.substring(Math.max(0, text.length() - 600)));
                }
            }
            workers.forEach(Process::destroyForcibly);
            throw new AssertionError(states.toString(), e);
        }
    }

    /** Trial number → "parameters → state value", from a journal. */
    private static Map<Integer, String> outcomes(Path journal) throws IOException {
        String text = Files.readString(journal);
        Map<Integer, String> parameters = new TreeMap<>();
        STARTED.matcher(text).results().forEach(m -> parameters.put(Integer.valueOf(m.group(1)), m.group(2)));
        Map<Integer, String> outcomes = new TreeMap<>();
        Matcher m = FINISHED.matcher(text);
        while (m.find()) {
            String previous = outcomes.put(Integer.valueOf(m.group(1)), parameters.get(Integer.valueOf(m.group(1))) + " → " + m.group(2) + " " + m.group(3));
            assertEquals(null, previous, "trial " + m.group(1) + " finished twice in " + journal);
        }
        return outcomes;
    }

    /** The trial the process {@code pid} is training, or null. */
    private static Integer running(Connection c, long pid) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT number FROM dendrite_trials WHERE state = 'RUNNING' AND worker LIKE ?")) {
            s.setString(1, "%/" + pid + "/%");
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : null;
            }
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor());
    }

    @Test
    void threeWorkersOneKilledMidTrialFinishEveryTrialOnceWithTheOutcomesOfOneProcess(PostgresServer.Running server) throws Exception {
        Path single = Dendrite.privateDistribution(tmp.resolve("single"));
        finish("single", start("single", single, TUNE));
        Map<Integer, String> expected = outcomes(single.resolve("studies/g.jsonl"));
        assertEquals(30, expected.size());

        String url = server.newDatabase("workers");
        Path home = Dendrite.privateDistribution(tmp.resolve("workers"));
        Files.writeString(home.resolve("etc/dev.dendrite.studies.cfg"),
                "storage = " + url + "\nuser = " + server.user() + "\nheartbeat = 0.5\ngrace = 3\nretries = 1\n");
        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // worker 1 finds the database in the configuration, the others are told
            workers.add(start("worker" + i, home, TUNE + (i == 1 ? "" : " --storage " + url)));
        }
        Process victim = workers.get(1);
        Integer lost;
        try (Connection c = server.connect(url.substring(url.lastIndexOf('/') + 1))) {
            awaitWorkers(workers, "the three workers have trained 5 trials and worker 1 trains one", () -> {
                try (ResultSet r = c.createStatement().executeQuery("SELECT to_regclass('dendrite_trials') IS NULL")) {
                    r.next();
                    if (r.getBoolean(1)) {
                        return false; // no worker has created the schema yet
                    }
                }
                try (ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM dendrite_trials WHERE state = 'COMPLETE'")) {
                    r.next();
                    if (r.getInt(1) < 5 || running(c, victim.pid()) == null) {
                        return false;
                    }
                }
                signal("STOP", victim.pid()); // frozen, it cannot finish the trial between the look and the kill
                if (running(c, victim.pid()) == null) {
                    signal("CONT", victim.pid());
                    return false;
                }
                return true;
            });
            lost = running(c, victim.pid());
            signal("KILL", victim.pid());
            assertTrue(victim.waitFor(30, TimeUnit.SECONDS), "the worker did not die of kill -9");
            assertNotNull(lost);

            String first = finish("worker0", workers.get(0));
            String last = finish("worker2", workers.get(2));
            for (String out : List.of(first, last)) {
                assertTrue(out.contains("\n30 trials: 30 complete, 0 pruned, 0 failed; 9000 epochs; "), "the leaderboard is global: " + out);
            }

            try (ResultSet r = c.createStatement().executeQuery("SELECT number, state, claims, worker FROM dendrite_trials ORDER BY number")) {
                int n = 0;
                while (r.next()) {
                    assertEquals(n, r.getInt("number"));
                    assertEquals("COMPLETE", r.getString("state"), "trial " + n);
                    assertEquals(n == lost ? 2 : 1, r.getInt("claims"), "trial " + n + (n == lost ? ", the killed worker's, ran again" : " ran once"));
                    if (n == lost) {
                        assertTrue(!r.getString("worker").contains("/" + victim.pid() + "/"), "a survivor finished trial " + n);
                    }
                    n++;
                }
                assertEquals(30, n, "exactly 30 trials");
            }
        }

        String exported = finish("export", start("export", home, "ml:study g --export " + tmp.resolve("g.jsonl") + "; ml:studies"));
        assertTrue(exported.startsWith("exported study g to " + tmp.resolve("g.jsonl")), exported);
        assertTrue(exported.contains("\ng     spirals  grid      30/30   30        0       0       0        val_accuracy  "), exported);
        assertTrue(exported.endsWith("\nstudy database: " + url.replace("//", "//" + server.user() + "@") + "\n"), exported);
        assertEquals(expected, outcomes(tmp.resolve("g.jsonl")), "the same (parameters → objective) as one process");
    }
}
