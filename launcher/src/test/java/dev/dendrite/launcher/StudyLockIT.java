package dev.dendrite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two launcher processes on one study: the second is refused, naming the first, while the first
 * runs; the journal stays readable meanwhile; after the first is killed (kill -9) the study
 * resumes, and every trial is in the journal and the leaderboard once.
 */
class StudyLockIT {
    private static final String TUNE = "ml:tune --space \"lr=loguniform(0.01,1); units=int(2,12)\" --strategy random --epochs 50"
            + " --parallel 1 --pruner none --study s spirals --trials ";
    private static final Pattern FINISHED = Pattern.compile("\\{\"event\":\"finished\",\"trial\":(\\d+),");

    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {
    }

    private Process start(String name, Path home, String command) throws IOException {
        return new ProcessBuilder(Dendrite.command("--home", home.toString(), "-c", command))
                .redirectOutput(tmp.resolve(name + ".out").toFile()).redirectError(tmp.resolve(name + ".err").toFile()).start();
    }

    private Run run(String name, Path home, String command) throws Exception {
        Process process = start(name, home, command);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), name + " did not exit within 120 s");
        return new Run(process.exitValue(), Files.readString(tmp.resolve(name + ".out")),
                Files.readString(tmp.resolve(name + ".err")).replaceAll(Dendrite.INCUBATOR_NOTE, ""));
    }

    /** The trial numbers of the journal's finished events, in order. */
    private static List<Integer> finished(Path journal) throws IOException {
        Matcher m = FINISHED.matcher(Files.readString(journal));
        return m.results().map(r -> Integer.valueOf(r.group(1))).toList();
    }

    @Test
    void aSecondProcessOnARunningStudyIsRefusedNamingTheFirstAndTheStudyResumesAfterKill9() throws Exception {
        Path home = Dendrite.privateDistribution(tmp);
        Path journal = home.resolve("studies/s.jsonl");
        Process first = start("first", home, TUNE + 100000);
        try {
            Dendrite.await("two finished trials", () -> Files.exists(journal) && finished(journal).size() >= 2);

            Run second = run("second", home, TUNE + 100000);
            assertEquals(1, second.status(), second.out());
            String lock = Pattern.quote(home.resolve("studies/s.lock").toString());
            assertTrue(second.err().matches("error: study s is in use by process " + first.pid() + " on host \\S+ since \\d\\d:\\d\\d:\\d\\d"
                    + " \\(lock " + lock + "\\); wait for it or use another --study name\\n"), second.err());

            Run reading = run("reading", home, "ml:study s --top 1; ml:studies");
            assertEquals(0, reading.status(), reading.err());
            assertTrue(reading.out().startsWith("study s: random on spirals, 100000 trials of 50 epochs"), reading.out());
            assertTrue(reading.out().contains("\ns     spirals  random    "), reading.out());
        } finally {
            new ProcessBuilder("sh", "-c", "kill -KILL " + first.pid()).inheritIO().start().waitFor();
            assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the first process did not die of kill -9");
        }

        int trials = finished(journal).size() + 3;
        Run resumed = run("resumed", home, TUNE + trials);
        assertEquals(0, resumed.status(), resumed.err());
        List<Integer> done = finished(journal);
        assertEquals(trials, done.size(), "every trial finished once in the journal");
        assertEquals(trials, done.stream().distinct().count(), "no trial finished twice: " + done);

        Run study = run("study", home, "ml:study s --top " + trials);
        assertEquals(0, study.status(), study.err());
        List<String> ranked = study.out().lines().dropWhile(l -> !l.startsWith("rank")).skip(1).toList();
        assertEquals(trials, ranked.size(), study.out());
        assertEquals(trials, ranked.stream().map(l -> l.split("\\s+")[1]).distinct().count(), "each trial once: " + study.out());
    }
}
