package dev.dendrite.studies.postgresql;

import dev.dendrite.api.tuning.shared.StudyDatabase;
import dev.dendrite.api.tuning.shared.StudyDatabases;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@code postgresql} study storages: {@code ml:tune --storage postgresql://host:port/db}. The
 * connections come from pgjdbc's {@link DataSourceFactory} service (registered by the driver's
 * bundle), pooled by HikariCP, one pool per URL while the component lives.
 */
@Component(service = StudyDatabases.class, property = StudyDatabases.SCHEME + "=" + DatabaseUrl.SCHEME,
        configurationPid = "dev.dendrite.studies")
@Designate(ocd = PostgresConfiguration.class)
public final class PostgresStudies implements StudyDatabases {
    private final DataSourceFactory driver;
    private final Map<DatabaseUrl, PostgresStudyDatabase> open = new ConcurrentHashMap<>();
    private volatile PostgresConfiguration config;

    @Activate
    public PostgresStudies(@Reference(target = "(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=org.postgresql.Driver)") DataSourceFactory driver,
                           PostgresConfiguration config) {
        this.driver = driver;
        this.config = config;
    }

    @Modified
    void configure(PostgresConfiguration config) {
        this.config = config;
    }

    @Deactivate
    void close() {
        open.values().forEach(PostgresStudyDatabase::close);
        open.clear();
    }

    @Override
    public StudyDatabase open(String url) {
        PostgresConfiguration c = config;
        DatabaseUrl parsed = DatabaseUrl.parse(url, c.user(), c._password(), System.getenv());
        return open.computeIfAbsent(parsed, u -> open(driver, u, c.connections()));
    }

    /** Connects to {@code url} through {@code driver}'s data source, pooled. */
    static PostgresStudyDatabase open(DataSourceFactory driver, DatabaseUrl url, int connections) {
        try {
            return PostgresStudyDatabase.open(driver.createDataSource(url.properties()), url, connections);
        } catch (SQLException e) {
            throw new IllegalArgumentException("study storage " + url + ": " + url.hide(e.getMessage()));
        }
    }
}
