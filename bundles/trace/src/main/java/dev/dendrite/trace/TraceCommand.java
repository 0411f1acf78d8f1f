package dev.dendrite.trace;

import dev.dendrite.api.data.DataService;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.models.ModelStore;
import java.io.PrintStream;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Gogo command {@code ml:trace}: one iteration of gradient descent on a tiny network and a few
 * samples, printed step by step as the trainer computed it (see {@link Tracer} and
 * {@link TracePrinter}).
 */
@Component(service = Object.class, property = {"osgi.command.scope=ml", "osgi.command.function=trace"})
public final class TraceCommand {

    private final Tracer tracer;

    @Activate
    public TraceCommand(@Reference Trainer trainer, @Reference DataService data, @Reference ModelStore models) {
        this.tracer = new Tracer(trainer, data, models);
    }

    @Descriptor("traces one iteration of gradient descent on a tiny network: forward propagation layer by layer, the loss,"
            + " backward propagation with a finite-difference check of every dW, and the optimizer's update")
    public void trace(
            @Descriptor("hidden layer widths n[1],…,n[L-1], comma-separated, none for no hidden layer (default "
                    + TraceRequest.DEFAULT_LAYERS + ": with the 4 generated features, the course's 4-4-2-1 network)")
            @Parameter(names = "--layers", absentValue = "") String layers,
            @Descriptor("hidden-layer activation, see ml:activations (default " + TraceRequest.DEFAULT_ACTIVATION + ")")
            @Parameter(names = "--activation", absentValue = TraceRequest.DEFAULT_ACTIVATION) String activation,
            @Descriptor("output activation (default: sigmoid for 2 classes, softmax for more, linear for regression)")
            @Parameter(names = "--output", absentValue = "") String output,
            @Descriptor("loss (default: binary_crossentropy, categorical_crossentropy or mse to match the output)")
            @Parameter(names = "--loss", absentValue = "") String loss,
            @Descriptor("optimizer of the update, see ml:optimizers (default " + TraceRequest.DEFAULT_OPTIMIZER + ")")
            @Parameter(names = "--optimizer", absentValue = TraceRequest.DEFAULT_OPTIMIZER) String optimizer,
            @Descriptor("learning rate α > 0 (default: the optimizer's)")
            @Parameter(names = "--lr", absentValue = "NaN") double lr,
            @Descriptor("random seed of the initial weights and the generated samples (default " + TraceRequest.DEFAULT_SEED + ")")
            @Parameter(names = "--seed", absentValue = "" + TraceRequest.DEFAULT_SEED) long seed,
            @Descriptor("samples m, the columns of X, 1 to " + TraceRequest.MAX_SAMPLES + " (default " + TraceRequest.DEFAULT_SAMPLES + ")")
            @Parameter(names = "--samples", absentValue = "" + TraceRequest.DEFAULT_SAMPLES) int samples,
            @Descriptor("take the first samples of a built-in data set or CSV file instead of generated ones"
                    + " (with --model: default the data it was trained on)")
            @Parameter(names = "--data", absentValue = "") String data,
            @Descriptor("trace a saved model (see ml:models) from its weights instead of a seeded --layers network")
            @Parameter(names = "--model", absentValue = "") String model,
            @Descriptor("the unit l,k whose z_k = Σ_i w_ki·a_i + b_k is written out (default 1,1)")
            @Parameter(names = "--unit", absentValue = "1,1") String unit,
            @Descriptor("maths back-end (default: the highest ranked; see ml:backends)")
            @Parameter(names = "--backend", absentValue = "") String backend) {
        execute(request(layers, activation, output, loss, optimizer, lr, seed, samples, data, model, unit, backend), System.out);
    }

    /** The request of the command's options (empty strings are options not given). */
    static TraceRequest request(String layers, String activation, String output, String loss, String optimizer, double lr,
                                long seed, int samples, String data, String model, String unit, String backend) {
        if (!layers.isBlank() && !model.isBlank()) {
            throw new IllegalArgumentException("give --layers or --model, not both");
        }
        int[] lk = TraceRequest.parseUnit(unit);
        return new TraceRequest(model.isBlank() ? TraceRequest.parseWidths(layers.isBlank() ? TraceRequest.DEFAULT_LAYERS : layers) : null,
                activation, optional(output), optional(loss), optimizer, lr, seed, samples, optional(data), optional(model),
                lk[0], lk[1], optional(backend));
    }

    /** Traces and prints to {@code out}. */
    void execute(TraceRequest request, PrintStream out) {
        Trace trace = tracer.trace(request);
        new TracePrinter(out).print(trace, request.unitLayer(), request.unit());
    }

    private static String optional(String value) {
        return value.isBlank() ? null : value.strip();
    }
}
