package dev.dendrite.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.nn.Model;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.tuning.Study;
import dev.dendrite.api.tuning.StudyListener;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialState;
import dev.dendrite.api.tuning.shared.Claim;
import dev.dendrite.api.tuning.shared.SharedStudy;
import dev.dendrite.api.tuning.shared.SharedTrial;
import dev.dendrite.api.tuning.shared.StudyDatabase;
import dev.dendrite.studies.postgresql.PostgresServer;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Studies kept in a real PostgreSQL server, worked on by several workers at once (each with its own
 * connection pool, as separate processes have): every strategy gives the trials of one process with
 * a journal; a worker that dies mid-trial loses it to the others; studies move between journal and
 * database.
 */
@ExtendWith(PostgresServer.class)
class SharedStudiesTest {
    private static final String SPACE = "lr=loguniform(0.01,1); units=int(2,12); activation=choice(tanh,relu)";
    private static final Heartbeat FAST = Heartbeat.of(0.2, 1.5, 2);

    @TempDir
    Path folder;

    private static StudySettings settings(String strategy, int trials, int parallel) {
        return StudySettings.builder("moons", SPACE).name("s").strategy(strategy)
                .options(strategy.equals("grid") ? Map.of("grid-points", "2") : Map.of("startup", "4")).trials(trials)
                .epochs(6).parallel(parallel).lag(4).build();
    }

    private Studies shared(StudyDatabase database, dev.dendrite.api.nn.Trainer trainer) {
        return Fixtures.studies(trainer, folder).in(new DatabaseStorage(database, FAST));
    }

    /** The study run by one process with a journal, as its journal reads back. */
    private List<TrialRecord> reference(StudySettings s, String dir) {
        Fixtures.studies(Fixtures.trainer(), folder.resolve(dir)).tune(s, StudyListener.NONE);
        return Fixtures.studies(Fixtures.trainer(), folder.resolve(dir)).study(s.name()).trials();
    }

    /** Runs {@code workers} workers on the study at once, each with its own pool, and returns what each one's run returned. */
    private List<Study> together(PostgresServer.Running server, String url, StudySettings s, int workers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<Study>> runs = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            StudyDatabase own = server.database(url);
            runs.add(pool.submit(() -> shared(own, Fixtures.trainer()).tune(s, StudyListener.NONE)));
        }
        List<Study> studies = new ArrayList<>();
        for (Future<Study> f : runs) {
            studies.add(f.get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();
        return studies;
    }

    @Test
    void threeWorkersGiveEveryStrategyTheTrialsOfOneProcessEachTrainedOnce(PostgresServer.Running server) throws Exception {
        for (String strategy : List.of("grid", "random", "tpe", "halving")) {
            StudySettings s = settings(strategy, 14, 1);
            List<TrialRecord> one = reference(s, strategy);
            String url = server.newDatabase("workers");
            List<Study> runs = together(server, url, s, 3);
            SharedStudy stored = server.database(url).read("s").orElseThrow();
            assertEquals(one, stored.trialList().stream().map(SharedTrial::record).toList(), strategy);
            assertTrue(stored.trialList().stream().allMatch(t -> t.claims() == 1), strategy + ": each trial claimed once");
            for (Study run : runs) {
                assertEquals(one, run.trials(), strategy + ": every worker ends with the global leaderboard");
            }
            if (strategy.equals("random")) {
                assertTrue(one.stream().anyMatch(t -> t.state() == TrialState.PRUNED), "the median pruner took part: " + one);
            }
        }
    }

    /**
     * A database that dies for one worker, as a killed process stops: after {@link #kill} every
     * call of that worker fails (no more heartbeats, no result).
     */
    private static final class Dying {
        volatile boolean dead;

        StudyDatabase wrap(StudyDatabase real) {
            return (StudyDatabase) Proxy.newProxyInstance(StudyDatabase.class.getClassLoader(), new Class<?>[] {StudyDatabase.class},
                    (proxy, method, args) -> {
                        if (dead) {
                            throw new IllegalStateException("killed");
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    @Test
    void aTrialWhoseWorkerDiesIsTrainedAgainByAnotherAndCountedOnce(PostgresServer.Running server) throws Exception {
        StudySettings s = settings("random", 10, 1);
        List<TrialRecord> one = reference(s, "ref");
        String url = server.newDatabase("dying");
        Dying dying = new Dying();
        CountDownLatch training = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        dev.dendrite.api.nn.Trainer hanging = new StudiesTest.CountingTrainer(0) {
            @Override
            public TrainingResult train(TrainingRequest request, DataSplit data, TrainingListener listener, Model start) {
                training.countDown();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("the dead worker's trial");
            }
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Study> doomed = pool.submit(() -> shared(dying.wrap(server.database(url)), hanging).tune(s, StudyListener.NONE));
        assertTrue(training.await(60, TimeUnit.SECONDS));
        dying.dead = true;

        Study survivor = shared(server.database(url), Fixtures.trainer()).tune(s, StudyListener.NONE);
        assertEquals(one, survivor.trials(), "the survivor trained the dead worker's trial again, with the same outcome");
        List<SharedTrial> stored = server.database(url).read("s").orElseThrow().trialList();
        assertEquals(2, stored.get(0).claims(), "trial 0 was claimed by the dead worker, then by the survivor");
        assertTrue(stored.stream().skip(1).allMatch(t -> t.claims() == 1));

        never.countDown();
        assertThrows(Exception.class, () -> doomed.get(60, TimeUnit.SECONDS), "the dead worker cannot record anything");
        pool.shutdown();
        assertEquals(one, server.database(url).read("s").orElseThrow().trialList().stream().map(SharedTrial::record).toList());
    }

    @Test
    void anInterruptedWorkerGivesItsTrialBackAtOnceAndAResumeEndsAsOneRun(PostgresServer.Running server) throws Exception {
        StudySettings s = settings("random", 6, 1);
        List<TrialRecord> one = reference(s, "ref");
        String url = server.newDatabase("interrupted");
        CountDownLatch training = new CountDownLatch(1);
        dev.dendrite.api.nn.Trainer stuck = new StudiesTest.CountingTrainer(0) {
            @Override
            public TrainingResult train(TrainingRequest request, DataSplit data, TrainingListener listener, Model start) {
                if (calls.incrementAndGet() < 3) {
                    return Fixtures.trainer().train(request, data, listener, start);
                }
                training.countDown();
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    throw new dev.dendrite.api.nn.TrainingInterruptedException("interrupted", null);
                }
                throw new AssertionError("not interrupted");
            }
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Study> run = pool.submit(() -> shared(server.database(url), stuck).tune(s, StudyListener.NONE));
        assertTrue(training.await(60, TimeUnit.SECONDS));
        run.cancel(true); // Ctrl-C: the thread running the study is interrupted
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        List<SharedTrial> left = server.database(url).read("s").orElseThrow().trialList();
        assertEquals(3, left.size(), "two trials done, the third given back: " + left);
        assertEquals(0, left.get(2).claims(), "given back without using a retry");
        assertEquals(TrialState.RUNNING, left.get(2).record().state(), "queued again (RUNNING in the record)");
        assertEquals(java.util.Optional.of(2), server.database(url).claim("s", "probe").map(c -> c.trial().number()),
                "claimable at once, no grace period");

        Study resumed = shared(server.database(url), Fixtures.trainer()).tune(s, StudyListener.NONE);
        assertEquals(one, resumed.trials(), "the probe's silent claim went stale; the resumed study is the uninterrupted one");
    }

    @Test
    void aStudyMovesFromAJournalIntoTheDatabaseAndBackAndResumesThere(PostgresServer.Running server) throws Exception {
        StudySettings s = settings("tpe", 12, 1);
        List<TrialRecord> uninterrupted = reference(s, "whole");

        StudiesTest.CountingTrainer crashing = new StudiesTest.CountingTrainer(7);
        assertThrows(StudiesTest.Crash.class, () -> Fixtures.studies(crashing, folder.resolve("part")).tune(s, StudyListener.NONE));
        Studies journals = Fixtures.studies(Fixtures.trainer(), folder.resolve("part"));
        Study part = journals.study("s");
        assertTrue(part.trials().stream().anyMatch(t -> !t.finished()), "a trial was running when the process died");

        Studies database = shared(server.database(server.newDatabase("moved")), Fixtures.trainer());
        Study imported = database.importStudy("moved", folder.resolve("part/s.jsonl"));
        assertEquals(part.trials(), imported.trials());
        assertEquals("moved", imported.settings().name());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> database.importStudy("moved", folder.resolve("part/s.jsonl")));
        assertTrue(twice.getMessage().startsWith("study moved exists already in postgresql://dendrite@127.0.0.1:"), twice.getMessage());

        StudiesTest.CountingTrainer counting = new StudiesTest.CountingTrainer(0);
        Study resumed = shared(server.database(url(database)), counting).tune(s.toBuilder().name("moved").build(), StudyListener.NONE);
        assertEquals(uninterrupted, resumed.trials(), "resumed in the database: the trials of the uninterrupted run");
        assertEquals(part.trials().stream().filter(t -> !t.finished()).count() + 12 - part.trials().size(), counting.calls.get(),
                "only the unfinished and the missing trials were trained");

        Study exported = database.export("moved", folder.resolve("back.jsonl"));
        assertEquals(uninterrupted, exported.trials());
        assertEquals(uninterrupted, journals.importStudy("back", folder.resolve("back.jsonl")).trials(), "the export reads as a journal");
        assertEquals("study moved is kept in " + database.storage() + ", where it cannot be damaged: --repair applies to journal files",
                assertThrows(IllegalArgumentException.class, () -> database.repair("moved")).getMessage());
    }

    private static String url(Studies studies) {
        return studies.storage().replace("dendrite@", "");
    }

    @Test
    void aWorkerWithOtherSettingsIsRefusedNamingThem(PostgresServer.Running server) {
        StudyDatabase database = server.database(server.newDatabase("other"));
        shared(database, Fixtures.trainer()).tune(settings("grid", 2, 1), StudyListener.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> shared(database, Fixtures.trainer()).tune(settings("random", 2, 1), StudyListener.NONE));
        assertTrue(e.getMessage().startsWith("study s exists with other settings: strategy \"grid\" (now \"random\")"), e.getMessage());
        Claim none = database.claim("s", "late").orElse(null);
        assertEquals(null, none, "nothing left to claim");
    }
}
