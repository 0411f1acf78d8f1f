package dev.dendrite.studies.postgresql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialState;
import dev.dendrite.api.tuning.shared.Claim;
import dev.dendrite.api.tuning.shared.SharedStudy;
import dev.dendrite.api.tuning.shared.SharedTrial;
import dev.dendrite.api.tuning.shared.StudyDatabase;
import dev.dendrite.json.Json;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A {@link StudyDatabase} on PostgreSQL through a HikariCP pool. Each method is one transaction
 * (one statement where it can: a round trip saved), committed without waiting for the disk
 * ({@code synchronous_commit = off}).
 * A queued trial is claimed with {@code FOR UPDATE SKIP LOCKED}, so concurrent claims never take
 * the same trial and never wait for each other; a proposal holds the study's row
 * ({@code FOR NO KEY UPDATE}) while it reads the trials and inserts the next, so trial numbers are
 * given once. Every change to a claimed trial names its claim (worker and claim number) and is
 * void once the trial was queued again: a late worker's result is not counted.
 */
final class PostgresStudyDatabase implements StudyDatabase, AutoCloseable {
    private static final String TRIAL_COLUMNS = "number, parameters, budget, visible, state, value, epoch_values, message, claims";

    /** Work in one transaction. */
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final HikariDataSource pool;
    private final DatabaseUrl url;

    private PostgresStudyDatabase(HikariDataSource pool, DatabaseUrl url) {
        this.pool = pool;
        this.url = url;
    }

    /**
     * Pools {@code dataSource} (pgjdbc's, for {@code url}), connects and brings the schema up to date.
     *
     * @throws IllegalStateException when the database cannot be reached or its schema is newer (one line, the password masked)
     */
    static PostgresStudyDatabase open(DataSource dataSource, DatabaseUrl url, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setPoolName("dendrite-studies");
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(1);
        // no wait for the disk at commit: a transaction the server lost in a crash (its last
        // fraction of a second) is a trial claimed, proposed or finished again, with the same
        // outcome (trials are deterministic); a study is never inconsistent
        config.setConnectionInitSql("SET synchronous_commit = off");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new PostgresStudyDatabase(null, url).failure(e);
        }
        PostgresStudyDatabase database = new PostgresStudyDatabase(pool, url);
        try (Connection c = pool.getConnection()) {
            Schema.migrate(c, url);
            return database;
        } catch (SQLException | RuntimeException e) {
            pool.close();
            if (e instanceof IllegalStateException state) {
                throw state;
            }
            throw database.failure(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String location() {
        return url.toString();
    }

    /** One line naming the database (password masked) and the driver's message (the innermost SQL exception's, else the root cause's). */
    private IllegalStateException failure(Exception e) {
        Throwable cause = e;
        Throwable sql = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            cause = t;
            if (t instanceof SQLException && t.getMessage() != null) {
                sql = t;
            }
        }
        cause = sql != null ? sql : cause;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().lines().findFirst().orElse("");
        return new IllegalStateException("study database " + url + ": " + url.hide(message), null);
    }

    /** One statement, committed by itself (one round trip to the server, no separate commit). */
    private <T> T statement(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Several statements in one transaction. */
    private <T> T transaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public List<String> names() {
        return statement(c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name FROM dendrite_studies ORDER BY name"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            return names;
        });
    }

    @Override
    public Optional<SharedStudy> read(String name, int from) {
        return transaction(c -> read(c, name, from, false));
    }

    /** The study with its trials from number {@code from} on, its row locked against other proposals when {@code lock}. */
    private static Optional<SharedStudy> read(Connection c, String name, int from, boolean lock) throws SQLException {
        String header;
        int trials;
        long totalEpochs;
        try (PreparedStatement s = c.prepareStatement("SELECT header, trials, total_epochs FROM dendrite_studies WHERE name = ?"
                + (lock ? " FOR NO KEY UPDATE" : ""))) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                header = r.getString(1);
                trials = r.getInt(2);
                totalEpochs = r.getLong(3);
            }
        }
        List<SharedTrial> list = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + TRIAL_COLUMNS + " FROM dendrite_trials WHERE study = ? AND number >= ?"
                + " ORDER BY number")) {
            s.setString(1, name);
            s.setInt(2, from);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    list.add(trial(r));
                }
            }
        }
        return Optional.of(new SharedStudy(name, header, trials, totalEpochs, list));
    }

    private static SharedTrial trial(ResultSet r) throws SQLException {
        String state = r.getString("state");
        double value = r.getDouble("value");
        if (r.wasNull()) {
            value = Double.NaN;
        }
        List<Double> values = new ArrayList<>();
        for (Object v : (Object[]) r.getArray("epoch_values").getArray()) {
            values.add(v == null ? Double.NaN : ((Number) v).doubleValue());
        }
        TrialState s = state.equals("QUEUED") ? TrialState.RUNNING : TrialState.valueOf(state);
        TrialRecord record = new TrialRecord(r.getInt("number"), parameters(r.getString("parameters")), r.getInt("budget"), s,
                s == TrialState.RUNNING ? Double.NaN : value, values, r.getString("message"));
        return new SharedTrial(record, r.getInt("visible"), r.getInt("claims"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parameters(String json) {
        return new LinkedHashMap<>((Map<String, Object>) Json.parse(json));
    }

    @Override
    public String create(String name, String header, int trials, long totalEpochs) {
        return transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO dendrite_studies (name, header, trials, total_epochs) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (name) DO NOTHING")) {
                s.setString(1, name);
                s.setString(2, header);
                s.setInt(3, trials);
                s.setLong(4, totalEpochs);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT header FROM dendrite_studies WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getString(1);
                }
            }
        });
    }

    @Override
    public void limits(String name, int trials, long totalEpochs) {
        statement(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE dendrite_studies SET trials = ?, total_epochs = ? WHERE name = ?")) {
                s.setInt(1, trials);
                s.setLong(2, totalEpochs);
                s.setString(3, name);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Claim> claim(String name, String worker) {
        return statement(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE dendrite_trials t SET state = 'RUNNING', worker = ?, claims = t.claims + 1,"
                    + " heartbeat = now(), started = now(), epoch_values = '{}', message = NULL"
                    + " FROM (SELECT study, number FROM dendrite_trials WHERE study = ? AND state = 'QUEUED' ORDER BY number LIMIT 1"
                    + " FOR UPDATE SKIP LOCKED) q WHERE t.study = q.study AND t.number = q.number RETURNING t." + TRIAL_COLUMNS.replace(", ", ", t."))) {
                s.setString(1, worker);
                s.setString(2, name);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    SharedTrial t = trial(r);
                    return Optional.of(new Claim(name, t.record(), t.visible(), worker, t.claims()));
                }
            }
        });
    }

    @Override
    public Optional<Claim> propose(String name, String worker, int from, Function<SharedStudy, Optional<SharedTrial>> next) {
        return transaction(c -> {
            SharedStudy study = read(c, name, from, true).orElseThrow(() -> new IllegalArgumentException("no study named " + name + " in " + url));
            Optional<SharedTrial> proposed = next.apply(study);
            if (proposed.isEmpty()) {
                return Optional.empty();
            }
            TrialRecord t = proposed.get().record();
            if (t.number() != from + study.trialList().size()) {
                throw new IllegalArgumentException("trial " + t.number() + " proposed; the next is " + (from + study.trialList().size()));
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO dendrite_trials (study, number, parameters, budget, visible, state,"
                    + " worker, claims, heartbeat, started) VALUES (?, ?, ?, ?, ?, 'RUNNING', ?, 1, now(), now())")) {
                s.setString(1, name);
                s.setInt(2, t.number());
                s.setString(3, Json.write(t.parameters()));
                s.setInt(4, t.budget());
                s.setInt(5, proposed.get().visible());
                s.setString(6, worker);
                s.executeUpdate();
            }
            return Optional.of(new Claim(name, TrialRecord.running(t.number(), t.parameters(), t.budget()), proposed.get().visible(), worker, 1));
        });
    }

    /** The condition that the claim still holds, its four parameters from {@code index}. */
    private static final String HELD = " WHERE study = ? AND number = ? AND worker = ? AND claims = ? AND state = 'RUNNING'";

    private static int held(PreparedStatement s, int index, Claim claim) throws SQLException {
        s.setString(index, claim.study());
        s.setInt(index + 1, claim.trial().number());
        s.setString(index + 2, claim.worker());
        s.setInt(index + 3, claim.number());
        return s.executeUpdate();
    }

    @Override
    public void report(Claim claim, List<Double> values) {
        statement(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE dendrite_trials SET epoch_values = ?, heartbeat = now()" + HELD)) {
                s.setArray(1, values(c, values));
                return held(s, 2, claim);
            }
        });
    }

    @Override
    public boolean finish(Claim claim, TrialRecord finished) {
        return statement(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE dendrite_trials SET state = ?, value = ?, epoch_values = ?, message = ?,"
                    + " finished = now(), heartbeat = NULL" + HELD)) {
                s.setString(1, finished.state().name());
                if (Double.isFinite(finished.value())) {
                    s.setDouble(2, finished.value());
                } else {
                    s.setNull(2, Types.DOUBLE);
                }
                s.setArray(3, values(c, finished.values()));
                s.setString(4, finished.message());
                return held(s, 5, claim) == 1;
            }
        });
    }

    private static Array values(Connection c, List<Double> values) throws SQLException {
        return c.createArrayOf("float8", values.toArray());
    }

    @Override
    public void release(Claim claim) {
        statement(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE dendrite_trials SET state = 'QUEUED', worker = NULL, claims = claims - 1,"
                    + " heartbeat = NULL, epoch_values = '{}'" + HELD)) {
                return held(s, 1, claim);
            }
        });
    }

    @Override
    public void beat(String worker) {
        statement(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE dendrite_trials SET heartbeat = now() WHERE worker = ? AND state = 'RUNNING'")) {
                s.setString(1, worker);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public List<Integer> requeueStale(String name, Duration grace, int retries) {
        return statement(c -> {
            List<Integer> stale = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("UPDATE dendrite_trials SET"
                    + " state = CASE WHEN claims > ? THEN 'FAILED' ELSE 'QUEUED' END,"
                    + " message = CASE WHEN claims > ? THEN 'its worker stopped beating, ' || claims || ' times (last: ' || worker || ')' END,"
                    + " finished = CASE WHEN claims > ? THEN now() END,"
                    + " worker = CASE WHEN claims > ? THEN worker END,"
                    + " heartbeat = NULL, epoch_values = CASE WHEN claims > ? THEN epoch_values ELSE '{}' END"
                    + " WHERE study = ? AND state = 'RUNNING' AND heartbeat < now() - ? * interval '1 millisecond' RETURNING number")) {
                for (int i = 1; i <= 5; i++) {
                    s.setInt(i, retries);
                }
                s.setString(6, name);
                s.setLong(7, grace.toMillis());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        stale.add(r.getInt(1));
                    }
                }
            }
            stale.sort(null);
            return stale;
        });
    }

    @Override
    public void importStudy(SharedStudy study) {
        transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO dendrite_studies (name, header, trials, total_epochs) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (name) DO NOTHING")) {
                s.setString(1, study.name());
                s.setString(2, study.header());
                s.setInt(3, study.trials());
                s.setLong(4, study.totalEpochs());
                if (s.executeUpdate() == 0) {
                    throw new IllegalArgumentException("study " + study.name() + " exists already in " + url + ": choose another name");
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO dendrite_trials (study, number, parameters, budget, visible, state, value,"
                    + " epoch_values, message, claims, finished) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN now() END)")) {
                for (SharedTrial trial : study.trialList()) {
                    TrialRecord t = trial.record();
                    s.setString(1, study.name());
                    s.setInt(2, t.number());
                    s.setString(3, Json.write(t.parameters()));
                    s.setInt(4, t.budget());
                    s.setInt(5, trial.visible());
                    s.setString(6, t.finished() ? t.state().name() : "QUEUED");
                    if (t.finished() && Double.isFinite(t.value())) {
                        s.setDouble(7, t.value());
                    } else {
                        s.setNull(7, Types.DOUBLE);
                    }
                    s.setArray(8, values(c, t.finished() ? t.values() : List.of()));
                    s.setString(9, t.message());
                    s.setInt(10, trial.claims());
                    s.setBoolean(11, t.finished());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }
}
