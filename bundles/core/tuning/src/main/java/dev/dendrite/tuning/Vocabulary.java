package dev.dendrite.tuning;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The plug-in names a search space may use, as registered when it is parsed.
 *
 * @param activations activation names
 * @param losses      loss names
 * @param optimizers  optimizer names with the hyperparameters each understands (e.g. {@code adam → lr, beta1, …})
 */
record Vocabulary(List<String> activations, List<String> losses, Map<String, Set<String>> optimizers) {

    Vocabulary {
        activations = List.copyOf(activations);
        losses = List.copyOf(losses);
        optimizers = Map.copyOf(new TreeMap<>(optimizers));
    }

    /** Every optimizer hyperparameter name but {@code lr}, sorted. */
    Set<String> optimizerHyperparameters() {
        Set<String> names = new TreeSet<>();
        optimizers.values().forEach(names::addAll);
        names.remove("lr");
        return names;
    }
}
