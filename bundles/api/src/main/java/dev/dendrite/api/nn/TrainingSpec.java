package dev.dendrite.api.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to train: the architecture, the plug-ins by name and the hyperparameters.
 *
 * <p>Training runs for {@code epochs} passes over the training data, or, when
 * {@code iterations} &gt; 0, for exactly that many mini-batch updates. One epoch is
 * ceil(m / batchSize) iterations; {@code batchSize} 0 means the whole training set
 * (batch gradient descent). Plug-in names left {@code null} are chosen by the trainer from the
 * task: sigmoid + binary_crossentropy for two classes, softmax + categorical_crossentropy for
 * more, linear + mse for regression.
 *
 * @param hiddenLayers    n[1] … n[L-1], the hidden widths (n[L] follows from the data)
 * @param activation      hidden-layer activation name
 * @param outputActivation output activation name, or null for the task's default
 * @param loss            loss name, or null for the task's default
 * @param optimizer       optimizer name
 * @param hyperparameters optimizer hyperparameters by name, e.g. {@code lr}
 * @param batchSize       samples per iteration, 0 for full batch
 * @param epochs          passes over the data (ignored when iterations &gt; 0)
 * @param iterations      total updates, or 0 to train by epochs
 * @param seed            seeds initialization and shuffling
 * @param backend         maths back-end name, or null for the highest-ranked one
 */
public record TrainingSpec(
        List<Integer> hiddenLayers,
        String activation,
        String outputActivation,
        String loss,
        String optimizer,
        Map<String, Double> hyperparameters,
        int batchSize,
        int epochs,
        long iterations,
        long seed,
        String backend) {

    public TrainingSpec {
        hiddenLayers = List.copyOf(hiddenLayers);
        hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        for (int width : hiddenLayers) {
            if (width <= 0) {
                throw new IllegalArgumentException("layer width must be positive, got " + width);
            }
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        if (epochs <= 0 && iterations <= 0) {
            throw new IllegalArgumentException("epochs must be positive, got " + epochs);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be positive, got " + iterations);
        }
        Double lr = hyperparameters.get("lr");
        if (lr != null && !(lr > 0 && Double.isFinite(lr))) {
            throw new IllegalArgumentException("learning rate must be positive, got " + lr);
        }
    }

    /** Defaults: one hidden layer of 16 tanh units, sgd with lr 0.1, batch 32, 100 epochs, seed 42. */
    public static TrainingSpec defaults() {
        return new TrainingSpec(List.of(16), "tanh", null, null, "sgd", Map.of(), 32, 100, 0, 42, null);
    }

    public TrainingSpec withHiddenLayers(List<Integer> widths) {
        return new TrainingSpec(widths, activation, outputActivation, loss, optimizer, hyperparameters, batchSize, epochs, iterations, seed, backend);
    }

    public TrainingSpec withActivation(String name) {
        return new TrainingSpec(hiddenLayers, name, outputActivation, loss, optimizer, hyperparameters, batchSize, epochs, iterations, seed, backend);
    }

    public TrainingSpec withOutputActivation(String name) {
        return new TrainingSpec(hiddenLayers, activation, name, loss, optimizer, hyperparameters, batchSize, epochs, iterations, seed, backend);
    }

    public TrainingSpec withLoss(String name) {
        return new TrainingSpec(hiddenLayers, activation, outputActivation, name, optimizer, hyperparameters, batchSize, epochs, iterations, seed, backend);
    }

    public TrainingSpec withOptimizer(String name) {
        return new TrainingSpec(hiddenLayers, activation, outputActivation, loss, name, hyperparameters, batchSize, epochs, iterations, seed, backend);
    }

    /** A copy with one hyperparameter set (others kept). */
    public TrainingSpec withHyperparameter(String name, double value) {
        Map<String, Double> h = new LinkedHashMap<>(hyperparameters);
        h.put(name, value);
        return new TrainingSpec(hiddenLayers, activation, outputActivation, loss, optimizer, h, batchSize, epochs, iterations, seed, backend);
    }

    public TrainingSpec withBatchSize(int size) {
        return new TrainingSpec(hiddenLayers, activation, outputActivation, loss, optimizer, hyperparameters, size, epochs, iterations, seed, backend);
    }

    public TrainingSpec withEpochs(int count) {
        return new TrainingSpec(hiddenLayers, activation, outputActivation, loss, optimizer, hyperparameters, batchSize, count, iterations, seed, backend);
    }

    public TrainingSpec withIterations(long count) {
        return new TrainingSpec(hiddenLayers, activation, outputActivation, loss, optimizer, hyperparameters, batchSize, epochs, count, seed, backend);
    }

    public TrainingSpec withSeed(long value) {
        return new TrainingSpec(hiddenLayers, activation, outputActivation, loss, optimizer, hyperparameters, batchSize, epochs, iterations, value, backend);
    }

    public TrainingSpec withBackend(String name) {
        return new TrainingSpec(hiddenLayers, activation, outputActivation, loss, optimizer, hyperparameters, batchSize, epochs, iterations, seed, name);
    }
}
