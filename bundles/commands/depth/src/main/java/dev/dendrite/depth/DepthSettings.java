package dev.dendrite.depth;

import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.options.TrainingOptions;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One depth study: networks of each depth in {@code depths} (hidden layers), matched to
 * {@code budget} parameters, trained on the same samples alike ({@code training}) from each of
 * {@code seeds} seeds, and scored on a validation set of as many samples drawn apart. The values
 * are checked where they are read, by {@link DepthCommand}'s options and the
 * {@link TrainingRequest} builder.
 *
 * @param task     the generated task
 * @param budget   the parameter count every network is matched to (within 5 %)
 * @param depths   the numbers of hidden layers to compare, e.g. 1, 2, 3, 4
 * @param seeds    runs per depth, with seeds {@code training.seed()}, + 1, …
 * @param training how every network is trained (activation, optimizer, α, batch, epochs, back-end);
 *                 its seed draws the samples and seeds the first run
 * @param samples  training samples m (the validation set has as many)
 * @param threads  runs trained at the same time
 */
record DepthSettings(DepthTask task, long budget, List<Integer> depths, int seeds, TrainingRequest training, int samples,
                     int threads) {

    static final DepthTask DEFAULT_TASK = DepthTask.SPIRALS;
    static final int DEFAULT_BUDGET = 200;
    static final List<Integer> DEFAULT_DEPTHS = List.of(1, 2, 3, 4);
    static final int DEFAULT_SEEDS = 10;
    static final int DEFAULT_SAMPLES = 600;
    /** How every network is trained when the command line says nothing. */
    static final TrainingRequest DEFAULT_TRAINING = TrainingRequest.builder().activation("relu").optimizer("adam")
            .learningRate(0.01).batchSize(32).epochs(500).seed(42).build();
    /** The most hidden layers compared (the table and the text chart label depths with one digit). */
    static final int MAX_DEPTH = 9;

    DepthSettings {
        depths = List.copyOf(depths);
    }

    /** What the trainer is asked for {@code architecture} from {@code seed}: the task's output and loss, the study's training. */
    TrainingRequest network(Architecture architecture, long seed) {
        return training.toBuilder().hiddenLayers(architecture.hidden()).outputActivation(task.output()).loss(task.loss())
                .seed(seed).build();
    }

    /** Passes over the training samples, the same for every network. */
    int epochs() {
        return training.epochs();
    }

    /** One line on what was trained and how. */
    String describeTraining() {
        return String.format(Locale.ROOT, "%s hidden units, %s α = %s, batch %s, %d epochs, %d seeds; %d training and %d validation samples",
                training.activation(), training.optimizer(), Objects.requireNonNullElse(TrainingOptions.show(TrainingOptions.LR, training), "its default"),
                TrainingOptions.show(TrainingOptions.BATCH, training), training.epochs(), seeds, samples, samples);
    }
}
