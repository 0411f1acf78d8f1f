package dev.dendrite.shell;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataSchema;
import dev.dendrite.api.data.DataService;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import java.util.List;

/** A {@link DataService} test double: any source is the four xor corners, unscaled; it remembers the last options. */
final class XorData implements DataService {
    static final Matrix X = Matrix.of(new double[] {0, 1, 0, 1}, new double[] {0, 0, 1, 1});

    private final boolean withValidation;
    DataOptions lastOptions;

    /** @param withValidation whether the split repeats the samples as a validation split */
    XorData(boolean withValidation) {
        this.withValidation = withValidation;
    }

    @Override
    public DataSplit load(String source, DataOptions options) {
        lastOptions = options;
        DataSet set = corners(source);
        return new DataSplit(set, withValidation ? set : null, FeatureScaling.identity(2));
    }

    /** The xor corners for a source named {@code xor…}; any other is a missing file. */
    @Override
    public DataSet load(String source, DataSchema schema, long seed) {
        if (!source.startsWith("xor")) {
            throw new IllegalArgumentException("no such file: " + source);
        }
        return corners(source);
    }

    private static DataSet corners(String source) {
        return new DataSet(source, List.of("x1", "x2"), X, new double[] {0, 1, 1, 0}, Task.CLASSIFICATION, List.of("0", "1"));
    }

    @Override
    public Matrix features(String source, DataSchema schema) {
        throw new AssertionError("not used");
    }
}
