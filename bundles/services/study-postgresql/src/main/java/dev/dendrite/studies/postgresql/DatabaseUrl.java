package dev.dendrite.studies.postgresql;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * A study database's URL, {@code postgresql://[user[:password]@]host[:port]/database[?parameter=value&…]}
 * (the parameters are pgjdbc's, e.g. {@code sslmode=require}), with the credentials in force: the
 * URL's own, else the configured ones, else the environment's {@code PGUSER} and {@code PGPASSWORD}.
 * The password never shows: {@link #toString()} and every message masks it.
 */
record DatabaseUrl(String host, int port, String database, String query, String user, String password) {
    static final String SCHEME = "postgresql";
    static final int DEFAULT_PORT = 5432;

    /**
     * Reads {@code url}; credentials missing from it come from {@code configured} (user, password,
     * may be empty), then from {@code environment} ({@code PGUSER}, {@code PGPASSWORD}).
     *
     * @throws IllegalArgumentException naming the masked URL and what is wrong
     */
    static DatabaseUrl parse(String url, String configuredUser, String configuredPassword, Map<String, String> environment) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("study storage " + mask(url) + " is not a URL: " + e.getReason()
                    + " (expected postgresql://host:port/database)");
        }
        if (!SCHEME.equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("study storage " + mask(url) + " is not a PostgreSQL URL (expected postgresql://host:port/database)");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (path.isEmpty() || path.contains("/")) {
            throw new IllegalArgumentException("study storage " + mask(url) + " names no database (expected postgresql://host:port/database)");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] info = uri.getRawUserInfo().split(":", 2);
            user = decode(info[0]);
            password = info.length > 1 ? decode(info[1]) : null;
        }
        if (user == null || user.isEmpty()) {
            user = first(configuredUser, environment.get("PGUSER"), System.getProperty("user.name"));
        }
        if (password == null) {
            password = first(configuredPassword, environment.get("PGPASSWORD"), null);
        }
        return new DatabaseUrl(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), path, uri.getRawQuery(), user, password);
    }

    private static String first(String a, String b, String c) {
        return a != null && !a.isEmpty() ? a : b != null && !b.isEmpty() ? b : c;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** {@code url} with the password of its user information, if any, replaced by {@code ***}. */
    static String mask(String url) {
        return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://[^:/@]*):[^@/]*@", "$1:***@");
    }

    /** What pgjdbc's {@code DataSourceFactory} takes: the JDBC URL, the user and the password. */
    Properties properties() {
        Properties p = new Properties();
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        p.setProperty("url", "jdbc:postgresql://" + h + ":" + port + "/" + database + (query == null ? "" : "?" + query));
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "dendrite");
        return p;
    }

    /** {@code message} with the password, if it shows, replaced by {@code ***}. */
    String hide(String message) {
        return message == null || password == null || password.isEmpty() ? message : message.replace(password, "***");
    }

    /** {@code postgresql://user@host:port/database}, or {@code user:***@} when there is a password: never the password. */
    @Override
    public String toString() {
        return SCHEME + "://" + (user == null ? "" : user + (password == null ? "" : ":***") + "@") + host + ":" + port + "/" + database
                + (query == null ? "" : "?" + query);
    }
}
