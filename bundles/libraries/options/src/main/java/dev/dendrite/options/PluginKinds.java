package dev.dendrite.options;

import dev.dendrite.api.data.DataSetProvider;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.Loss;
import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.tuning.TuningStrategy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kinds of plug-in as users name them ({@code ml:plugins}, the web API's {@code /api/plugins}),
 * each with its service interface, in the order they are listed (since 1.3).
 */
public final class PluginKinds {

    /** Kind name → service interface: activation, loss, optimizer, backend, dataset, strategy. */
    public static final Map<String, Class<?>> ALL = all();

    private PluginKinds() {
    }

    private static Map<String, Class<?>> all() {
        Map<String, Class<?>> kinds = new LinkedHashMap<>();
        kinds.put("activation", Activation.class);
        kinds.put("loss", Loss.class);
        kinds.put("optimizer", Optimizer.class);
        kinds.put("backend", MatrixMath.class);
        kinds.put("dataset", DataSetProvider.class);
        kinds.put("strategy", TuningStrategy.class);
        return Collections.unmodifiableMap(kinds);
    }
}
