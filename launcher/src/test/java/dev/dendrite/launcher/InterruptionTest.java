package dev.dendrite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InterruptionTest {

    private final AtomicInteger exits = new AtomicInteger();
    private final Interruption interruption = new Interruption(exits::incrementAndGet);
    private Sleeper gogoStatement;
    private Sleeper otherThread;

    /** A thread that sleeps until interrupted, and says whether it was. */
    private static final class Sleeper extends Thread {
        private final CountDownLatch interrupted = new CountDownLatch(1);

        Sleeper(String name) {
            super(name);
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        }

        boolean wasInterrupted() throws InterruptedException {
            return interrupted.await(5, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void stopSleepers() {
        for (Sleeper sleeper : new Sleeper[] {gogoStatement, otherThread}) {
            if (sleeper != null) {
                sleeper.interrupt();
            }
        }
    }

    @Test
    void noSignalNoInterruption() {
        assertFalse(interruption.happened());
    }

    @Test
    void aSignalInterruptsTheThreadsRunningGogoStatementsOnly() throws Exception {
        gogoStatement = new Sleeper("pipe-ml:train xor");
        otherThread = new Sleeper("FelixStartLevel");

        interruption.during(() -> {
            interruption.signalled();
            return null;
        });

        assertTrue(interruption.happened());
        assertTrue(gogoStatement.wasInterrupted());
        assertEquals(1, otherThread.interrupted.getCount());
        assertEquals(0, exits.get());
    }

    @Test
    void aSignalWhileAStatementStartsWaitsForItsThread() throws Exception {
        CountDownLatch signalled = new CountDownLatch(1);
        interruption.during(() -> {
            Thread signal = new Thread(() -> {
                interruption.signalled();
                signalled.countDown();
            });
            signal.start();
            assertFalse(signalled.await(100, TimeUnit.MILLISECONDS), "the signal did not wait for the statement's thread");
            gogoStatement = new Sleeper("pipe-ml:train xor");
            return gogoStatement.wasInterrupted();
        });

        assertTrue(gogoStatement.wasInterrupted());
        assertTrue(signalled.await(5, TimeUnit.SECONDS));
    }

    @Test
    void aSignalBetweenStatementsIsOnlyNoted() {
        interruption.signalled(); // returns: no statement runs

        assertTrue(interruption.happened());
        assertEquals(0, exits.get());
    }

    @Test
    void aSecondSignalExits() {
        interruption.signalled();
        interruption.signalled();

        assertEquals(1, exits.get());
    }
}
