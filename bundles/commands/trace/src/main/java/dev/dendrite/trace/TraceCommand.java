package dev.dendrite.trace;

import dev.dendrite.api.data.DataService;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.models.ModelStore;
import dev.dendrite.options.Arguments;
import dev.dendrite.options.CommandCatalog;
import dev.dendrite.options.CommandException;
import dev.dendrite.options.CommandSyntax;
import dev.dendrite.options.Completion;
import dev.dendrite.options.Option;
import dev.dendrite.options.TrainingOptions;
import java.io.PrintStream;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Gogo command {@code ml:trace}: one iteration of gradient descent on a tiny network and a few
 * samples, printed step by step as the trainer computed it (see {@link Tracer} and
 * {@link TracePrinter}). The network and training options are {@code ml:train}'s
 * ({@link TrainingOptions}), with the course's network as the default
 * ({@link TraceRequest#DEFAULT_TRAINING}).
 */
@Component(service = {TraceCommand.class, CommandCatalog.class}, property = {"osgi.command.scope=ml", "osgi.command.function=trace"})
public final class TraceCommand implements CommandCatalog {

    static final Option<Integer> SAMPLES = Option.integer("samples", "samples m, the columns of X")
            .checked(TraceCommand::checkSamples).defaultText(String.valueOf(TraceRequest.DEFAULT_SAMPLES));
    static final Option<String> DATA = Option.text("data", "SOURCE",
                    "take the first samples of a built-in data set or CSV file instead of generated ones")
            .completion(Completion.DATASET).defaultText("generated samples; with --model the data it was trained on");
    static final Option<String> MODEL = Option.of("model", "NAME",
                    "trace a saved model (ml:models) from its weights instead of a seeded --layers network", ModelStore::checkName)
            .completion(Completion.MODEL).defaultText("none");
    static final Option<List<Integer>> UNIT = Option.integers("unit", "L,K", "the unit k of layer l whose z_k = Σ_i w_ki·a_i + b_k"
            + " is written out").checked(TraceCommand::checkUnit).defaultText("1,1");

    static final CommandSyntax SYNTAX = CommandSyntax.command("ml:trace", "traces one iteration of gradient descent on a tiny"
                    + " network: forward propagation layer by layer, the loss, backward propagation with a finite-difference check"
                    + " of every dW, and the optimizer's update")
            .options(TrainingOptions.only("layers", "activation", "output", "loss", "optimizer", "lr", "seed"))
            .options(List.of(SAMPLES, DATA, MODEL, UNIT))
            .options(TrainingOptions.only("backend"))
            .build();

    private final Tracer tracer;

    @Activate
    public TraceCommand(@Reference Trainer trainer, @Reference DataService data, @Reference ModelStore models) {
        this.tracer = new Tracer(trainer, data, models);
    }

    @Override
    public List<CommandSyntax> commands() {
        return List.of(SYNTAX);
    }

    @Descriptor("one iteration of the real trainer on a tiny network, printed: forward, loss, backward with finite"
            + " differences, one update; ml:trace --help lists the options and their defaults")
    public Object trace(@Descriptor("[options]") String... words) {
        return SYNTAX.run(words, option -> TrainingOptions.show(option, TraceRequest.DEFAULT_TRAINING), arguments -> {
            execute(request(arguments), System.out);
            return null;
        });
    }

    /** The request of a command line: what it gives over the course's network. */
    static TraceRequest request(Arguments arguments) {
        if (arguments.has(TrainingOptions.LAYERS) && arguments.has(MODEL)) {
            throw new CommandException("ml:trace: give --layers or --model, not both");
        }
        TrainingRequest.Builder training = TraceRequest.DEFAULT_TRAINING.toBuilder();
        TrainingOptions.apply(arguments, training);
        List<Integer> unit = arguments.get(UNIT, List.of(1, 1));
        return new TraceRequest(training.build(), arguments.get(SAMPLES, TraceRequest.DEFAULT_SAMPLES), arguments.get(DATA),
                arguments.get(MODEL), unit.get(0), unit.get(1));
    }

    /** Traces and prints to {@code out}. */
    void execute(TraceRequest request, PrintStream out) {
        Trace trace = tracer.trace(request);
        new TracePrinter(out).print(trace, request.unitLayer(), request.unit());
    }

    /** Refuses m outside 1 to {@link TraceRequest#MAX_SAMPLES}: more columns do not fit on a line. */
    private static void checkSamples(int samples) {
        if (samples < 1 || samples > TraceRequest.MAX_SAMPLES) {
            throw new IllegalArgumentException("ml:trace prints 1 to " + TraceRequest.MAX_SAMPLES + " samples, got " + samples);
        }
    }

    /** Refuses anything but two numbers from 1: l,k. */
    private static void checkUnit(List<Integer> unit) {
        if (unit.size() != 2 || unit.get(0) < 1 || unit.get(1) < 1) {
            throw new IllegalArgumentException("must be l,k, layer l and unit k from 1, e.g. 1,1; got "
                    + String.join(",", unit.stream().map(String::valueOf).toList()));
        }
    }
}
