package dev.dendrite.tuning;

import dev.dendrite.api.data.DataService;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.Loss;
import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingRequest;
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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * {@code dendrite.home} framework or system property, or under the working directory).
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

    /** The framework (or system) property naming the distribution's root directory. */
    static final String HOME = "dendrite.home";

    private final List<Registration<TuningStrategy>> strategies = new CopyOnWriteArrayList<>();
    private final List<Registration<Optimizer>> optimizers = new CopyOnWriteArrayList<>();
    private final Studies studies;
    private final PluginCatalog catalog;
    private final String home;
    private volatile Path folder;

    @Activate
    public TunerComponent(@Reference Trainer trainer, @Reference DataService data, @Reference PluginCatalog catalog,
                          StudiesConfiguration config, BundleContext context) {
        home = context.getProperty(HOME);
        this.catalog = catalog;
        configure(config);
        this.studies = new Studies(trainer, data,
                () -> new Vocabulary(catalog.names(Activation.class), catalog.names(Loss.class), optimizerHyperparameters()),
                this::strategy, () -> folder);
    }

    @Modified
    void configure(StudiesConfiguration config) {
        folder = folder(config.folder(), home);
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
        return studies.parse(text, base);
    }

    @Override
    public Study tune(StudySettings settings, StudyListener listener) {
        return studies.tune(settings, listener);
    }

    @Override
    public List<StudyInfo> list() {
        return studies.list();
    }

    @Override
    public Path repair(String name) {
        return studies.repair(name);
    }

    @Override
    public Study export(String name, Path file) {
        return studies.export(name, file);
    }

    @Override
    public Study study(String name) {
        return studies.study(name);
    }

    @Override
    public TrainingRequest request(Study study, TrialRecord trial) {
        return studies.request(study, trial);
    }

    @Override
    public Path folder() {
        return folder;
    }
}
