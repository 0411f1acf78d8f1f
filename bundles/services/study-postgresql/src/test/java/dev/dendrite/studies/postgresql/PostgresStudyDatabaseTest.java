package dev.dendrite.studies.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialState;
import dev.dendrite.api.tuning.shared.Claim;
import dev.dendrite.api.tuning.shared.SharedStudy;
import dev.dendrite.api.tuning.shared.SharedTrial;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.osgi.PGDataSourceFactory;

/** The study database's claims, proposals, heartbeats, stale trials and schema, against a real PostgreSQL server. */
@ExtendWith(PostgresServer.class)
class PostgresStudyDatabaseTest {
    private static final String HEADER = "{\"event\":\"study\"}";

    private PostgresServer.Running server;
    private String url;
    private PostgresStudyDatabase db;

    @BeforeEach
    void open(PostgresServer.Running server) {
        this.server = server;
        url = server.newDatabase("unit");
        db = open(url);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private PostgresStudyDatabase open(String url) {
        return PostgresStudies.open(new PGDataSourceFactory(), DatabaseUrl.parse(url, server.user(), "", Map.of()), 12);
    }

    private static SharedTrial queued(int n) {
        return new SharedTrial(TrialRecord.running(n, Map.of("lr", 0.1 * n, "units", (long) n), 10), 0, 0);
    }

    /** A study of {@code count} queued trials. */
    private void queuedStudy(String name, int count) {
        List<SharedTrial> trials = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            trials.add(queued(i));
        }
        db.importStudy(new SharedStudy(name, HEADER, count, 0, trials));
    }

    private static Optional<SharedTrial> next(SharedStudy s) {
        int n = s.trialList().size();
        return n >= s.trials() ? Optional.empty() : Optional.of(new SharedTrial(TrialRecord.running(n, Map.of("x", (long) n), 5), n, 1));
    }

    private static TrialRecord complete(Claim c, double value) {
        return new TrialRecord(c.trial().number(), c.trial().parameters(), c.trial().budget(), TrialState.COMPLETE, value, List.of(value), null);
    }

    @Test
    void eightWorkersClaimingAtOnceClaimEachOfTwoHundredQueuedTrialsExactlyOnce() throws Exception {
        queuedStudy("q", 200);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<Integer>>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            String worker = "w" + w;
            workers.add(pool.submit(() -> {
                List<Integer> mine = new ArrayList<>();
                for (Optional<Claim> c = db.claim("q", worker); c.isPresent(); c = db.claim("q", worker)) {
                    mine.add(c.get().trial().number());
                    assertEquals(1, c.get().number(), "the first claim of the trial");
                }
                return mine;
            }));
        }
        List<Integer> all = new ArrayList<>();
        for (Future<List<Integer>> f : workers) {
            all.addAll(f.get());
        }
        pool.shutdown();
        Collections.sort(all);
        assertEquals(200, all.size(), "claims in all");
        for (int i = 0; i < 200; i++) {
            assertEquals(i, all.get(i), "trial " + i + " claimed once");
        }
        assertTrue(db.read("q").orElseThrow().trialList().stream().allMatch(t -> t.claims() == 1));
    }

    @Test
    void concurrentProposalsNumberTrialsWithoutGapsOrDuplicates() throws Exception {
        db.create("p", HEADER, 60, 0);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            String worker = "w" + w;
            workers.add(pool.submit(() -> {
                int count = 0;
                while (db.propose("p", worker, PostgresStudyDatabaseTest::next).isPresent()) {
                    count++;
                }
                return count;
            }));
        }
        int total = 0;
        for (Future<Integer> f : workers) {
            total += f.get();
        }
        pool.shutdown();
        assertEquals(60, total);
        List<SharedTrial> trials = db.read("p").orElseThrow().trialList();
        assertEquals(60, trials.size());
        for (int i = 0; i < 60; i++) {
            assertEquals(i, trials.get(i).record().number());
            assertEquals(Map.of("x", (long) i), trials.get(i).record().parameters(), "parameters round-trip");
            assertEquals(i, trials.get(i).visible());
        }
    }

    @Test
    void aProposalFromTrialKReadsOnlyTheTrialsFromKOn() {
        db.create("f", HEADER, 10, 0);
        for (int i = 0; i < 4; i++) {
            db.propose("f", "w", PostgresStudyDatabaseTest::next).orElseThrow();
        }
        List<Integer> read = new ArrayList<>();
        Claim fifth = db.propose("f", "w", 3, s -> {
            s.trialList().forEach(t -> read.add(t.record().number()));
            return Optional.of(new SharedTrial(TrialRecord.running(3 + s.trialList().size(), Map.of("x", 4L), 5), 4, 1));
        }).orElseThrow();
        assertEquals(List.of(3), read, "trials 0 … 2 are the caller's");
        assertEquals(4, fifth.trial().number());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> db.propose("f", "w", 3,
                s -> Optional.of(new SharedTrial(TrialRecord.running(3, Map.of(), 5), 3, 1))));
        assertEquals("trial 3 proposed; the next is 5", e.getMessage());
        assertEquals(5, db.read("f").orElseThrow().trialList().size(), "the refused proposal inserted nothing");
    }

    @Test
    void aStaleTrialIsQueuedAgainAndTheLostClaimsResultIsNotCounted() throws Exception {
        db.create("s", HEADER, 1, 0);
        Claim first = db.propose("s", "dead", PostgresStudyDatabaseTest::next).orElseThrow();
        db.report(first, List.of(0.25));
        Thread.sleep(300);
        assertEquals(List.of(0), db.requeueStale("s", Duration.ofMillis(200), 2));
        Claim second = db.claim("s", "alive").orElseThrow();
        assertEquals(2, second.number(), "the second claim");
        assertEquals(List.of(), db.read("s").orElseThrow().trialList().get(0).record().values(), "the lost claim's reports are gone");
        db.report(second, List.of(0.3, Double.NaN));
        assertEquals(List.of(0.3, Double.NaN), db.read("s").orElseThrow().trialList().get(0).record().values(), "the reports so far");

        db.report(first, List.of(0.25, 0.5));
        assertFalse(db.finish(first, complete(first, 0.99)), "the dead worker's late result is refused");
        assertTrue(db.finish(second, complete(second, 0.75)));
        assertFalse(db.finish(second, complete(second, 0.1)), "a result is counted once");

        SharedTrial t = db.read("s").orElseThrow().trialList().get(0);
        assertEquals(TrialState.COMPLETE, t.record().state());
        assertEquals(0.75, t.record().value());
        assertEquals(List.of(0.75), t.record().values());
        assertEquals(2, t.claims());
    }

    @Test
    void heartbeatsKeepATrialAndOnlyItsWorkersTrial() throws Exception {
        db.create("h", HEADER, 2, 0);
        Claim kept = db.propose("h", "beating", PostgresStudyDatabaseTest::next).orElseThrow();
        Claim lost = db.propose("h", "silent", PostgresStudyDatabaseTest::next).orElseThrow();
        for (int i = 0; i < 6; i++) {
            Thread.sleep(100);
            db.beat("beating");
        }
        assertEquals(List.of(lost.trial().number()), db.requeueStale("h", Duration.ofMillis(400), 2));
        assertEquals(List.of(), db.requeueStale("h", Duration.ofMillis(400), 2), "queued once");
        assertTrue(db.finish(kept, complete(kept, 1)));
    }

    @Test
    void aTrialWhoseWorkersKeepDyingFailsAfterItsRetries() throws Exception {
        db.create("r", HEADER, 1, 0);
        db.propose("r", "a", PostgresStudyDatabaseTest::next).orElseThrow();
        Thread.sleep(60);
        assertEquals(List.of(0), db.requeueStale("r", Duration.ofMillis(50), 1));
        db.claim("r", "b").orElseThrow();
        Thread.sleep(60);
        assertEquals(List.of(0), db.requeueStale("r", Duration.ofMillis(50), 1));
        TrialRecord t = db.read("r").orElseThrow().trialList().get(0).record();
        assertEquals(TrialState.FAILED, t.state());
        assertEquals("its worker stopped beating, 2 times (last: b)", t.message());
        assertTrue(db.claim("r", "c").isEmpty(), "a failed trial is not queued");
    }

    @Test
    void aReleasedTrialGoesBackToTheQueueWithoutUsingARetry() {
        db.create("l", HEADER, 1, 0);
        Claim c = db.propose("l", "a", PostgresStudyDatabaseTest::next).orElseThrow();
        db.release(c);
        Claim again = db.claim("l", "b").orElseThrow();
        assertEquals(1, again.number());
        assertFalse(db.finish(c, complete(c, 1)), "the released claim is void");
    }

    @Test
    void importKeepsFinishedTrialsAndQueuesTheOthersAndRefusesAnExistingName() {
        TrialRecord done = new TrialRecord(0, Map.of("lr", 0.5), 3, TrialState.PRUNED, 0.25, List.of(0.5, Double.NaN, 0.25), null);
        SharedStudy study = new SharedStudy("i", HEADER, 5, 100, List.of(new SharedTrial(done, 0, 1), queued(1)));
        db.importStudy(study);
        SharedStudy read = db.read("i").orElseThrow();
        assertEquals(HEADER, read.header());
        assertEquals(5, read.trials());
        assertEquals(100, read.totalEpochs());
        assertEquals(done, read.trialList().get(0).record());
        assertEquals(1, db.claim("i", "w").orElseThrow().trial().number());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> db.importStudy(study));
        assertTrue(e.getMessage().startsWith("study i exists already in postgresql://dendrite@127.0.0.1:"), e.getMessage());
        assertEquals(List.of("i"), db.names());
    }

    @Test
    void createIsAtomicAndKeepsTheFirstHeader() {
        assertEquals("{\"a\":1}", db.create("c", "{\"a\":1}", 3, 0));
        assertEquals("{\"a\":1}", db.create("c", "{\"b\":2}", 3, 0));
        db.limits("c", 9, 50);
        assertEquals(9, db.read("c").orElseThrow().trials());
        assertTrue(db.read("none").isEmpty());
    }

    @Test
    void theSchemaIsCreatedOnceAndANewerOneIsRefusedInOneLine() throws Exception {
        try (Connection c = server.connect(url.substring(url.lastIndexOf('/') + 1)); Statement s = c.createStatement()) {
            var r = s.executeQuery("SELECT version FROM dendrite_schema");
            assertTrue(r.next());
            assertEquals(1, r.getInt(1));
            assertFalse(r.next());
            open(url).close(); // a second process finds version 1 and changes nothing
            r = s.executeQuery("SELECT count(*) FROM dendrite_schema");
            r.next();
            assertEquals(1, r.getInt(1));
            s.execute("INSERT INTO dendrite_schema (version) VALUES (2)");
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> open(url));
        assertEquals("the study database " + url.replace("//", "//dendrite@") + " has schema version 2, newer than this Dendrite knows (1):"
                + " use the Dendrite that wrote it, or a newer one", e.getMessage());
    }

    @Test
    void aDatabaseOutOfReachIsOneLineWithoutThePassword() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String secret = "s3cr3t-pw";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PostgresStudies.open(new PGDataSourceFactory(),
                DatabaseUrl.parse("postgresql://bob:" + secret + "@127.0.0.1:" + closed + "/x", "", "", Map.of()), 2));
        assertTrue(e.getMessage().startsWith("study database postgresql://bob:***@127.0.0.1:" + closed + "/x: Connection to 127.0.0.1:"
                + closed + " refused"), e.getMessage());
        assertFalse(e.getMessage().contains(secret));
        assertFalse(e.getMessage().contains("\n"));
    }
}
