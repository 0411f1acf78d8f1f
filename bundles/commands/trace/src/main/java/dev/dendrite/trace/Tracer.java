package dev.dendrite.trace;

import dev.dendrite.api.data.DataOptions;
import dev.dendrite.api.data.DataService;
import dev.dendrite.api.data.DataSet;
import dev.dendrite.api.data.DataSplit;
import dev.dendrite.api.data.FeatureScaling;
import dev.dendrite.api.data.Task;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.DenseLayer;
import dev.dendrite.api.nn.Model;
import dev.dendrite.api.nn.Propagation;
import dev.dendrite.api.nn.Trainer;
import dev.dendrite.api.nn.TrainingListener;
import dev.dendrite.api.nn.TrainingResult;
import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.models.ModelStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Runs one iteration of full-batch gradient descent with the platform's {@link Trainer} on a few
 * samples and copies what the trainer computed from its {@link Propagation} view. Afterwards it
 * checks every dW[l] against central differences of J, evaluated by {@link Trainer#evaluate} on a
 * copy of the weights before the update and the same X and Y, and evaluates L(a, y) of each sample.
 */
final class Tracer {
    /** h of the central differences (J(w + h) − J(w − h))/2h. */
    static final double STEP = 1e-5;
    /** n[0] of the generated samples, the course's network's. */
    static final int GENERATED_FEATURES = 4;

    private final Trainer trainer;
    private final DataService data;
    private final ModelStore models;

    Tracer(Trainer trainer, DataService data, ModelStore models) {
        this.trainer = trainer;
        this.data = data;
        this.models = models;
    }

    /**
     * What the trainer is given: the request (one iteration, full batch), the samples and the start
     * model (null for a seeded initialization).
     */
    record Plan(TrainingRequest request, DataSplit split, Model start, String samples) {
    }

    /**
     * The plan of a request.
     *
     * @throws IllegalArgumentException for an unknown model or data source, too few samples, or a
     *                                  network too large to print
     */
    Plan plan(TraceRequest r) {
        TrainingRequest request = r.oneIteration();
        long seed = request.seed();
        if (r.model() != null) {
            Model start = models.load(r.model());
            checkSize(start.layers().stream().map(DenseLayer::weights).map(Matrix::rows).toList(), start.inputs());
            String source = r.data() != null ? r.data() : start.provenance().get("data");
            if (source == null) {
                throw new IllegalArgumentException("model " + r.model() + " does not record its training data: give --data");
            }
            DataSet set = first(data.load(source, start.schema(), seed), r.samples());
            return new Plan(request, new DataSplit(set, null, start.schema().scaling(), start.schema().target()), start,
                    "the first " + r.samples() + " samples of " + source + ", scaled as model " + r.model() + " says");
        }
        if (r.data() != null) {
            DataSplit loaded = data.load(r.data(), new DataOptions(null, 0, seed));
            DataSet set = first(loaded.train(), r.samples());
            TraceRequest.checkWidth("the input layer n[0]", set.features());
            return new Plan(request, new DataSplit(set, null, loaded.scaling(), loaded.target()), null,
                    "the first " + r.samples() + " samples of " + r.data() + " (features scaled as for training)");
        }
        DataSet set = generated(r.samples(), seed);
        return new Plan(request, new DataSplit(set, null, FeatureScaling.identity(GENERATED_FEATURES)), null,
                r.samples() + " generated samples: " + GENERATED_FEATURES + " features drawn from N(0, 1) to one decimal"
                        + " (seed " + seed + "), labels " + IntStream.range(0, r.samples())
                        .mapToObj(j -> j % 2 == 0 ? "1" : "0").collect(Collectors.joining(", ")));
    }

    /** Runs the plan for one iteration, then checks and evaluates as the class comment says. */
    Trace trace(TraceRequest r) {
        Plan plan = plan(r);
        Capture capture = new Capture();
        TrainingResult result = trainer.train(plan.request(), plan.split(), capture, plan.start());
        int depth = capture.w.size();
        List<Integer> widths = new ArrayList<>();
        for (Matrix w : capture.w) {
            widths.add(w.rows());
        }
        checkSize(widths, capture.x.rows());
        if (r.unitLayer() > depth) {
            throw new IllegalArgumentException("--unit " + r.unitLayer() + "," + r.unit() + ": the network has layers 1 to " + depth);
        }
        if (r.unit() > widths.get(r.unitLayer() - 1)) {
            throw new IllegalArgumentException("--unit " + r.unitLayer() + "," + r.unit() + ": layer " + r.unitLayer() + " has "
                    + widths.get(r.unitLayer() - 1) + " units");
        }

        Model model = result.model();
        DataSet seen = asSeen(capture.x, capture.y, model);
        List<DenseLayer> before = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            before.add(new DenseLayer(capture.w.get(l - 1).copy(), capture.b.get(l - 1).copy(), capture.activation.get(l - 1)));
        }
        Model copy = new Model(before, model.loss(), model.schema(), Map.of());
        double[] losses = new double[seen.samples()];
        for (int j = 0; j < losses.length; j++) {
            losses[j] = trainer.evaluate(copy, seen.select(new int[] {j})).cost();
        }
        double evaluated = trainer.evaluate(copy, seen).cost();

        List<Trace.Layer> layers = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            int i = l - 1;
            layers.add(new Trace.Layer(l, capture.activation.get(i), capture.w.get(i), capture.b.get(i), capture.z.get(i),
                    capture.a.get(i), capture.dA.get(i), capture.dZ.get(i), capture.dW.get(i), capture.db.get(i),
                    centralDifferences(copy, before.get(i).weights(), seen), capture.wAfter.get(i), capture.bAfter.get(i)));
        }
        String network = capture.x.rows() + "-" + widths.stream().map(String::valueOf).collect(Collectors.joining("-"));
        return new Trace(network, plan.samples(), capture.x, capture.y, layers, model.loss(), capture.fused, capture.cost, losses,
                evaluated, plan.request().optimizer(), capture.rate, STEP);
    }

    /** (J(w + h) − J(w − h))/2h for every element w of {@code weights}, one of {@code model}'s matrices. */
    private Matrix centralDifferences(Model model, Matrix weights, DataSet set) {
        Matrix numeric = new Matrix(weights.rows(), weights.cols());
        double[] w = weights.data();
        for (int k = 0; k < w.length; k++) {
            double original = w[k];
            w[k] = original + STEP;
            double plus = trainer.evaluate(model, set).cost();
            w[k] = original - STEP;
            double minus = trainer.evaluate(model, set).cost();
            w[k] = original;
            numeric.data()[k] = (plus - minus) / (2 * STEP);
        }
        return numeric;
    }

    /**
     * The trainer's X and Y as a data set that {@link Trainer#evaluate} encodes back into the same
     * Y: one output holds the target itself (class index or value), several hold a one-hot class.
     */
    private static DataSet asSeen(Matrix x, Matrix y, Model model) {
        double[] targets = new double[y.cols()];
        for (int j = 0; j < targets.length; j++) {
            int best = 0;
            for (int k = 1; k < y.rows(); k++) {
                best = y.get(k, j) > y.get(best, j) ? k : best;
            }
            targets[j] = y.rows() == 1 ? y.get(0, j) : best;
        }
        return new DataSet("trace", model.schema().featureNames(), x.copy(), targets, model.task(), model.classes());
    }

    /** Rejects a network too large to print: more than MAX_LAYERS layers or MAX_UNITS units in a layer. */
    private static void checkSize(List<Integer> widths, int inputs) {
        if (widths.size() > TraceRequest.MAX_LAYERS) {
            throw new IllegalArgumentException("a network of " + widths.size() + " layers is too large to print: ml:trace prints at most "
                    + TraceRequest.MAX_LAYERS + " layers");
        }
        TraceRequest.checkWidth("the input layer n[0]", inputs);
        for (int l = 1; l <= widths.size(); l++) {
            TraceRequest.checkWidth("layer " + l, widths.get(l - 1));
        }
    }

    /** The first m samples of a set. */
    private static DataSet first(DataSet set, int m) {
        if (set.samples() < m) {
            throw new IllegalArgumentException(set.name() + " has only " + set.samples() + " samples, --samples asks for " + m);
        }
        return set.select(IntStream.range(0, m).toArray());
    }

    /**
     * m samples of 4 features drawn from N(0, 1) and rounded to one decimal (easy to follow by
     * hand), with labels 1, 0, 1, 0 so that both classes appear from m = 2 on.
     */
    static DataSet generated(int m, long seed) {
        Random random = new Random(seed);
        Matrix x = new Matrix(GENERATED_FEATURES, m);
        double[] v = x.data();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.round(10 * random.nextGaussian()) / 10.0;
        }
        double[] labels = new double[m];
        for (int j = 0; j < m; j++) {
            labels[j] = j % 2 == 0 ? 1 : 0;
        }
        List<String> names = IntStream.rangeClosed(1, GENERATED_FEATURES).mapToObj(i -> "x" + i).toList();
        return new DataSet("generated", names, x, labels, Task.CLASSIFICATION, List.of("0", "1"));
    }

    /** Copies the one iteration's propagation (before the update) and the parameters after it. */
    private static final class Capture implements TrainingListener {
        private Matrix x;
        private Matrix y;
        private boolean fused;
        private double cost;
        private double rate;
        private final List<String> activation = new ArrayList<>();
        private final List<Matrix> w = new ArrayList<>();
        private final List<Matrix> b = new ArrayList<>();
        private final List<Matrix> z = new ArrayList<>();
        private final List<Matrix> a = new ArrayList<>();
        private final List<Matrix> dA = new ArrayList<>();
        private final List<Matrix> dZ = new ArrayList<>();
        private final List<Matrix> dW = new ArrayList<>();
        private final List<Matrix> db = new ArrayList<>();
        private final List<Matrix> wAfter = new ArrayList<>();
        private final List<Matrix> bAfter = new ArrayList<>();

        @Override
        public void backpropagated(Propagation p) {
            x = p.input().copy();
            y = p.targets().copy();
            fused = p.fused();
            cost = p.cost();
            rate = p.learningRate();
            int depth = p.layers();
            for (int l = 1; l <= depth; l++) {
                activation.add(p.activation(l));
                w.add(p.weights(l).copy());
                b.add(p.bias(l).copy());
                z.add(p.z(l).copy());
                a.add(p.a(l).copy());
                dA.add(l == depth && fused ? null : p.dA(l).copy());
                dZ.add(p.dZ(l).copy());
                dW.add(p.weightGradient(l).copy());
                db.add(p.biasGradient(l).copy());
            }
        }

        @Override
        public void updated(Propagation p) {
            for (int l = 1; l <= p.layers(); l++) {
                wAfter.add(p.weights(l).copy());
                bAfter.add(p.bias(l).copy());
            }
        }
    }
}
