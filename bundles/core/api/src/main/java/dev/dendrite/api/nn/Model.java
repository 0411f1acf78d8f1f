package dev.dendrite.api.nn;

import dev.dendrite.api.data.DataSchema;
import dev.dendrite.api.data.Task;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained network: its layers 1 … L, the loss it was trained with, the data schema that turns
 * raw inputs into its inputs and its outputs into labels, and its provenance (plug-ins and their
 * bundles, platform version, seed, training configuration, date) as ordered key/value pairs.
 *
 * @param layers     the dense layers, input side first
 * @param loss       the loss name
 * @param schema     features, target, task, classes and scaling
 * @param provenance how the model was made
 */
public record Model(List<DenseLayer> layers, String loss, DataSchema schema, Map<String, String> provenance) {

    public Model {
        layers = List.copyOf(layers);
        provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one layer");
        }
        if (schema.featureNames().size() != layers.get(0).weights().cols()) {
            throw new IllegalArgumentException(schema.featureNames().size() + " features for W[1] " + layers.get(0).weights().shape());
        }
    }

    public Task task() {
        return schema.task();
    }

    public List<String> classes() {
        return schema.classes();
    }

    /** n[0], the number of input features. */
    public int inputs() {
        return layers.get(0).weights().cols();
    }

    /** n[L], the number of outputs. */
    public int outputs() {
        return layers.get(layers.size() - 1).weights().rows();
    }
}
