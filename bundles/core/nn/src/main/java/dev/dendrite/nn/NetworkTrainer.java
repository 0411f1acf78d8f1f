package dev.dendrite.nn;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.api.math.Precision;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.DenseLayer;
import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.Loss;
import dev.dendrite.api.nn.Metrics;
import dev.dendrite.api.nn.Model;
import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.nn.Predictor;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingInterruptedException;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.options.TrainingOptions;
import dev.dendrite.api.nn.Updater;
import dev.dendrite.options.TrainingMemory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The trainer: binds the run's plug-ins by name, builds and initializes the network (seeded), runs a
 * {@link TrainingRun}, and returns the model with its metrics and provenance. The trainer never
 * prints. Single-threaded and deterministic: the same spec, data and seed give bit-identical
 * weights and metrics.
 */
public final class NetworkTrainer implements Trainer {
    private final PluginResolver plugins;
    private final String platformVersion;

    public NetworkTrainer(PluginResolver plugins) {
        this(plugins, "dev");
    }

    /** @param platformVersion recorded in every model's provenance */
    public NetworkTrainer(PluginResolver plugins, String platformVersion) {
        this.plugins = plugins;
        this.platformVersion = platformVersion;
    }

    @Override
    public TrainingResult train(TrainingRequest spec, DataSplit data, TrainingListener listener, Model start) {
        if (start != null) {
            spec = fromModel(spec, start, data.train());
        }
        DataSet train = data.train();
        if (train.task() == Task.CLASSIFICATION && train.classes().size() < 2) {
            throw new IllegalArgumentException("classification needs at least 2 classes, " + train.name() + " has " + train.classes().size());
        }
        String outputName = spec.outputActivation() != null ? spec.outputActivation() : defaultOutput(train);
        String lossName = spec.loss() != null ? spec.loss() : defaultLoss(train, outputName);
        String initializer = spec.initializer();
        try (Bindings bound = new Bindings(plugins)) {
            Plugin<MatrixMath> math = bound.bind("backend", MatrixMath.class, spec.backend());
            Plugin<Activation> hidden = bound.bind("activation", Activation.class, spec.activation());
            Plugin<Activation> output = bound.bind("activation", Activation.class, outputName);
            Plugin<Loss> loss = bound.bind("loss", Loss.class, lossName);
            Plugin<Optimizer> optimizer = bound.bind("optimizer", Optimizer.class, spec.optimizer());
            double learningRate = learningRate(optimizer, spec);
            Map<String, Double> hyperparameters = hyperparameters(optimizer, spec.optimizerHyperparameters(), learningRate);
            Updater updater = optimizer.service().newUpdater(hyperparameters);

            int outputs = Targets.outputsFor(train, outputName);
            checkMemory(spec, train, outputs);
            Network<?> network = build(spec, initializer, train.features(), outputs, hidden, output, math.service());
            Targets targets = Targets.of(train, outputs, "linear".equals(outputName));
            if (start != null) {
                network.restore(targets.fromTargetUnits(start.layers()));
            }
            OutputLayer head = new OutputLayer(loss.service(), outputName);
            TrainingRun<?> run = new TrainingRun<>(spec, data, network, targets, head, updater, learningRate, listener, bound,
                    new RunPlugins(math, hidden, output, loss, optimizer));
            Map<String, String> provenance = provenance(spec.toBuilder().learningRate(learningRate).build(), train, bound.descriptions());
            List<EpochReport> history;
            try {
                history = run.execute();
            } catch (TrainingRun.StoppedException e) {
                EpochReport last = run.lastCompleted();
                TrainingResult partial = last == null ? null : new TrainingResult(
                        new Model(targets.inTargetUnits(run.lastCompletedWeights()), lossName, data.schema(),
                                withMetrics(provenance, last.train(), last.validation())), run.history(),
                        last.iterations(), bound.descriptions(), last.train(), last.validation(), e.getMessage());
                TrainingInterruptedException stopped = new TrainingInterruptedException(e.getMessage(), partial);
                if (e.getCause() != null) {
                    stopped.initCause(e.getCause());
                }
                throw stopped;
            }
            EpochReport kept = run.kept(history);
            Model model = new Model(targets.inTargetUnits(network.snapshot()), lossName, data.schema(),
                    withMetrics(provenance, kept.train(), kept.validation()));
            TrainingResult result = new TrainingResult(model, history, run.iterations(), bound.descriptions(),
                    kept.train(), kept.validation(), run.stopReason());
            listener.finished(result);
            return result;
        }
    }

    @Override
    public Matrix predict(Model model, Matrix x) {
        try (Bindings bound = new Bindings(plugins)) {
            return predict(network(model, bound), x, false);
        }
    }

    @Override
    public Predictor predictor(Model model) {
        return new NetworkPredictor(model, plugins);
    }

    /**
     * The outputs of {@code network} for X, computed in chunks of {@link Evaluation#CHUNK} samples at
     * the network's precision; with {@code powersOfTwo}, in chunks of 1, 2, 4, … samples, so that a
     * network used again and again keeps a few workspaces whatever the sizes of X.
     */
    static <M> Matrix predict(Network<M> network, Matrix x, boolean powersOfTwo) {
        if (x.rows() != network.inputs()) {
            throw new IllegalArgumentException("the model expects " + network.inputs() + " features, got " + x.rows());
        }
        int m = x.cols();
        Matrix out = new Matrix(network.outputs(), m);
        for (int from = 0; from < m; ) {
            int count = Math.min(Evaluation.CHUNK, m - from);
            if (powersOfTwo) {
                count = Integer.highestOneBit(count);
            }
            Network.Workspace<M> ws = network.workspace(count);
            network.arithmetic().columns(x, from, ws.input());
            network.forward(ws);
            Matrix a = ws.outputA();
            for (int r = 0; r < out.rows(); r++) {
                System.arraycopy(a.data(), r * count, out.data(), r * m + from, count);
            }
            from += count;
        }
        return finite(out);
    }

    @Override
    public Metrics evaluate(Model model, DataSet data) {
        if (data.features() != model.inputs()) {
            throw new IllegalArgumentException("the model expects " + model.inputs() + " features, " + data.name() + " has " + data.features());
        }
        if (data.task() != model.task()) {
            throw new IllegalArgumentException("the model does " + model.task().name().toLowerCase() + ", " + data.name() + " is "
                    + data.task().name().toLowerCase());
        }
        try (Bindings bound = new Bindings(plugins)) {
            Network<?> network = network(model, bound);
            DenseLayer last = model.layers().get(model.layers().size() - 1);
            Loss loss = bound.bind("loss", Loss.class, model.loss()).service();
            OutputLayer head = new OutputLayer(loss, last.activation());
            Targets targets = new Targets(model.task(), model.outputs(), model.classes().size());
            return Evaluation.evaluate(network, head, targets, data);
        }
    }

    /** Refuses a run whose network, batches and kept copies cannot fit in the heap ({@link TrainingMemory}). */
    private static void checkMemory(TrainingRequest spec, DataSet train, int outputs) {
        List<Integer> widths = new ArrayList<>();
        widths.add(train.features());
        widths.addAll(spec.hiddenLayers());
        widths.add(outputs);
        int m = train.samples();
        int batch = spec.batchSize() == 0 ? m : Math.min(spec.batchSize(), m);
        String layers = spec.hiddenLayers().isEmpty() ? "none"
                : spec.hiddenLayers().stream().map(String::valueOf).collect(Collectors.joining(","));
        TrainingMemory.check("--layers " + layers,
                TrainingMemory.bytes(widths, batch, Math.min(m, Evaluation.CHUNK), spec.dropout() > 0, spec.patience() > 0),
                Runtime.getRuntime().maxMemory());
    }

    /**
     * The predictions Y (n[L], m), unless one is not finite: a model whose outputs overflow on a sample has no prediction for it.
     *
     * @throws IllegalArgumentException naming the first such sample (counted from 1)
     */
    private static Matrix finite(Matrix y) {
        int m = y.cols();
        double[] v = y.data();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("sample " + (i % m + 1) + ": the prediction is not finite (" + v[i]
                        + "); the model's outputs overflow on it");
            }
        }
        return y;
    }

    /** The spec with the start model's architecture; the model must fit the data. */
    private static TrainingRequest fromModel(TrainingRequest spec, Model start, DataSet train) {
        List<DenseLayer> layers = start.layers();
        if (start.inputs() != train.features()) {
            throw new IllegalArgumentException("the start model takes " + start.inputs() + " features, " + train.name() + " has " + train.features());
        }
        String hidden = layers.size() > 1 ? layers.get(0).activation() : spec.activation();
        for (int l = 1; l < layers.size() - 1; l++) {
            if (!layers.get(l).activation().equals(hidden)) {
                throw new IllegalArgumentException("the start model mixes hidden activations (" + hidden + ", "
                        + layers.get(l).activation() + "); the trainer uses one for all hidden layers");
            }
        }
        String output = layers.get(layers.size() - 1).activation();
        if (Targets.outputsFor(train, output) != start.outputs()) {
            throw new IllegalArgumentException("the start model has " + start.outputs() + " outputs, " + train.name() + " needs "
                    + Targets.outputsFor(train, output));
        }
        List<Integer> widths = new ArrayList<>();
        for (int l = 0; l < layers.size() - 1; l++) {
            widths.add(layers.get(l).weights().rows());
        }
        return spec.toBuilder().hiddenLayers(widths).activation(hidden).outputActivation(output).loss(start.loss()).build();
    }

    /** The network of a saved model, at the precision it was trained at, its plug-ins bound in {@code bound}. */
    static Network<?> network(Model model, Bindings bound) {
        MatrixMath math = bound.bind("backend", MatrixMath.class, null).service();
        List<Activation> activations = new ArrayList<>();
        for (DenseLayer layer : model.layers()) {
            activations.add(bound.bind("activation", Activation.class, layer.activation()).service());
        }
        return new Network<>(Arithmetic.of(precision(model)), model.layers(), activations, math);
    }

    /** The precision a model was trained at: its provenance's {@code precision}, float64 when it records none. */
    static Precision precision(Model model) {
        String recorded = model.provenance().get(TrainingOptions.PRECISION.name());
        return recorded == null ? Precision.FLOAT64 : TrainingOptions.PRECISION.read(recorded);
    }

    static String defaultOutput(DataSet train) {
        if (train.task() == Task.REGRESSION) {
            return "linear";
        }
        return train.classes().size() == 2 ? "sigmoid" : "softmax";
    }

    static String defaultLoss(DataSet train, String outputActivation) {
        if (train.task() == Task.REGRESSION) {
            return "mse";
        }
        return Targets.outputsFor(train, outputActivation) == 1 ? "binary_crossentropy" : "categorical_crossentropy";
    }

    /** α: the request's, else the optimizer's default. */
    private static double learningRate(Plugin<Optimizer> optimizer, TrainingRequest request) {
        if (request.learningRate().isPresent()) {
            return request.learningRate().getAsDouble();
        }
        double rate = optimizer.service().defaultLearningRate();
        if (!(rate > 0 && Double.isFinite(rate))) {
            throw new IllegalArgumentException("optimizer " + optimizer.name() + " has no default learning rate: give one (--lr)");
        }
        return rate;
    }

    /**
     * The optimizer's defaults overridden by the user's values; unknown names are rejected. An
     * optimizer written for API 1.0 lists {@code lr} among its defaults: it gets the run's α there, as it did then.
     */
    private static Map<String, Double> hyperparameters(Plugin<Optimizer> optimizer, Map<String, Double> given, double learningRate) {
        Map<String, Double> merged = new LinkedHashMap<>(optimizer.service().defaults());
        for (Map.Entry<String, Double> e : given.entrySet()) {
            if (!merged.containsKey(e.getKey())) {
                throw new IllegalArgumentException("optimizer " + optimizer.name() + " has no hyperparameter '" + e.getKey()
                        + "' (it has: " + (merged.isEmpty() ? "none besides the learning rate" : String.join(", ", merged.keySet())) + ")");
            }
            merged.put(e.getKey(), e.getValue());
        }
        merged.replace("lr", learningRate);
        return merged;
    }

    private static Network<?> build(TrainingRequest spec, String initializer, int inputs, int outputs, Plugin<Activation> hidden,
                                 Plugin<Activation> output, MatrixMath math) {
        int depth = spec.hiddenLayers().size() + 1;
        int[] widths = new int[depth + 1];
        widths[0] = inputs;
        for (int l = 1; l < depth; l++) {
            widths[l] = spec.hiddenLayers().get(l - 1);
        }
        widths[depth] = outputs;
        List<String> names = new ArrayList<>();
        List<String> initializers = new ArrayList<>();
        List<Activation> activations = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            Plugin<Activation> g = l < depth ? hidden : output;
            names.add(g.name());
            initializers.add(initializer != null ? initializer : g.service().initializer());
            activations.add(g.service());
        }
        List<DenseLayer> layers = Initializer.initialize(widths, names, initializers, new Random(spec.seed()));
        return new Network<>(Arithmetic.of(spec.precision()), layers, activations, math);
    }

    /**
     * The provenance with the kept model's metrics, e.g. {@code train loss}, {@code validation accuracy}
     * (as {@link Double#toString(double)}), so that a saved model says how good it was when made.
     */
    private static Map<String, String> withMetrics(Map<String, String> provenance, Metrics train, Metrics validation) {
        Map<String, String> p = new LinkedHashMap<>(provenance);
        putMetrics(p, "train", train);
        putMetrics(p, "validation", validation);
        return p;
    }

    private static void putMetrics(Map<String, String> p, String split, Metrics metrics) {
        if (metrics == null) {
            return;
        }
        p.put(split + " loss", Double.toString(metrics.cost()));
        metrics.values().forEach((name, value) -> {
            if (Double.isFinite(value)) {
                p.put(split + " " + name, Double.toString(value));
            }
        });
    }

    /** What a model file records about how it was made: the request under its options' names, with the α used. */
    private Map<String, String> provenance(TrainingRequest request, DataSet train, List<String> plugins) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("platform", "dendrite " + platformVersion);
        p.put("created", Instant.now().toString());
        p.put("data", train.name());
        p.putAll(TrainingOptions.describe(request));
        for (String plugin : plugins) {
            int colon = plugin.indexOf(": ");
            p.put("plugin " + plugin.substring(0, colon), plugin.substring(colon + 2));
        }
        return p;
    }
}
