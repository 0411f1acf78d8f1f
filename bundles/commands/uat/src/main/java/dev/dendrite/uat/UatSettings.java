package dev.dendrite.uat;

import dev.dendrite.api.nn.TrainingRequest;
import java.util.List;

/**
 * One demo run: the target, the hidden widths to try, how every network is trained and the
 * samples it is trained on. The network of one width is {@link #network(int)}: {@code training}
 * with one hidden layer of that width, a linear output and the mse loss. The values are checked
 * where they are read, by {@link UatCommand}'s options and the {@link TrainingRequest} builder.
 *
 * @param target   the function to approximate
 * @param widths   n[1] for each network, in order
 * @param training how every network is trained (activation, optimizer, α, iterations or epochs,
 *                 batch, seed, back-end); its seed also draws the samples
 * @param samples  training samples m, spread over the domain
 */
public record UatSettings(Target target, List<Integer> widths, TrainingRequest training, int samples) {

    /** The widths tried when none are given: 1, 2, 4, …, 64. */
    static final List<Integer> DEFAULT_WIDTHS = List.of(1, 2, 4, 8, 16, 32, 64);

    public UatSettings {
        widths = List.copyOf(widths);
    }

    /**
     * How every network is trained when the command line says nothing, by the number of variables
     * of the target: full-batch adam, seed 42, and, chosen by measurement (README.md, "Why these
     * defaults"), relu units for one variable, whose sin error falls steadily with the width, and
     * tanh units for two, which fit the smooth 2-D target far better than relu within the time
     * budget.
     */
    static TrainingRequest defaultTraining(int dimensions) {
        TrainingRequest.Builder b = TrainingRequest.builder().optimizer("adam").fullBatch().seed(42);
        return dimensions == 1
                ? b.activation("relu").learningRate(0.005).iterations(10000).build()
                : b.activation("tanh").learningRate(0.01).iterations(3000).build();
    }

    /** The training samples m when none are given, by the number of variables. */
    static int defaultSamples(int dimensions) {
        return dimensions == 1 ? 128 : 256;
    }

    /** Every default for {@code target}: widths 1 … 64, its {@link #defaultTraining} and {@link #defaultSamples}. */
    static UatSettings defaults(Target target) {
        return new UatSettings(target, DEFAULT_WIDTHS, defaultTraining(target.dimensions()), defaultSamples(target.dimensions()));
    }

    /** What the trainer is asked for the network of {@code width} hidden units. */
    TrainingRequest network(int width) {
        return training.toBuilder().hiddenLayers(List.of(width)).outputActivation("linear").loss("mse").build();
    }

    /** E.g. {@code relu hidden units, linear output, mse, adam lr 0.005, 10000 iterations, full batch, …}. */
    String describeTraining() {
        TrainingRequest t = training;
        String rate = t.learningRate().isPresent() ? " lr " + t.learningRate().getAsDouble() : " at its default rate";
        String length = t.iterations() > 0 ? t.iterations() + " iterations" : t.epochs() + " epochs";
        String batching = t.batchSize() == 0 ? "full batch" : "batch " + t.batchSize();
        return t.activation() + " hidden units, linear output, mse, " + t.optimizer() + rate + ", " + length + ", " + batching
                + ", " + samples + " samples, seed " + t.seed() + (t.backend() == null ? "" : ", backend " + t.backend());
    }
}
