package dev.dendrite.itests;

import static org.junit.Assert.fail;

import java.util.function.BooleanSupplier;

/** Waiting for the platform to react (DS and FileInstall work asynchronously). */
final class Await {

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting for: " + what);
            }
            Thread.sleep(100);
        }
    }
}
