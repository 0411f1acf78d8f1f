package dev.dendrite.data;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataSchema;
import dev.dendrite.api.data.DataService;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSetProvider;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.FeatureColumn;
import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.data.TableOptions;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.plugin.PluginCatalog;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The data service: loads a built-in data set, a CSV file or an IDX pair, splits it and scales it.
 *
 * <p><b>Source.</b> A name of a bound {@link DataSetProvider} (its {@code name} property; among
 * providers of one name, the one the {@link PluginCatalog} selects by the platform's one rule:
 * ranking, then bundle version, then age) is generated from the seed; providers bind
 * dynamically, so a hot-deployed one is usable at once. A file named
 * {@code PREFIX-images-idx3-ubyte[.gz]} is an IDX images file whose labels file lies beside it
 * ({@link IdxReader}); a directory stands for the {@code train-images-idx3-ubyte[.gz]} in it;
 * any other file is CSV. A source that is none of these
 * is reported as an unknown data set, or as a missing file when it looks like a path (contains
 * {@code /} or {@code \}, ends in {@code .csv}, or is named like an IDX file).
 *
 * <p><b>CSV.</b> One header line of column names, then one line per sample, RFC 4180 fields
 * separated by {@code , ; \t |} (given or detected), read in one streaming pass into primitive
 * columns ({@link CsvTable}, {@link CsvReader}, {@link Delimiters}); missing cells, categorical
 * columns and unseen categories as {@link TableOptions} say ({@link CsvSource}). The target is the
 * column named {@code options.target()}, by default the last one; every other column is a feature.
 * The target column decides the task unless {@code options.task()} names it ({@link TargetColumn}):
 * <ul>
 *   <li>all values integers with at most 20 distinct values, fewer than half the rows:
 *       classification, labels sorted numerically ({@code 0, 1, 2, 10});</li>
 *   <li>all values numbers otherwise: regression;</li>
 *   <li>any value not a number: classification, labels sorted as strings.</li>
 * </ul>
 * Built-ins and IDX pairs have a fixed target and task.
 *
 * <p><b>Split.</b> A seeded shuffle ({@code options.seed()}) puts v = round(m · validationFraction)
 * samples in validation, the rest in training; at least one training sample must remain. For
 * classification the split is stratified: each class is represented in validation in proportion
 * to its size, up to one sample (see {@link Splitter}). With v = 0 there is no validation split.
 *
 * <p><b>Missing cells</b> ({@code --missing mean|median|most_frequent}) are filled with values
 * fitted on the training split only ({@link Imputation}), applied to validation unchanged and kept
 * in the split's columns, so the model's schema fills new files the same way.
 *
 * <p><b>Scaling.</b> {@code options.scaling()} ({@link Scaling}: standard, minmax or none) is fitted
 * on the training split only and applied unchanged to validation. The default is standard, except
 * for IDX images: none, their pixels are already divided by 255.
 *
 * <p><b>With a schema</b> (evaluation and prediction) nothing is refitted: CSV feature columns are
 * found by name in any order (other columns are ignored), the target is the schema's column (the
 * last one when it names none), labels map to the schema's class indices, and the schema's scaling
 * is applied. For prediction the target column may be absent; a built-in is then generated from
 * the default seed ({@link DataOptions#defaults()}).
 */
@Component(service = DataService.class)
public final class DefaultDataService implements DataService {

    /** A bound provider with its name and the id by which the catalog's selection finds it. */
    private record Registration(String name, long serviceId, DataSetProvider provider) {
    }

    private final List<Registration> providers = new CopyOnWriteArrayList<>();
    private final PluginCatalog catalog;

    @Activate
    public DefaultDataService(@Reference PluginCatalog catalog) {
        this.catalog = catalog;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeProvider", updated = "updatedProvider")
    void addProvider(DataSetProvider provider, Map<String, Object> properties) {
        if (properties.get("name") instanceof String name) {
            long id = properties.get("service.id") instanceof Long i ? i : -1;
            providers.add(new Registration(name, id, provider));
        }
    }

    void removeProvider(DataSetProvider provider, Map<String, Object> properties) {
        providers.removeIf(r -> r.provider() == provider);
    }

    void updatedProvider(DataSetProvider provider, Map<String, Object> properties) {
        removeProvider(provider, properties);
        addProvider(provider, properties);
    }

    @Override
    public DataSplit load(String source, DataOptions options) {
        Source from = source(source, options.seed(), options.table());
        Source.Loaded loaded = from.read(options.target(), options.task(), options.validationFraction(), options.seed());
        IntFunction<String> feature = loaded.column();
        DataSet train = loaded.train();
        DataSet validation = loaded.validation();
        List<FeatureColumn> columns = loaded.columns();
        Scaling scaling = options.scaling() == null ? from.defaultScaling() : Scaling.of(options.scaling());
        columns = Imputation.fit(train.x(), columns, options.table().missing(), feature);
        Imputation.apply(train.x(), columns);
        FeatureScaling fitted = scaling.fit(train.x(), feature);
        fitted.applyInPlace(train.x());
        if (validation != null) {
            Imputation.apply(validation.x(), columns);
            fitted.applyInPlace(validation.x());
        }
        return new DataSplit(train, validation, fitted, loaded.target(), columns);
    }

    @Override
    public DataSet load(String source, DataSchema schema, long seed) {
        return load(source, schema, seed, TableOptions.DEFAULTS);
    }

    @Override
    public Matrix features(String source, DataSchema schema) {
        return features(source, schema, TableOptions.DEFAULTS);
    }

    @Override
    public DataSet load(String source, DataSchema schema, long seed, TableOptions table) {
        DataSet data = source(source, seed, table).read(schema);
        schema.scaling().applyInPlace(data.x());
        return data;
    }

    @Override
    public Matrix features(String source, DataSchema schema, TableOptions table) {
        Matrix x = source(source, DataOptions.defaults().seed(), table).features(schema);
        schema.scaling().applyInPlace(x);
        return x;
    }

    private Source source(String source, long seed, TableOptions table) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("no data set given: name a built-in (" + builtIns() + "), a CSV file or an IDX images file");
        }
        Optional<Registration> builtIn = catalog.selected(DataSetProvider.class, source)
                .flatMap(selected -> providers.stream().filter(r -> r.serviceId() == selected.serviceId()).findFirst());
        if (builtIn.isPresent()) {
            DataSetProvider provider = builtIn.get().provider();
            return new FixedSource("'" + source + "'", "a built-in data set", () -> provider.generate(seed), Scaling.STANDARD);
        }
        Path path = path(source);
        if (path != null && Files.isDirectory(path)) {
            return idx(IdxReader.trainingImages(path));
        }
        if (path != null && Files.isRegularFile(path)) {
            return IdxReader.isImagesFile(path.getFileName().toString()) ? idx(path) : new CsvSource(path, table);
        }
        if (looksLikePath(source)) {
            throw new IllegalArgumentException("no such file: " + source);
        }
        throw new IllegalArgumentException("unknown data set '" + source + "': not a built-in (" + builtIns() + ") and no such file");
    }

    private static Source idx(Path images) {
        return new FixedSource(images.getFileName().toString(), "an IDX data set", () -> IdxReader.read(images), Scaling.NONE);
    }

    private static Path path(String source) {
        try {
            return Path.of(source);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static boolean looksLikePath(String source) {
        return source.contains("/") || source.contains("\\") || source.toLowerCase(Locale.ROOT).endsWith(".csv")
                || IdxReader.isImagesFile(source);
    }

    private String builtIns() {
        return String.join(", ", providers.stream().map(Registration::name).distinct().sorted().toList());
    }
}
