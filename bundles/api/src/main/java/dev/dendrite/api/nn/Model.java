package dev.dendrite.api.nn;

import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.data.Task;
import java.util.List;

/**
 * A trained network: its layers 1 … L, the loss it was trained with, and what is needed to turn
 * raw inputs into predictions (feature scaling, class labels).
 *
 * @param layers  the dense layers, input side first
 * @param loss    the loss name
 * @param task    classification or regression
 * @param classes class labels in output order (empty for regression)
 * @param scaling the feature scaling fitted on the training split
 */
public record Model(List<DenseLayer> layers, String loss, Task task, List<String> classes, FeatureScaling scaling) {

    public Model {
        layers = List.copyOf(layers);
        classes = List.copyOf(classes);
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
