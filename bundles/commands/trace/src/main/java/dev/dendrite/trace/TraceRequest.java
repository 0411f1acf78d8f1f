package dev.dendrite.trace;

import dev.dendrite.api.nn.TrainingRequest;
import java.util.List;

/**
 * What to trace: a network and its training (or a saved model, whose weights and architecture
 * win), the samples (generated, or the first ones of a data source) and the unit whose z is
 * written out. The values are checked where they are read, by {@link TraceCommand}'s options
 * and the {@link TrainingRequest} builder; what is too large to print is refused here, before
 * anything is traced.
 *
 * @param training  the network (hidden widths, activations, loss), the optimizer and α, the seed
 *                  of the initial weights and generated samples, the back-end
 * @param samples   m, from 1 to {@link #MAX_SAMPLES}
 * @param data      a data source (built-in name or file), or null for generated samples (or, with
 *                  a model, the data the model was trained on)
 * @param model     a saved model's name, or null
 * @param unitLayer l of the unit whose z is expanded
 * @param unit      k of that unit, 1-based
 */
record TraceRequest(TrainingRequest training, int samples, String data, String model, int unitLayer, int unit) {

    /** At most this many samples (columns) are printed. */
    static final int MAX_SAMPLES = 4;
    /** At most this many layers L are printed. */
    static final int MAX_LAYERS = 4;
    /** At most this many units in any layer, n[0] included, are printed. */
    static final int MAX_UNITS = 16;
    /**
     * The course's network when the command line says nothing: with the 4 generated features,
     * 4-4-2-1, tanh hidden units, a sigmoid output (the task's default), sgd at its own rate, seed 42.
     */
    static final TrainingRequest DEFAULT_TRAINING = TrainingRequest.builder().hiddenLayers(List.of(4, 2)).activation("tanh")
            .optimizer("sgd").seed(42).build();
    static final int DEFAULT_SAMPLES = 2;

    TraceRequest {
        if (model == null) {
            List<Integer> hidden = training.hiddenLayers();
            if (hidden.size() + 1 > MAX_LAYERS) {
                throw new IllegalArgumentException("a network of " + (hidden.size() + 1) + " layers is too large to print:"
                        + " ml:trace prints at most " + MAX_LAYERS + " layers (" + (MAX_LAYERS - 1) + " hidden)");
            }
            for (int width : hidden) {
                checkWidth("a hidden layer", width);
            }
        }
    }

    /** What the trainer is asked: {@code training} for exactly one full-batch iteration. */
    TrainingRequest oneIteration() {
        return training.toBuilder().fullBatch().iterations(1).build();
    }

    /** Rejects a layer of more than {@link #MAX_UNITS} units ({@code what} names it). */
    static void checkWidth(String what, int units) {
        if (units > MAX_UNITS) {
            throw new IllegalArgumentException(what + " of " + units + " units is too large to print: ml:trace prints at most "
                    + MAX_UNITS + " units per layer");
        }
    }
}
