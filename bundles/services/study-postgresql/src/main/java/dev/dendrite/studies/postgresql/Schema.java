package dev.dendrite.studies.postgresql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The study database's schema, created and upgraded by the platform: plain SQL scripts
 * {@code V1.sql}, {@code V2.sql}, … beside this class, and the table {@code dendrite_schema} of the
 * versions applied. A process connecting applies the missing ones in one transaction, holding an
 * advisory lock, so workers starting together do not race; a database whose version is newer
 * than {@link #VERSION} (written by a newer Dendrite) is refused with one line.
 */
final class Schema {
    /** The newest version this code knows. */
    static final int VERSION = 1;

    /** The key of the advisory lock held while migrating ("dendrite" in ASCII, as a number). */
    private static final long LOCK = 0x64656e6472697465L;

    private Schema() {
    }

    /**
     * Brings the schema to {@link #VERSION}.
     *
     * @return the version found before (0 for an empty database)
     * @throws IllegalStateException when the database's version is newer than this code knows
     */
    static int migrate(Connection c, Object location) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
            s.execute("CREATE TABLE IF NOT EXISTS dendrite_schema (version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())");
            int found;
            try (ResultSet r = s.executeQuery("SELECT coalesce(max(version), 0) FROM dendrite_schema")) {
                r.next();
                found = r.getInt(1);
            }
            if (found > VERSION) {
                throw new IllegalStateException("the study database " + location + " has schema version " + found
                        + ", newer than this Dendrite knows (" + VERSION + "): use the Dendrite that wrote it, or a newer one");
            }
            for (int v = found + 1; v <= VERSION; v++) {
                for (String statement : script(v).split(";\\s*(\\n|$)")) {
                    String sql = statement.replaceAll("(?m)--.*$", "").strip();
                    if (!sql.isEmpty()) {
                        s.execute(sql);
                    }
                }
                s.execute("INSERT INTO dendrite_schema (version) VALUES (" + v + ")");
            }
            c.commit();
            return found;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static String script(int version) {
        try (InputStream in = Schema.class.getResourceAsStream("V" + version + ".sql")) {
            if (in == null) {
                throw new IllegalStateException("schema script V" + version + ".sql is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
