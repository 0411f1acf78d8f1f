package dev.dendrite.studies.postgresql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import dev.dendrite.api.tuning.shared.StudyDatabase;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.postgresql.osgi.PGDataSourceFactory;

/**
 * A real PostgreSQL server on loopback for tests, started once per test JVM and stopped when the
 * JVM's tests end: {@code @ExtendWith(PostgresServer.class)} and a {@link Running} parameter, or
 * {@link #shared()}.
 *
 * <p>It runs Debian's server binaries ({@code /usr/lib/postgresql/VERSION/bin}, package
 * {@code postgresql}; the highest version installed). PostgreSQL refuses to run as root, so as root
 * it runs as the user {@code postgres} (which the package creates) through {@code runuser}; its data
 * folder and socket are in a fresh temporary folder that user owns; it listens on 127.0.0.1 on a
 * free port, with trust authentication for the superuser {@code dendrite}. Without a server
 * installed the tests fail (never skip), saying what to install.
 */
public final class PostgresServer implements ParameterResolver {
    private static final String USER = "dendrite";
    private static final String SERVER_USER = "postgres";
    private static Running shared;

    /** A running server. */
    public static final class Running implements AutoCloseable {
        private final Path dir;
        private final Path bin;
        private final int port;
        private final boolean asRoot;
        private final AtomicInteger databases = new AtomicInteger();
        private final List<AutoCloseable> opened = new ArrayList<>();
        private boolean stopped;

        private Running(Path dir, Path bin, int port, boolean asRoot) {
            this.dir = dir;
            this.bin = bin;
            this.port = port;
            this.asRoot = asRoot;
        }

        /** The port on 127.0.0.1. */
        public int port() {
            return port;
        }

        /** The superuser to connect as (trust authentication: no password). */
        public String user() {
            return USER;
        }

        /** {@code postgresql://127.0.0.1:PORT/DATABASE}, as {@code --storage} takes it. */
        public String url(String database) {
            return "postgresql://127.0.0.1:" + port + "/" + database;
        }

        /** A new, empty database ({@code prefix} and a counter), as a {@link #url}. */
        public String newDatabase(String prefix) {
            String name = prefix + "_" + databases.incrementAndGet();
            try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
            }
            return url(name);
        }

        /** A new connection pool to the study database at {@code url} (a {@link #newDatabase}), closed with the server. */
        public synchronized StudyDatabase database(String url) {
            PostgresStudyDatabase database = PostgresStudies.open(new PGDataSourceFactory(), DatabaseUrl.parse(url, USER, "", Map.of()), 8);
            opened.add(database);
            return database;
        }

        /** A JDBC connection to {@code database} as the superuser. */
        public Connection connect(String database) throws SQLException {
            Properties p = new Properties();
            p.setProperty("user", USER);
            return new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
        }

        /** Stops the server at once and deletes its folder. */
        @Override
        public synchronized void close() {
            if (stopped) {
                return;
            }
            stopped = true;
            for (AutoCloseable database : opened) {
                try {
                    database.close();
                } catch (Exception e) {
                    // the server stops anyway
                }
            }
            try {
                run(asRoot, List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"), dir);
            } finally {
                delete(dir);
            }
        }
    }

    /** The server of this JVM, started on first use. */
    public static synchronized Running shared() {
        if (shared == null) {
            shared = start();
            Running server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-stop"));
        }
        return shared;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running server = shared();
        // stopped when the JVM's tests end (the root store closes its AutoCloseable values)
        context.getRoot().getStore(ExtensionContext.Namespace.create(PostgresServer.class)).getOrComputeIfAbsent("server", k -> server);
        return server;
    }

    /** The bin folder of the highest PostgreSQL version installed, or a failure saying what to install. */
    static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb"))).forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found.stream().max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())))
                .orElseThrow(() -> new AssertionError("no PostgreSQL server installed (no /usr/lib/postgresql/*/bin/initdb): the study storage"
                        + " tests run a real one; install it with: apt-get install -y postgresql"));
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Running start() {
        Path bin = binaries();
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = Files.createTempDirectory("dendrite-postgres");
            if (asRoot) {
                UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
                try {
                    Files.setOwner(dir, users.lookupPrincipalByName(SERVER_USER));
                } catch (IOException e) {
                    throw new AssertionError("PostgreSQL refuses to run as root and there is no user " + SERVER_USER
                            + " to run it as (apt-get install -y postgresql creates it)");
                }
            }
            run(asRoot, List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER, "-A", "trust",
                    "-E", "UTF8", "--locale=C", "--no-sync"), dir);
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            run(asRoot, List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(),
                    "-w", "-t", "60", "-o", "-k " + dir + " -p " + port + " -h 127.0.0.1 -c max_connections=200", "start"), dir);
            return new Running(dir, bin, port, asRoot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a server program (as {@code postgres} when we are root), failing with its output. */
    private static void run(boolean asRoot, List<String> command, Path dir) {
        List<String> line = new ArrayList<>();
        if (asRoot) {
            line.addAll(List.of("runuser", "-u", SERVER_USER, "--"));
        }
        line.addAll(command);
        try {
            Path out = Files.createTempFile("postgres", ".out");
            Process p = new ProcessBuilder(line).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                String log = Files.exists(dir.resolve("log")) ? Files.readString(dir.resolve("log")) : "";
                throw new AssertionError(String.join(" ", line) + " failed: " + Files.readString(out) + log);
            }
            Files.delete(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + line);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder
        }
    }
}
