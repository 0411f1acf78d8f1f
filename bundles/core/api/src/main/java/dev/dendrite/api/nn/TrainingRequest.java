package dev.dendrite.api.nn;

import dev.dendrite.api.math.Precision;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What to train: the architecture, the plug-ins by name and the hyperparameters. Immutable; made
 * by a {@link Builder}, whose setters check each value as it is set, so a request is valid by
 * construction and a bad value is refused where the request is built (the message names the field
 * and the value).
 *
 * <p>Training runs for {@code epochs} passes over the training data, or, when
 * {@link #iterations()} &gt; 0, for exactly that many mini-batch updates. One epoch is
 * ceil(m / batchSize) iterations; {@link #batchSize()} 0 means the whole training set (batch
 * gradient descent). Plug-in names left {@code null} are chosen by the trainer from the task:
 * sigmoid + binary_crossentropy for two classes, softmax + categorical_crossentropy for more,
 * linear + mse for regression.
 *
 * <p>The learning rate α is a field of its own: when unset, the optimizer's
 * {@link Optimizer#defaultLearningRate()} applies. The trainer passes α (after any
 * {@link LearningRateSchedule}) to {@link Updater#update} on every iteration; the optimizer's
 * other hyperparameters ({@code momentum}, {@code beta1}, …) travel in
 * {@link #optimizerHyperparameters()}.
 *
 * <p>Regularization: L2 adds (λ/2m)·Σ_l ‖W[l]‖² to the cost and (λ/m)·W[l] to dW[l]; inverted
 * dropout zeroes each hidden unit with probability {@code dropout} during training and scales the
 * kept ones by 1/(1 − dropout). Early stopping ends the run when {@code monitor} has not improved
 * for {@code patience} epochs and restores the weights of its best epoch.
 *
 * <p>{@link #precision()} is the format the run computes in: float64 by default, float32 for twice
 * the vector lanes (since 1.2).
 */
public final class TrainingRequest {

    /** The weight initializations the trainer knows: he, xavier and small (0.01·N(0,1), the course's). */
    public static final Set<String> INITIALIZERS = Set.of("he", "xavier", "small");

    private final List<Integer> hiddenLayers;
    private final String activation;
    private final String outputActivation;
    private final String loss;
    private final String optimizer;
    private final double learningRate;
    private final Map<String, Double> optimizerHyperparameters;
    private final int batchSize;
    private final int epochs;
    private final long iterations;
    private final long seed;
    private final String backend;
    private final String initializer;
    private final double l2;
    private final double dropout;
    private final LearningRateSchedule schedule;
    private final int patience;
    private final String monitor;
    private final Precision precision;

    private TrainingRequest(Builder b) {
        hiddenLayers = List.copyOf(b.hiddenLayers);
        activation = b.activation;
        outputActivation = b.outputActivation;
        loss = b.loss;
        optimizer = b.optimizer;
        learningRate = b.learningRate;
        optimizerHyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.optimizerHyperparameters));
        batchSize = b.batchSize;
        epochs = b.epochs;
        iterations = b.iterations;
        seed = b.seed;
        backend = b.backend;
        initializer = b.initializer;
        l2 = b.l2;
        dropout = b.dropout;
        schedule = b.schedule;
        patience = b.patience;
        monitor = b.monitor;
        precision = b.precision;
    }

    /** A builder with the defaults: one hidden layer of 16 tanh units, sgd at its default rate, batch 32, 100 epochs, seed 42. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this request. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** n[1] … n[L-1], the hidden widths (n[L] follows from the data); empty for none. */
    public List<Integer> hiddenLayers() {
        return hiddenLayers;
    }

    /** The hidden-layer activation's name. */
    public String activation() {
        return activation;
    }

    /** The output activation's name, or null for the task's default. */
    public String outputActivation() {
        return outputActivation;
    }

    /** The loss's name, or null for the task's default. */
    public String loss() {
        return loss;
    }

    /** The optimizer's name. */
    public String optimizer() {
        return optimizer;
    }

    /** α, or empty for the optimizer's {@link Optimizer#defaultLearningRate() default}. */
    public OptionalDouble learningRate() {
        return Double.isNaN(learningRate) ? OptionalDouble.empty() : OptionalDouble.of(learningRate);
    }

    /** The optimizer's hyperparameters other than α that the user set, by name. */
    public Map<String, Double> optimizerHyperparameters() {
        return optimizerHyperparameters;
    }

    /** Samples per iteration, 0 for the whole training set. */
    public int batchSize() {
        return batchSize;
    }

    /** Passes over the training data (not used when {@link #iterations()} &gt; 0). */
    public int epochs() {
        return epochs;
    }

    /** Total updates, or 0 to train by epochs. */
    public long iterations() {
        return iterations;
    }

    /** Seeds initialization, shuffling and dropout. */
    public long seed() {
        return seed;
    }

    /** The maths back-end's name, or null for the highest-ranked one. */
    public String backend() {
        return backend;
    }

    /** One of {@link #INITIALIZERS}, or null for each activation's own choice. */
    public String initializer() {
        return initializer;
    }

    /** λ ≥ 0 of L2 regularization. */
    public double l2() {
        return l2;
    }

    /** Drop probability of hidden units, in [0, 1). */
    public double dropout() {
        return dropout;
    }

    /** How α changes per epoch. */
    public LearningRateSchedule schedule() {
        return schedule;
    }

    /** Epochs without improvement before early stopping, 0 for none. */
    public int patience() {
        return patience;
    }

    /**
     * What early stopping watches: {@code loss}, a metric, or either with {@code val_}; null for
     * {@code val_loss} ({@code loss} without validation data).
     */
    public String monitor() {
        return monitor;
    }

    /**
     * The format of the run's parameters and computations, {@link Precision#FLOAT64} unless set.
     *
     * @since 1.2
     */
    public Precision precision() {
        return precision;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingRequest r && hiddenLayers.equals(r.hiddenLayers) && activation.equals(r.activation)
                && Objects.equals(outputActivation, r.outputActivation) && Objects.equals(loss, r.loss)
                && optimizer.equals(r.optimizer) && Double.compare(learningRate, r.learningRate) == 0
                && optimizerHyperparameters.equals(r.optimizerHyperparameters) && batchSize == r.batchSize
                && epochs == r.epochs && iterations == r.iterations && seed == r.seed && Objects.equals(backend, r.backend)
                && Objects.equals(initializer, r.initializer) && Double.compare(l2, r.l2) == 0
                && Double.compare(dropout, r.dropout) == 0 && schedule.equals(r.schedule) && patience == r.patience
                && Objects.equals(monitor, r.monitor) && precision == r.precision;
    }

    @Override
    public int hashCode() {
        return Objects.hash(hiddenLayers, activation, outputActivation, loss, optimizer, learningRate, optimizerHyperparameters,
                batchSize, epochs, iterations, seed, backend, initializer, l2, dropout, schedule, patience, monitor,
                precision);
    }

    @Override
    public String toString() {
        return "TrainingRequest[layers=" + hiddenLayers + ", activation=" + activation + ", output=" + outputActivation
                + ", loss=" + loss + ", optimizer=" + optimizer + ", lr=" + learningRate + ", hp=" + optimizerHyperparameters
                + ", batch=" + batchSize + ", epochs=" + epochs + ", iterations=" + iterations + ", seed=" + seed
                + ", backend=" + backend + ", init=" + initializer + ", l2=" + l2 + ", dropout=" + dropout
                + ", schedule=" + schedule + ", patience=" + patience + ", monitor=" + monitor + ", precision=" + precision.label() + "]";
    }

    /**
     * The mutable companion of {@link TrainingRequest}. Each setter checks its value and throws
     * {@link IllegalArgumentException} naming the field and the value; {@code null} clears an
     * optional name back to its default.
     */
    public static final class Builder {
        private List<Integer> hiddenLayers = List.of(16);
        private String activation = "tanh";
        private String outputActivation;
        private String loss;
        private String optimizer = "sgd";
        private double learningRate = Double.NaN;
        private final Map<String, Double> optimizerHyperparameters = new LinkedHashMap<>();
        private int batchSize = 32;
        private int epochs = 100;
        private long iterations;
        private long seed = 42;
        private String backend;
        private String initializer;
        private double l2;
        private double dropout;
        private LearningRateSchedule schedule = LearningRateSchedule.CONSTANT;
        private int patience;
        private String monitor;
        private Precision precision = Precision.FLOAT64;

        private Builder() {
        }

        private Builder(TrainingRequest r) {
            hiddenLayers = r.hiddenLayers;
            activation = r.activation;
            outputActivation = r.outputActivation;
            loss = r.loss;
            optimizer = r.optimizer;
            learningRate = r.learningRate;
            optimizerHyperparameters.putAll(r.optimizerHyperparameters);
            batchSize = r.batchSize;
            epochs = r.epochs;
            iterations = r.iterations;
            seed = r.seed;
            backend = r.backend;
            initializer = r.initializer;
            l2 = r.l2;
            dropout = r.dropout;
            schedule = r.schedule;
            patience = r.patience;
            monitor = r.monitor;
            precision = r.precision;
        }

        /** The hidden widths, each ≥ 1; empty for no hidden layer (logistic or linear regression). */
        public Builder hiddenLayers(List<Integer> widths) {
            for (Integer width : widths) {
                if (width == null || width < 1) {
                    throw new IllegalArgumentException("a layer width must be a positive integer, got " + width);
                }
            }
            hiddenLayers = List.copyOf(widths);
            return this;
        }

        public Builder activation(String name) {
            activation = name(name, "activation");
            return this;
        }

        /** The output activation, or null for the task's default. */
        public Builder outputActivation(String name) {
            outputActivation = name == null ? null : name(name, "output activation");
            return this;
        }

        /** The loss, or null for the task's default. */
        public Builder loss(String name) {
            loss = name == null ? null : name(name, "loss");
            return this;
        }

        public Builder optimizer(String name) {
            optimizer = name(name, "optimizer");
            return this;
        }

        /** α &gt; 0 and finite. */
        public Builder learningRate(double alpha) {
            if (!(alpha > 0 && Double.isFinite(alpha))) {
                throw new IllegalArgumentException("the learning rate must be a positive number, got " + alpha);
            }
            learningRate = alpha;
            return this;
        }

        /** Back to the optimizer's default learning rate. */
        public Builder defaultLearningRate() {
            learningRate = Double.NaN;
            return this;
        }

        /**
         * One of the optimizer's hyperparameters other than α (the optimizer checks its range when
         * the run starts, and the trainer refuses a name the optimizer does not have).
         */
        public Builder optimizerHyperparameter(String name, double value) {
            String key = name(name, "optimizer hyperparameter name");
            if (key.equals("lr")) {
                throw new IllegalArgumentException("the learning rate is not an optimizer hyperparameter: set it as the learning rate (--lr)");
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("optimizer hyperparameter " + key + " must be a finite number, got " + value);
            }
            optimizerHyperparameters.put(key, value);
            return this;
        }

        /** Samples per iteration, ≥ 1 (see {@link #fullBatch()}). */
        public Builder batchSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("the batch size must be a positive integer, got " + size);
            }
            batchSize = size;
            return this;
        }

        /** Every iteration takes the whole training set (batch gradient descent). */
        public Builder fullBatch() {
            batchSize = 0;
            return this;
        }

        public Builder epochs(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("the number of epochs must be a positive integer, got " + count);
            }
            epochs = count;
            return this;
        }

        /** Train for exactly this many updates (≥ 1) instead of by epochs. */
        public Builder iterations(long count) {
            if (count < 1) {
                throw new IllegalArgumentException("the number of iterations must be a positive integer, got " + count);
            }
            iterations = count;
            return this;
        }

        /** Train by epochs again. */
        public Builder byEpochs() {
            iterations = 0;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** The maths back-end, or null for the highest ranked. */
        public Builder backend(String name) {
            backend = name == null ? null : name(name, "back-end");
            return this;
        }

        /** One of {@link #INITIALIZERS}, or null for each activation's own choice. */
        public Builder initializer(String name) {
            if (name != null && !INITIALIZERS.contains(name)) {
                throw new IllegalArgumentException("unknown weight initialization '" + name + "' (available: he, small, xavier)");
            }
            initializer = name;
            return this;
        }

        /** λ ≥ 0 and finite. */
        public Builder l2(double lambda) {
            if (!(lambda >= 0 && Double.isFinite(lambda))) {
                throw new IllegalArgumentException("the L2 strength λ must be a number >= 0, got " + lambda);
            }
            l2 = lambda;
            return this;
        }

        /** In [0, 1). */
        public Builder dropout(double probability) {
            if (!(probability >= 0 && probability < 1)) {
                throw new IllegalArgumentException("the dropout probability must be in [0, 1), got " + probability);
            }
            dropout = probability;
            return this;
        }

        public Builder schedule(LearningRateSchedule value) {
            schedule = Objects.requireNonNull(value, "schedule");
            return this;
        }

        /** Epochs without improvement before stopping, ≥ 0 (0: no early stopping). */
        public Builder patience(int epochs) {
            if (epochs < 0) {
                throw new IllegalArgumentException("patience must be an integer >= 0, got " + epochs);
            }
            patience = epochs;
            return this;
        }

        /** What early stopping watches, or null for the default. */
        public Builder monitor(String metric) {
            monitor = metric == null ? null : name(metric, "monitored metric");
            return this;
        }

        /**
         * float64 (the default) or float32.
         *
         * @since 1.2
         */
        public Builder precision(Precision value) {
            precision = Objects.requireNonNull(value, "precision");
            return this;
        }

        public TrainingRequest build() {
            return new TrainingRequest(this);
        }

        private static String name(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("the " + what + " must be a name, got '" + (value == null ? "" : value) + "'");
            }
            return value.trim();
        }
    }
}
