package dev.dendrite.tuning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.tuning.Study;
import dev.dendrite.api.tuning.StudyInfo;
import dev.dendrite.api.tuning.StudyListener;
import dev.dendrite.api.tuning.StudySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal damaged as two processes appending to it at once left one (before studies were
 * locked: a trial finished twice) is listed with its problem beside the good ones, explained by
 * {@code study}, refused by a resume, repaired to its valid prefix or exported.
 */
class DamagedJournalTest {
    @TempDir
    Path folder;

    private Studies studies;
    private byte[] intact;
    private String problem;

    private static StudySettings settings(String name, int trials) {
        return StudySettings.builder("moons", "lr=loguniform(0.01,1); units=int(2,12)").strategy("random").trials(trials)
                .epochs(3).parallel(1).name(name).build();
    }

    /** Studies good and bad of 3 trials each; bad's first finished line written twice. */
    @BeforeEach
    void damage() throws IOException {
        studies = Fixtures.studies(Fixtures.trainer(), folder);
        studies.tune(settings("good", 3), StudyListener.NONE);
        studies.tune(settings("bad", 3), StudyListener.NONE);
        Path bad = folder.resolve("bad.jsonl");
        intact = Files.readAllBytes(bad);
        List<String> lines = Files.readAllLines(bad);
        String finished = lines.stream().filter(l -> l.startsWith("{\"event\":\"finished\",\"trial\":0,")).findFirst().orElseThrow();
        Files.writeString(bad, finished + "\n", StandardOpenOption.APPEND);
        problem = "line " + (lines.size() + 1) + ": trial 0 finished but not running";
    }

    @Test
    void aDamagedJournalIsListedWithItsProblemAndTheOthersNormally() {
        List<StudyInfo> list = studies.list();
        assertEquals(List.of("bad", "good"), list.stream().map(StudyInfo::name).toList());
        assertEquals(problem, list.get(0).problem());
        assertEquals(3, list.get(0).study().trials().size(), "the valid prefix");
        assertEquals(folder.resolve("bad.jsonl"), list.get(0).journal());
        assertNull(list.get(1).problem());
        assertEquals(List.of("good"), studies.studies().stream().map(s -> s.settings().name()).toList());
    }

    @Test
    void readingOrResumingADamagedStudySaysTheProblemAndHowToRepair() {
        String message = "study bad is damaged: " + folder.resolve("bad.jsonl") + " " + problem + "; ml:study bad --repair keeps the 3"
                + " trials before that line (setting the original aside), ml:study bad --export FILE.jsonl copies them";
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> studies.study("bad")).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> studies.tune(settings("bad", 4), StudyListener.NONE)).getMessage());
    }

    @Test
    void repairKeepsTheValidPrefixSetsTheOriginalAsideAndTheStudyResumes() throws IOException {
        byte[] damaged = Files.readAllBytes(folder.resolve("bad.jsonl"));
        Path aside = studies.repair("bad");
        assertTrue(aside.getFileName().toString().matches("bad\\.jsonl\\.damaged-\\d{8}-\\d{6}"), aside.toString());
        assertArrayEquals(damaged, Files.readAllBytes(aside));
        assertArrayEquals(intact, Files.readAllBytes(folder.resolve("bad.jsonl")));
        assertTrue(studies.list().stream().allMatch(s -> s.problem() == null));
        assertEquals("study bad is not damaged: nothing to repair (" + folder.resolve("bad.jsonl") + ")",
                assertThrows(IllegalArgumentException.class, () -> studies.repair("bad")).getMessage());

        StudiesTest.CountingTrainer counting = new StudiesTest.CountingTrainer(0);
        Study resumed = Fixtures.studies(counting, folder).tune(settings("bad", 4), StudyListener.NONE);
        assertEquals(4, resumed.trials().size());
        assertEquals(1, counting.calls.get(), "the 3 kept trials are not trained again");
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("bad.jsonl", aside.getFileName().toString(), "bad.lock", "good.jsonl", "good.lock"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void exportWritesTheValidPrefixAndNotALineBeingWritten() throws IOException {
        Path copy = folder.resolve("elsewhere/bad-copy.jsonl");
        Study exported = studies.export("bad", copy);
        assertEquals(3, exported.trials().size());
        assertArrayEquals(intact, Files.readAllBytes(copy));

        byte[] good = Files.readAllBytes(folder.resolve("good.jsonl"));
        Files.writeString(folder.resolve("good.jsonl"), "{\"event\":\"started\",\"tri", StandardOpenOption.APPEND); // another process writing
        assertNull(studies.list().get(1).problem());
        studies.export("good", copy);
        assertArrayEquals(good, Files.readAllBytes(copy));
        assertEquals("no study named nope in " + folder + " (saved: bad, good)",
                assertThrows(IllegalArgumentException.class, () -> studies.export("nope", copy)).getMessage());
    }

    @Test
    void aJournalWhoseFirstLineIsBadIsListedAndCannotBeRepaired() throws IOException {
        Files.writeString(folder.resolve("junk.jsonl"), "not json\n");
        StudyInfo junk = studies.list().get(2);
        assertEquals("junk", junk.name());
        assertNull(junk.study());
        assertTrue(junk.problem().startsWith("line 1: "), junk.problem());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> studies.repair("junk")).getMessage()
                .startsWith("study junk has nothing valid to keep: " + folder.resolve("junk.jsonl") + " line 1: "));
        Files.writeString(folder.resolve("empty.jsonl"), "");
        assertEquals("the journal is empty", studies.list().get(1).problem());
    }

    @Test
    void aFailedCreateSaysWhy() {
        Path file = folder.resolve("good.jsonl");
        assertEquals("cannot create study journal " + file + ": the file exists already (" + file + ")",
                assertThrows(UncheckedIOException.class, () -> Journal.create(file, settings("good", 3), "val_accuracy", true)).getMessage());
    }
}
