package dev.dendrite.data;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataService;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSetProvider;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.FeatureScaling;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The data service: loads a built-in data set or a CSV file, splits it and standardizes it.
 *
 * <p><b>Source.</b> A name of a bound {@link DataSetProvider} (its {@code name} property; among
 * providers of one name the highest {@code service.ranking} wins, then the lowest
 * {@code service.id}) is generated from {@code options.seed()}; providers bind dynamically, so a
 * hot-deployed one is usable at once. Anything else is a CSV file path. A source that is neither
 * is reported as an unknown data set, or as a missing file when it looks like a path (contains
 * {@code /} or {@code \}, or ends in {@code .csv}).
 *
 * <p><b>CSV.</b> One header line of column names, then one comma-separated line per sample;
 * surrounding whitespace, blank lines, a UTF-8 byte-order mark and simply quoted fields are
 * tolerated. The target is the column named {@code options.target()}, by default the last one;
 * every other column is a numeric feature. The target column decides the task:
 * <ul>
 *   <li>all values integers with at most 20 distinct values, fewer than half the rows:
 *       classification, labels sorted numerically ({@code 0, 1, 2, 10});</li>
 *   <li>all values numbers otherwise: regression;</li>
 *   <li>any value not a number: classification, labels sorted as strings.</li>
 * </ul>
 *
 * <p><b>Split.</b> A seeded shuffle ({@code options.seed()}) puts v = round(m · validationFraction)
 * samples in validation, the rest in training; at least one training sample must remain. For
 * classification the split is stratified: each class is represented in validation in proportion
 * to its size, up to one sample (see {@link Splitter}). With v = 0 there is no validation split.
 *
 * <p><b>Scaling.</b> Features are standardized, x' = (x − μ) / σ, with μ and σ of the training
 * split only ({@link FeatureScaling#standardize}); the same transform is applied to validation.
 */
@Component(service = DataService.class)
public final class CsvDataService implements DataService {

    /** A bound provider with the service properties that select it. */
    private record Registration(String name, int ranking, long serviceId, DataSetProvider provider) {
    }

    private static final Comparator<Registration> PREFERRED = Comparator.comparingInt(Registration::ranking)
            .reversed()
            .thenComparingLong(Registration::serviceId);

    private final List<Registration> providers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeProvider", updated = "updatedProvider")
    void addProvider(DataSetProvider provider, Map<String, Object> properties) {
        if (properties.get("name") instanceof String name) {
            int ranking = properties.get("service.ranking") instanceof Integer r ? r : 0;
            long id = properties.get("service.id") instanceof Long i ? i : Long.MAX_VALUE;
            providers.add(new Registration(name, ranking, id, provider));
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
        DataSet data = dataSet(source, options);
        int[][] parts = Splitter.split(data, options.validationFraction(), options.seed());
        DataSet train = data.select(parts[0]);
        FeatureScaling scaling = FeatureScaling.standardize(train.x());
        scaling.applyInPlace(train.x());
        DataSet validation = null;
        if (parts[1].length > 0) {
            validation = data.select(parts[1]);
            scaling.applyInPlace(validation.x());
        }
        return new DataSplit(train, validation, scaling);
    }

    private DataSet dataSet(String source, DataOptions options) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("no data set given: name a built-in (" + builtIns() + ") or a CSV file");
        }
        Optional<Registration> builtIn = providers.stream().filter(r -> r.name().equals(source)).min(PREFERRED);
        if (builtIn.isPresent()) {
            if (options.target() != null) {
                throw new IllegalArgumentException("'" + source + "' is a built-in data set with a fixed target; a target column applies to CSV files only");
            }
            return builtIn.get().provider().generate(options.seed());
        }
        Path file = existingFile(source);
        if (file != null) {
            return CsvReader.read(file, options.target());
        }
        if (source.contains("/") || source.contains("\\") || source.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            throw new IllegalArgumentException("no such file: " + source);
        }
        throw new IllegalArgumentException("unknown data set '" + source + "': not a built-in (" + builtIns() + ") and no such file");
    }

    private static Path existingFile(String source) {
        try {
            Path file = Path.of(source);
            return Files.isRegularFile(file) ? file : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private String builtIns() {
        return String.join(", ", providers.stream().map(Registration::name).distinct().sorted().toList());
    }
}
