package dev.dendrite.tuning;

import java.time.Duration;

/**
 * How workers of a study in a shared storage watch each other: each beats every {@code interval}
 * for the trials it runs; a trial whose last beat is older than {@code grace} is stale (its worker
 * died or lost the database) and is queued again, up to {@code retries} times, then failed.
 * Configuration {@code dev.dendrite.studies}: {@code heartbeat}, {@code grace} (seconds), {@code retries}.
 */
record Heartbeat(Duration interval, Duration grace, int retries) {

    Heartbeat {
        if (interval.isNegative() || interval.isZero() || grace.compareTo(interval) <= 0 || retries < 0) {
            throw new IllegalArgumentException("configuration dev.dendrite.studies: heartbeat " + interval.toMillis() / 1000.0 + " s, grace "
                    + grace.toMillis() / 1000.0 + " s, retries " + retries
                    + ": the heartbeat must be positive, the grace longer than it, the retries 0 or more");
        }
    }

    /** From seconds, as the configuration gives them. */
    static Heartbeat of(double intervalSeconds, double graceSeconds, int retries) {
        return new Heartbeat(Duration.ofMillis(Math.round(intervalSeconds * 1000)), Duration.ofMillis(Math.round(graceSeconds * 1000)), retries);
    }
}
