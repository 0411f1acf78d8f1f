package dev.dendrite.api.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to train, as version 1.0 of this package said it: use {@link TrainingRequest}, made by its
 * builder, which this record converts to ({@link #toRequest()}).
 *
 * @deprecated since 1.1, replaced by {@link TrainingRequest}; removed in 2.0
 *
 * <p>Training runs for {@code epochs} passes over the training data, or, when
 * {@code iterations} &gt; 0, for exactly that many mini-batch updates. One epoch is
 * ceil(m / batchSize) iterations; {@code batchSize} 0 means the whole training set
 * (batch gradient descent). Plug-in names left {@code null} are chosen by the trainer from the
 * task: sigmoid + binary_crossentropy for two classes, softmax + categorical_crossentropy for
 * more, linear + mse for regression.
 *
 * <p>Regularization: L2 adds (λ/2m)·Σ_l ‖W[l]‖² to the cost and (λ/m)·W[l] to dW[l]; inverted
 * dropout zeroes each hidden unit with probability {@code dropout} during training and scales the
 * kept ones by 1/(1 − dropout), so nothing changes at prediction time. Early stopping ends the run
 * when {@code monitor} has not improved for {@code patience} epochs and restores the weights of
 * its best epoch.
 *
 * @param hiddenLayers     n[1] … n[L-1], the hidden widths (n[L] follows from the data)
 * @param activation       hidden-layer activation name
 * @param outputActivation output activation name, or null for the task's default
 * @param loss             loss name, or null for the task's default
 * @param optimizer        optimizer name
 * @param hyperparameters  optimizer hyperparameters by name, e.g. {@code lr}
 * @param batchSize        samples per iteration, 0 for full batch
 * @param epochs           passes over the data (ignored when iterations &gt; 0)
 * @param iterations       total updates, or 0 to train by epochs
 * @param seed             seeds initialization, shuffling and dropout
 * @param backend          maths back-end name, or null for the highest-ranked one
 * @param initializer      {@code he}, {@code xavier} or {@code small} (0.01·N(0,1), the course's), or null
 *                         for each activation's own choice
 * @param l2               λ ≥ 0
 * @param dropout          drop probability of hidden units, in [0, 1)
 * @param schedule         how α changes per epoch
 * @param patience         epochs without improvement before early stopping, 0 for none
 * @param monitor          what early stopping watches: {@code loss}, a metric, or either with
 *                         {@code val_}; null for {@code val_loss} (or {@code loss} without validation)
 */
@Deprecated
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
        String backend,
        String initializer,
        double l2,
        double dropout,
        LearningRateSchedule schedule,
        int patience,
        String monitor) {

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
        if (!(l2 >= 0 && Double.isFinite(l2))) {
            throw new IllegalArgumentException("L2 strength λ must be >= 0, got " + l2);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        if (schedule == null) {
            schedule = LearningRateSchedule.CONSTANT;
        }
    }

    /** The essentials, with no regularization, a constant rate and no early stopping. */
    public TrainingSpec(List<Integer> hiddenLayers, String activation, String outputActivation, String loss,
                        String optimizer, Map<String, Double> hyperparameters, int batchSize, int epochs,
                        long iterations, long seed, String backend) {
        this(hiddenLayers, activation, outputActivation, loss, optimizer, hyperparameters, batchSize, epochs,
                iterations, seed, backend, null, 0, 0, LearningRateSchedule.CONSTANT, 0, null);
    }

    /** Defaults: one hidden layer of 16 tanh units, sgd at its default rate, batch 32, 100 epochs, seed 42. */
    public static TrainingSpec defaults() {
        return new TrainingSpec(List.of(16), "tanh", null, null, "sgd", Map.of(), 32, 100, 0, 42, null);
    }

    /**
     * The same request as a {@link TrainingRequest}: the hyperparameter {@code lr} becomes its
     * learning rate, the other hyperparameters its optimizer hyperparameters.
     */
    public TrainingRequest toRequest() {
        TrainingRequest.Builder b = TrainingRequest.builder().hiddenLayers(hiddenLayers).activation(activation)
                .outputActivation(outputActivation).loss(loss).optimizer(optimizer).seed(seed).backend(backend)
                .initializer(initializer).l2(l2).dropout(dropout).schedule(schedule).patience(patience).monitor(monitor);
        hyperparameters.forEach((name, value) -> {
            if (name.equals("lr")) {
                b.learningRate(value);
            } else {
                b.optimizerHyperparameter(name, value);
            }
        });
        if (batchSize == 0) {
            b.fullBatch();
        } else {
            b.batchSize(batchSize);
        }
        if (iterations > 0) {
            b.iterations(iterations);
        } else {
            b.epochs(epochs);
        }
        return b.build();
    }

    /** A builder starting from this spec. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public TrainingSpec withHiddenLayers(List<Integer> widths) {
        return toBuilder().hiddenLayers(widths).build();
    }

    public TrainingSpec withActivation(String name) {
        return toBuilder().activation(name).build();
    }

    public TrainingSpec withOutputActivation(String name) {
        return toBuilder().outputActivation(name).build();
    }

    public TrainingSpec withLoss(String name) {
        return toBuilder().loss(name).build();
    }

    public TrainingSpec withOptimizer(String name) {
        return toBuilder().optimizer(name).build();
    }

    /** A copy with one hyperparameter set (others kept). */
    public TrainingSpec withHyperparameter(String name, double value) {
        return toBuilder().hyperparameter(name, value).build();
    }

    public TrainingSpec withBatchSize(int size) {
        return toBuilder().batchSize(size).build();
    }

    public TrainingSpec withEpochs(int count) {
        return toBuilder().epochs(count).build();
    }

    public TrainingSpec withIterations(long count) {
        return toBuilder().iterations(count).build();
    }

    public TrainingSpec withSeed(long value) {
        return toBuilder().seed(value).build();
    }

    public TrainingSpec withBackend(String name) {
        return toBuilder().backend(name).build();
    }

    /** Mutable companion of {@link TrainingSpec}; {@link #build()} validates. */
    public static final class Builder {
        private List<Integer> hiddenLayers;
        private String activation;
        private String outputActivation;
        private String loss;
        private String optimizer;
        private final Map<String, Double> hyperparameters;
        private int batchSize;
        private int epochs;
        private long iterations;
        private long seed;
        private String backend;
        private String initializer;
        private double l2;
        private double dropout;
        private LearningRateSchedule schedule;
        private int patience;
        private String monitor;

        private Builder(TrainingSpec s) {
            hiddenLayers = s.hiddenLayers;
            activation = s.activation;
            outputActivation = s.outputActivation;
            loss = s.loss;
            optimizer = s.optimizer;
            hyperparameters = new LinkedHashMap<>(s.hyperparameters);
            batchSize = s.batchSize;
            epochs = s.epochs;
            iterations = s.iterations;
            seed = s.seed;
            backend = s.backend;
            initializer = s.initializer;
            l2 = s.l2;
            dropout = s.dropout;
            schedule = s.schedule;
            patience = s.patience;
            monitor = s.monitor;
        }

        public Builder hiddenLayers(List<Integer> v) {
            hiddenLayers = v;
            return this;
        }

        public Builder activation(String v) {
            activation = v;
            return this;
        }

        public Builder outputActivation(String v) {
            outputActivation = v;
            return this;
        }

        public Builder loss(String v) {
            loss = v;
            return this;
        }

        public Builder optimizer(String v) {
            optimizer = v;
            return this;
        }

        public Builder hyperparameter(String name, double value) {
            hyperparameters.put(name, value);
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        public Builder iterations(long v) {
            iterations = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder backend(String v) {
            backend = v;
            return this;
        }

        public Builder initializer(String v) {
            initializer = v;
            return this;
        }

        public Builder l2(double v) {
            l2 = v;
            return this;
        }

        public Builder dropout(double v) {
            dropout = v;
            return this;
        }

        public Builder schedule(LearningRateSchedule v) {
            schedule = v;
            return this;
        }

        public Builder patience(int v) {
            patience = v;
            return this;
        }

        public Builder monitor(String v) {
            monitor = v;
            return this;
        }

        public TrainingSpec build() {
            return new TrainingSpec(hiddenLayers, activation, outputActivation, loss, optimizer, hyperparameters,
                    batchSize, epochs, iterations, seed, backend, initializer, l2, dropout, schedule, patience, monitor);
        }
    }
}
