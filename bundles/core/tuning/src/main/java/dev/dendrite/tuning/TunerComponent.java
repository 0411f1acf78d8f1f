package dev.dendrite.tuning;

import dev.dendrite.api.data.DataService;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.Loss;
import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.platform.PlatformHome;
import dev.dendrite.api.plugin.PluginCatalog;
import dev.dendrite.api.plugin.PluginInfo;
import dev.dendrite.api.tuning.SearchSpace;
import dev.dendrite.api.tuning.Study;
import dev.dendrite.api.tuning.StudyInfo;
import dev.dendrite.api.tuning.StudyListener;
import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.Tuner;
import dev.dendrite.api.tuning.TuningStrategy;
import dev.dendrite.api.tuning.shared.StudyDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@link Tuner} service. Strategies and optimizers are bound dynamically and greedily, so a
 * strategy bundle deployed while the platform runs (e.g. {@code tpe}) is usable at once; among
 * strategies (and optimizers) of one name, the one the {@link PluginCatalog} selects serves, by the
 * platform's one rule (ranking, then bundle version, then age). The studies folder comes from
 * configuration {@code dev.dendrite.studies} / {@code folder} (default {@code studies} under the
 * platform's home, {@link PlatformHome}); its
 * {@code storage} may name a database instead ({@link #at}), served by a {@link StudyDatabases}
 * service of the URL's scheme, with the {@code heartbeat}, {@code grace} and {@code retries} there.
 */
@Component(service = Tuner.class, configurationPid = Tuner.CONFIGURATION_PID)
@Designate(ocd = StudiesConfiguration.class)
public final class TunerComponent implements Tuner {

    /** A bound service with its name and the id by which the catalog's selection finds it. */
    private record Registration<T>(String name, long serviceId, T service) {
        static <T> Registration<T> of(T service, Map<String, Object> properties) {
            String name = properties.get("name") instanceof String s ? s : null;
            long id = properties.get("service.id") instanceof Long i ? i : -1;
            return new Registration<>(name, id, service);
        }
    }

    /** The storage of the journals in the studies folder. */
    static final String JOURNAL = "journal";

    private final List<Registration<TuningStrategy>> strategies = new CopyOnWriteArrayList<>();
    private final List<Registration<Optimizer>> optimizers = new CopyOnWriteArrayList<>();
    private final List<Registration<StudyDatabases>> databases = new CopyOnWriteArrayList<>();
    private final Studies studies;
    private final PluginCatalog catalog;
    private final String home;
    private volatile Path folder;
    private volatile String storage;
    private volatile Supplier<Heartbeat> heartbeat;

    @Activate
    public TunerComponent(@Reference Trainer trainer, @Reference DataService data, @Reference PluginCatalog catalog,
                          StudiesConfiguration config, BundleContext context) {
        home = PlatformHome.of(context::getProperty).toString();
        this.catalog = catalog;
        configure(config);
        this.studies = new Studies(trainer, data,
                () -> new Vocabulary(catalog.names(Activation.class), catalog.names(Loss.class), optimizerHyperparameters()),
                this::strategy, () -> folder);
    }

    @Modified
    void configure(StudiesConfiguration config) {
        folder = folder(config.folder(), home);
        storage = config.storage() == null || config.storage().isBlank() ? JOURNAL : config.storage().trim();
        double interval = config.heartbeat();
        double grace = config.grace();
        int retries = config.retries();
        heartbeat = () -> Heartbeat.of(interval, grace, retries); // checked when a shared storage is used, not at activation
    }

    /** The studies of the configured storage. */
    private Studies configured() {
        return storage.equals(JOURNAL) ? studies : in(storage);
    }

    /** The studies kept in {@code url}: {@code journal}, or a database URL whose scheme a {@link StudyDatabases} service serves. */
    private Studies in(String url) {
        if (url.equals(JOURNAL)) {
            return studies;
        }
        int colon = url.indexOf("://");
        String scheme = colon > 0 ? url.substring(0, colon) : url;
        StudyDatabases kind = databases.stream().filter(r -> scheme.equals(r.name())).findFirst().map(Registration::service)
                .orElseThrow(() -> new IllegalArgumentException("unknown study storage " + (colon > 0 ? scheme + "://…" : scheme)
                        + " (available: " + String.join(", ", storages()) + ")"));
        return studies.in(new DatabaseStorage(kind.open(url), heartbeat.get()));
    }

    /** {@code journal} and the schemes of the database services, e.g. {@code postgresql://host:port/db}. */
    private List<String> storages() {
        List<String> kinds = new java.util.ArrayList<>(List.of(JOURNAL));
        databases.stream().map(Registration::name).filter(n -> n != null).distinct().sorted().forEach(n -> kinds.add(n + "://host:port/db"));
        return kinds;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeDatabases")
    void addDatabases(StudyDatabases kind, Map<String, Object> properties) {
        Object scheme = properties.get(StudyDatabases.SCHEME);
        databases.add(new Registration<>(scheme instanceof String s ? s : null, -1, kind));
    }

    void removeDatabases(StudyDatabases kind) {
        databases.removeIf(r -> r.service() == kind);
    }

    /** The configured folder, resolved against {@code home} (or the working directory) when relative; empty means {@code studies}. */
    static Path folder(String configured, String home) {
        Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home.trim());
        String name = configured == null || configured.isBlank() ? "studies" : configured.trim();
        return base.resolve(name).toAbsolutePath().normalize();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeStrategy")
    void addStrategy(TuningStrategy strategy, Map<String, Object> properties) {
        strategies.add(Registration.of(strategy, properties));
    }

    void removeStrategy(TuningStrategy strategy) {
        strategies.removeIf(r -> r.service() == strategy);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeOptimizer")
    void addOptimizer(Optimizer optimizer, Map<String, Object> properties) {
        optimizers.add(Registration.of(optimizer, properties));
    }

    void removeOptimizer(Optimizer optimizer) {
        optimizers.removeIf(r -> r.service() == optimizer);
    }

    private TuningStrategy strategy(String name) {
        return catalog.selected(TuningStrategy.class, name).flatMap(selected -> bound(strategies, selected))
                .orElseThrow(() -> new IllegalArgumentException("unknown strategy '" + name + "' (available: "
                        + strategies.stream().map(Registration::name).filter(n -> n != null).distinct().sorted()
                        .collect(Collectors.joining(", ")) + ")"));
    }

    private Map<String, Set<String>> optimizerHyperparameters() {
        Map<String, Set<String>> m = new TreeMap<>();
        for (PluginInfo selected : catalog.list(Optimizer.class)) {
            if (selected.selected()) {
                bound(optimizers, selected).ifPresent(o -> m.put(selected.name(), o.defaults().keySet()));
            }
        }
        return m;
    }

    /** The bound service the catalog's {@code selected} stands for, if it is bound already. */
    private static <T> Optional<T> bound(List<Registration<T>> registrations, PluginInfo selected) {
        return registrations.stream().filter(r -> r.serviceId() == selected.serviceId()).findFirst().map(Registration::service);
    }

    @Override
    public SearchSpace parse(String text, TrainingRequest base) {
        return configured().parse(text, base);
    }

    @Override
    public Study tune(StudySettings settings, StudyListener listener) {
        return configured().tune(settings, listener);
    }

    @Override
    public List<StudyInfo> list() {
        return configured().list();
    }

    @Override
    public Path repair(String name) {
        return configured().repair(name);
    }

    @Override
    public Study export(String name, Path file) {
        return configured().export(name, file);
    }

    @Override
    public Study study(String name) {
        return configured().study(name);
    }

    @Override
    public TrainingRequest request(Study study, TrialRecord trial) {
        return configured().request(study, trial);
    }

    @Override
    public Path folder() {
        return folder;
    }

    @Override
    public Tuner at(String storage) {
        return in(storage);
    }

    @Override
    public String storage() {
        return configured().storage();
    }

    @Override
    public Study importStudy(String name, Path file) {
        return configured().importStudy(name, file);
    }
}
