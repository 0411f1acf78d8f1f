package dev.dendrite.nn;

import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.DenseLayer;
import dev.dendrite.api.nn.EpochReport;
import dev.dendrite.api.nn.Loss;
import dev.dendrite.api.nn.Model;
import dev.dendrite.api.nn.Optimizer;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.nn.TrainingSpec;
import dev.dendrite.api.nn.Updater;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Mini-batch gradient descent on a {@link Network}. Per epoch the training samples are shuffled
 * (seeded) and cut into ceil(m / batch) mini-batches; each batch is one iteration: forward
 * propagation, the cost J, dZ[L] from the loss (fused A − Y where the loss allows), backward
 * propagation, and one optimizer update. After each epoch the cost and metric are computed on the
 * training and validation splits and reported to the listener. The trainer never prints.
 */
public final class NetworkTrainer implements Trainer {
    /** Columns per forward pass when evaluating a whole split. */
    static final int EVALUATION_CHUNK = 1024;

    private final PluginResolver plugins;

    public NetworkTrainer(PluginResolver plugins) {
        this.plugins = plugins;
    }

    @Override
    public TrainingResult train(TrainingSpec spec, DataSplit data, TrainingListener listener) {
        DataSet train = data.train();
        if (train.task() == Task.CLASSIFICATION && train.classes().size() < 2) {
            throw new IllegalArgumentException("classification needs at least 2 classes, " + train.name() + " has " + train.classes().size());
        }
        String outputName = spec.outputActivation() != null ? spec.outputActivation() : defaultOutput(train);
        String lossName = spec.loss() != null ? spec.loss() : defaultLoss(train, outputName);
        List<Plugin<?>> held = new ArrayList<>();
        try {
            Plugin<MatrixMath> math = hold(held, plugins.resolve(MatrixMath.class, spec.backend()));
            Plugin<Activation> hidden = hold(held, plugins.resolve(Activation.class, spec.activation()));
            Plugin<Activation> output = hold(held, plugins.resolve(Activation.class, outputName));
            Plugin<Loss> loss = hold(held, plugins.resolve(Loss.class, lossName));
            Plugin<Optimizer> optimizer = hold(held, plugins.resolve(Optimizer.class, spec.optimizer()));
            Map<String, Double> hyperparameters = hyperparameters(optimizer, spec.hyperparameters());
            Updater updater = optimizer.service().newUpdater(hyperparameters);

            int outputs = Targets.outputsFor(train, outputName);
            Network network = build(spec, train.features(), outputs, hidden, output, math.service());
            List<String> used = new ArrayList<>();
            for (Plugin<?> p : held) {
                used.add(kindOf(p) + " " + p.name() + ": " + p.provider());
            }
            OutputLayer head = new OutputLayer(loss.service(), output.service(), outputName);
            Run run = new Run(spec, data, network, new Targets(train.task(), outputs), head, updater,
                    hyperparameters.get("lr"), listener);
            List<EpochReport> history = run.execute();
            Model model = new Model(network.snapshot(), lossName, train.task(), train.classes(), data.scaling());
            TrainingResult result = new TrainingResult(model, history, run.iteration, used);
            listener.finished(result);
            return result;
        } finally {
            for (Plugin<?> p : held) {
                p.close();
            }
        }
    }

    @Override
    public Matrix predict(Model model, Matrix x) {
        List<Plugin<?>> held = new ArrayList<>();
        try {
            MatrixMath math = hold(held, plugins.resolve(MatrixMath.class, null)).service();
            List<Activation> activations = new ArrayList<>();
            for (DenseLayer layer : model.layers()) {
                activations.add(hold(held, plugins.resolve(Activation.class, layer.activation())).service());
            }
            Network network = new Network(model.layers(), activations, math);
            if (x.rows() != network.inputs()) {
                throw new IllegalArgumentException("the model expects " + network.inputs() + " features, got " + x.rows());
            }
            int m = x.cols();
            Matrix out = new Matrix(network.outputs(), m);
            for (int from = 0; from < m; from += EVALUATION_CHUNK) {
                int count = Math.min(EVALUATION_CHUNK, m - from);
                Network.Workspace ws = network.workspace(count);
                copyColumns(x, from, count, ws.input());
                Matrix a = network.forward(ws);
                for (int r = 0; r < out.rows(); r++) {
                    System.arraycopy(a.data(), r * count, out.data(), r * m + from, count);
                }
            }
            return out;
        } finally {
            for (Plugin<?> p : held) {
                p.close();
            }
        }
    }

    private static void copyColumns(Matrix source, int from, int count, Matrix target) {
        int m = source.cols();
        for (int r = 0; r < source.rows(); r++) {
            System.arraycopy(source.data(), r * m + from, target.data(), r * count, count);
        }
    }

    private static <T> Plugin<T> hold(List<Plugin<?>> held, Plugin<T> plugin) {
        held.add(plugin);
        return plugin;
    }

    private static String kindOf(Plugin<?> p) {
        Object s = p.service();
        if (s instanceof MatrixMath) {
            return "backend";
        } else if (s instanceof Activation) {
            return "activation";
        } else if (s instanceof Loss) {
            return "loss";
        }
        return "optimizer";
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

    /** The optimizer's defaults overridden by the user's values; unknown names are rejected. */
    private static Map<String, Double> hyperparameters(Plugin<Optimizer> optimizer, Map<String, Double> given) {
        Map<String, Double> merged = new LinkedHashMap<>(optimizer.service().defaults());
        for (Map.Entry<String, Double> e : given.entrySet()) {
            if (!merged.containsKey(e.getKey())) {
                throw new IllegalArgumentException("optimizer " + optimizer.name() + " has no hyperparameter '" + e.getKey()
                        + "' (it has: " + String.join(", ", merged.keySet()) + ")");
            }
            merged.put(e.getKey(), e.getValue());
        }
        if (!merged.containsKey("lr")) {
            throw new IllegalArgumentException("optimizer " + optimizer.name() + " declares no learning rate 'lr'");
        }
        return merged;
    }

    private static Network build(TrainingSpec spec, int inputs, int outputs, Plugin<Activation> hidden,
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
            initializers.add(g.service().initializer());
            activations.add(g.service());
        }
        List<DenseLayer> layers = Initializer.initialize(widths, names, initializers, new Random(spec.seed()));
        return new Network(layers, activations, math);
    }

    /** The state of one training run. */
    private static final class Run {
        private final TrainingSpec spec;
        private final DataSplit data;
        private final Network network;
        private final Targets targets;
        private final OutputLayer head;
        private final Updater updater;
        private final double learningRate;
        private final TrainingListener listener;
        private final Random shuffle;
        private long iteration;

        Run(TrainingSpec spec, DataSplit data, Network network, Targets targets, OutputLayer head,
            Updater updater, double learningRate, TrainingListener listener) {
            this.spec = spec;
            this.data = data;
            this.network = network;
            this.targets = targets;
            this.head = head;
            this.updater = updater;
            this.learningRate = learningRate;
            this.listener = listener;
            this.shuffle = new Random(spec.seed() ^ 0x5DEECE66DL);
        }

        List<EpochReport> execute() {
            DataSet train = data.train();
            int m = train.samples();
            int batch = spec.batchSize() == 0 ? m : Math.min(spec.batchSize(), m);
            int perEpoch = (m + batch - 1) / batch;
            long budget = spec.iterations() > 0 ? spec.iterations() : (long) spec.epochs() * perEpoch;
            listener.started(network.shapes(), m, perEpoch);

            int[] order = identity(m);
            Matrix[] params = network.parameters();
            Matrix[] grads = network.gradients();
            List<EpochReport> history = new ArrayList<>();
            int epoch = 0;
            while (iteration < budget) {
                epoch++;
                shuffleInPlace(order);
                long start = System.nanoTime();
                for (int from = 0; from < m && iteration < budget; from += batch) {
                    Network.Workspace ws = network.workspace(Math.min(batch, m - from));
                    load(train, order, from, ws);
                    network.forward(ws);
                    double cost = head.cost(network, ws);
                    if (!Double.isFinite(cost)) {
                        throw new IllegalStateException("training diverged at epoch " + epoch + ", iteration " + (iteration + 1)
                                + " (cost " + cost + "): try a smaller learning rate");
                    }
                    head.gradient(network, ws);
                    network.backward(ws);
                    updater.update(params, grads, learningRate);
                    iteration++;
                    listener.iteration(epoch, iteration, cost);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                history.add(report(epoch, millis));
                listener.epoch(history.get(history.size() - 1));
            }
            return history;
        }

        private EpochReport report(int epoch, long millis) {
            double[] t = evaluate(data.train());
            double[] v = data.hasValidation() ? evaluate(data.validation()) : new double[] {Double.NaN, Double.NaN};
            return new EpochReport(epoch, iteration, t[0], t[1], v[0], v[1], targets.metricName(), millis);
        }

        /** {cost, metric} of the current network on a whole split. */
        private double[] evaluate(DataSet set) {
            int m = set.samples();
            int[] order = identity(m);
            double cost = 0;
            double score = 0;
            for (int from = 0; from < m; from += EVALUATION_CHUNK) {
                Network.Workspace ws = network.workspace(Math.min(EVALUATION_CHUNK, m - from));
                load(set, order, from, ws);
                Matrix a = network.forward(ws);
                cost += head.cost(network, ws) * ws.samples();
                score += targets.score(a, set.targets(), order, from);
            }
            return new double[] {cost / m, score / m};
        }

        /** Copies the samples order[from … from+m) into the workspace's X and Y. */
        private void load(DataSet set, int[] order, int from, Network.Workspace ws) {
            Matrix x = ws.input();
            int m = x.cols();
            int total = set.samples();
            double[] src = set.x().data();
            double[] dst = x.data();
            for (int r = 0; r < x.rows(); r++) {
                int srcRow = r * total;
                int dstRow = r * m;
                for (int j = 0; j < m; j++) {
                    dst[dstRow + j] = src[srcRow + order[from + j]];
                }
            }
            targets.encode(set.targets(), order, from, ws.targets());
        }

        private void shuffleInPlace(int[] order) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }

        private static int[] identity(int m) {
            int[] order = new int[m];
            for (int i = 0; i < m; i++) {
                order[i] = i;
            }
            return order;
        }
    }
}
