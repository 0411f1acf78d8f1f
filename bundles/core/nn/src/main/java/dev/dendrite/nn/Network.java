package dev.dendrite.nn;

import dev.dendrite.api.math.Epilogue;
import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.math.MatrixMath;
import dev.dendrite.api.math.Precision;
import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.DenseLayer;
import dev.dendrite.api.nn.LayerShape;
import dev.dendrite.nn.CallSite.Phase;
import dev.dendrite.nn.CallSite.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fully connected feed-forward network of L layers, in the course's notation: W[l] (n[l], n[l-1]),
 * b[l] (n[l], 1), Z[l] = W[l]·A[l-1] + b[l], A[l] = g[l](Z[l]); samples are columns.
 *
 * <p>{@link #forward} fills a {@link Workspace}'s caches (A[l-1], Z[l], A[l]), and
 * {@link #backward} consumes them to compute dW[l], db[l] and dA[l-1]. With inverted dropout, a
 * hidden layer passes A[l] ⊙ D[l] on (D[l] the mask) and backward multiplies dA[l] by the same mask.
 * Workspaces are kept per batch width, so after the first iteration of each width no matrix is
 * allocated. An activation that is {@link dev.dendrite.api.nn.ElementWise} runs in the epilogue
 * of the product that computes Z[l] (forward) or dA[l] (backward, without dropout): the back-end's
 * threads apply it to each part of the result they have just computed. Before each call into a
 * plug-in (the maths back-end or an activation) the network records it in its {@link CallSite},
 * so that a failing call can be named (an activation failing in an epilogue is named, not the
 * product). Not thread safe: one network per run.
 *
 * <p>The network computes at one precision, its {@link Arithmetic}: M is {@link Matrix} for
 * float64 and {@link dev.dendrite.api.math.FloatMatrix} for float32. The parameters it is given
 * and hands out ({@link #snapshot}, {@link #restore}) are double at both.
 *
 * @param <M> the matrix type of its precision
 */
public final class Network<M> {
    private final Arithmetic<M> arithmetic;
    private final MatrixMath math;
    private final M[] weights;
    private final M[] biases;
    private final M[] weightGradients;
    private final M[] biasGradients;
    /** g[1] … g[L] as given, whose element-wise ones run in the products' epilogues. */
    private final List<Activation> activationServices;
    private final List<Arithmetic.Layer<M>> activations = new ArrayList<>();
    private final String[] activationNames;
    private final Map<Integer, Workspace<M>> workspaces = new HashMap<>();
    private final CallSite callSite = new CallSite();
    private Workspace<M> last;

    /** A float64 network. */
    public static Network<Matrix> of(List<DenseLayer> layers, List<Activation> activations, MatrixMath math) {
        return new Network<>(Arithmetic.FLOAT64, layers, activations, math);
    }

    /**
     * @param layers      the initial parameters (copied, rounded to the precision), input side first
     * @param activations g[1] … g[L], matching the layers' activation names
     */
    Network(Arithmetic<M> arithmetic, List<DenseLayer> layers, List<Activation> activations, MatrixMath math) {
        if (layers.size() != activations.size()) {
            throw new IllegalArgumentException(layers.size() + " layers but " + activations.size() + " activations");
        }
        int count = layers.size();
        this.arithmetic = arithmetic;
        this.math = math;
        this.weights = arithmetic.array(count);
        this.biases = arithmetic.array(count);
        this.weightGradients = arithmetic.array(count);
        this.biasGradients = arithmetic.array(count);
        this.activationNames = new String[count];
        this.activationServices = List.copyOf(activations);
        for (int i = 0; i < count; i++) {
            DenseLayer layer = layers.get(i);
            if (i > 0 && layer.weights().cols() != layers.get(i - 1).weights().rows()) {
                throw new IllegalArgumentException("W[" + (i + 1) + "] " + layer.weights().shape()
                        + " does not follow W[" + i + "] " + layers.get(i - 1).weights().shape());
            }
            weights[i] = arithmetic.of(layer.weights());
            biases[i] = arithmetic.of(layer.bias());
            weightGradients[i] = arithmetic.matrix(layer.weights().rows(), layer.weights().cols());
            biasGradients[i] = arithmetic.matrix(layer.bias().rows(), 1);
            activationNames[i] = layer.activation();
            this.activations.add(arithmetic.bind(activations.get(i)));
        }
    }

    /** The precision this network computes at. */
    Arithmetic<M> arithmetic() {
        return arithmetic;
    }

    /** The plug-in call in progress, or the last one made. */
    CallSite callSite() {
        return callSite;
    }

    /** L, the number of layers with parameters. */
    public int depth() {
        return weights.length;
    }

    /** n[0]. */
    public int inputs() {
        return arithmetic.cols(weights[0]);
    }

    /** n[L]. */
    public int outputs() {
        return rows(depth());
    }

    /** n[l]. */
    int rows(int l) {
        return arithmetic.rows(weights[l - 1]);
    }

    /** W[l] for l in 1 … L (the live matrix). */
    public M weights(int l) {
        return weights[l - 1];
    }

    /** b[l] for l in 1 … L (the live matrix). */
    public M bias(int l) {
        return biases[l - 1];
    }

    /** dW[l] of the last backward pass (the live matrix). */
    public M weightGradient(int l) {
        return weightGradients[l - 1];
    }

    /** db[l] of the last backward pass (the live matrix). */
    public M biasGradient(int l) {
        return biasGradients[l - 1];
    }

    /** The parameters in optimizer order: W[1], b[1], W[2], b[2], … (live matrices). */
    public M[] parameters() {
        return interleave(weights, biases);
    }

    /** The gradients in the order of {@link #parameters()} (live matrices). */
    public M[] gradients() {
        return interleave(weightGradients, biasGradients);
    }

    private M[] interleave(M[] w, M[] b) {
        M[] all = arithmetic.array(2 * w.length);
        for (int i = 0; i < w.length; i++) {
            all[2 * i] = w[i];
            all[2 * i + 1] = b[i];
        }
        return all;
    }

    public List<LayerShape> shapes() {
        List<LayerShape> shapes = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            shapes.add(new LayerShape(i + 1, arithmetic.rows(weights[i]), arithmetic.cols(weights[i]), activationNames[i]));
        }
        return shapes;
    }

    /** A copy of the current parameters. */
    public List<DenseLayer> snapshot() {
        List<DenseLayer> layers = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            layers.add(new DenseLayer(arithmetic.toDouble(weights[i]).copy(), arithmetic.toDouble(biases[i]).copy(), activationNames[i]));
        }
        return layers;
    }

    /**
     * The current parameters copied into {@code copy}, a {@link #snapshot()} of this network made
     * earlier, reusing its matrices; a null {@code copy} makes a new snapshot. Returns the copy.
     */
    public List<DenseLayer> snapshotInto(List<DenseLayer> copy) {
        if (copy == null) {
            return snapshot();
        }
        for (int i = 0; i < weights.length; i++) {
            arithmetic.save(weights[i], copy.get(i).weights());
            arithmetic.save(biases[i], copy.get(i).bias());
        }
        return copy;
    }

    /** Copies parameters of the same architecture into this network. */
    public void restore(List<DenseLayer> layers) {
        for (int i = 0; i < weights.length; i++) {
            arithmetic.load(layers.get(i).weights(), weights[i]);
            arithmetic.load(layers.get(i).bias(), biases[i]);
        }
    }

    /** The buffers for batches of m samples, created on first use and reused afterwards. */
    public Workspace<M> workspace(int m) {
        if (last == null || last.m != m) {
            last = workspaces.computeIfAbsent(m, this::newWorkspace);
        }
        return last;
    }

    private Workspace<M> newWorkspace(int m) {
        int count = weights.length;
        M[] a = arithmetic.array(count + 1);
        M[] z = arithmetic.array(count + 1);
        M[] dA = arithmetic.array(count + 1);
        M[] dZ = arithmetic.array(count + 1);
        a[0] = arithmetic.matrix(inputs(), m);
        for (int l = 1; l <= count; l++) {
            int n = rows(l);
            a[l] = arithmetic.matrix(n, m);
            z[l] = arithmetic.matrix(n, m);
            dA[l] = arithmetic.matrix(n, m);
            dZ[l] = arithmetic.matrix(n, m);
        }
        Workspace<M> ws = new Workspace<>(arithmetic, m, a, z, dA, dZ, new Matrix(outputs(), m));
        for (int l = 1; l <= count; l++) {
            Activation g = activationServices.get(l - 1);
            ws.forwardEpilogue[l] = blamed(arithmetic.forwardEpilogue(g, z[l], a[l]));
            if (l < count) {
                ws.backwardEpilogue[l] = blamed(arithmetic.backwardEpilogue(g, z[l], a[l], dA[l], dZ[l]));
            }
        }
        return ws;
    }

    /**
     * The epilogue, whose failure is marked as the activation's ({@link ActivationFailed}), so that
     * the product it runs in is not blamed; null stays null.
     */
    private static Epilogue blamed(Epilogue activation) {
        if (activation == null) {
            return null;
        }
        return (from, to) -> {
            try {
                activation.apply(from, to);
            } catch (RuntimeException | LinkageError e) {
                throw new ActivationFailed(e);
            }
        };
    }

    /** An activation's exception or linkage error, thrown from a product's epilogue. */
    private static final class ActivationFailed extends RuntimeException {
        ActivationFailed(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }

        /** The activation's own exception, to rethrow once the call site names the activation. */
        RuntimeException rethrow(CallSite site, Phase phase, int l) {
            site.enter(phase, l, Role.ACTIVATION);
            if (getCause() instanceof LinkageError e) {
                throw e;
            }
            return (RuntimeException) getCause();
        }
    }

    /**
     * Forward propagation for prediction: reads X = A[0] from {@code ws.input()} and fills Z[l],
     * A[l] for l = 1 … L. Returns A[L].
     */
    public M forward(Workspace<M> ws) {
        return forward(ws, null);
    }

    /**
     * Forward propagation for training: as {@link #forward(Workspace)}, and when {@code dropout} is
     * active each hidden layer's output is masked with a fresh mask.
     */
    public M forward(Workspace<M> ws, Dropout dropout) {
        ws.masked = dropout != null && dropout.active() && weights.length > 1;
        for (int l = 1; l <= weights.length; l++) {
            callSite.enter(Phase.FORWARD, l, Role.BACKEND);
            Epilogue g = ws.forwardEpilogue[l];
            if (g != null) {
                try {
                    arithmetic.affine(math, weights[l - 1], ws.layerInput(l), biases[l - 1], ws.z[l], g);
                } catch (ActivationFailed e) {
                    throw e.rethrow(callSite, Phase.FORWARD, l);
                }
            } else {
                arithmetic.affine(math, weights[l - 1], ws.layerInput(l), biases[l - 1], ws.z[l]);
                callSite.enter(Phase.FORWARD, l, Role.ACTIVATION);
                activations.get(l - 1).forward(ws.z[l], ws.a[l]);
            }
            if (ws.masked && l < weights.length) {
                arithmetic.draw(dropout, ws.mask(l));
                arithmetic.multiply(ws.a[l], ws.mask[l], ws.dropped(l));
            }
        }
        return ws.a[weights.length];
    }

    /**
     * Backward propagation from dZ[L] (already in {@code ws.dZ(L)}, computed by the loss) using
     * the forward caches: for l = L … 1, dW[l] = (1/m)·dZ[l]·A[l-1]ᵀ + (λ/m)·W[l],
     * db[l] = (1/m)·Σ_columns dZ[l], and, for l &gt; 1, dA[l-1] = W[l]ᵀ·dZ[l] (times the dropout
     * mask of layer l-1 when one was applied), dZ[l-1] = dA[l-1] ⊙ g'(Z[l-1]).
     *
     * @param l2 λ, the L2 strength (0 for none)
     */
    public void backward(Workspace<M> ws, double l2) {
        double invM = 1.0 / ws.m;
        for (int l = weights.length; l >= 1; l--) {
            callSite.enter(Phase.BACKWARD, l, Role.BACKEND);
            arithmetic.multTransB(math, invM, ws.dZ[l], ws.layerInput(l), weightGradients[l - 1]);
            if (l2 > 0) {
                arithmetic.addScaled(math, l2 * invM, weights[l - 1], weightGradients[l - 1]);
            }
            arithmetic.sumColumns(math, invM, ws.dZ[l], biasGradients[l - 1]);
            if (l > 1) {
                Epilogue g = ws.masked ? null : ws.backwardEpilogue[l - 1];
                if (g != null) {
                    try {
                        arithmetic.multTransA(math, weights[l - 1], ws.dZ[l], ws.dA[l - 1], g);
                    } catch (ActivationFailed e) {
                        throw e.rethrow(callSite, Phase.BACKWARD, l - 1);
                    }
                } else {
                    arithmetic.multTransA(math, weights[l - 1], ws.dZ[l], ws.dA[l - 1]);
                    if (ws.masked) {
                        arithmetic.multiply(ws.dA[l - 1], ws.mask[l - 1], ws.dA[l - 1]);
                    }
                    callSite.enter(Phase.BACKWARD, l - 1, Role.ACTIVATION);
                    activations.get(l - 2).backward(ws.z[l - 1], ws.a[l - 1], ws.dA[l - 1], ws.dZ[l - 1]);
                }
            }
        }
    }

    /** The output activation g[L] at this network's precision. */
    Arithmetic.Layer<M> output() {
        return activations.get(weights.length - 1);
    }

    /** Σ_l ‖W[l]‖², the squared Frobenius norms of the weights (for the L2 term of the cost). */
    public double squaredWeights() {
        double sum = 0;
        for (M w : weights) {
            sum += arithmetic.squaredSum(w);
        }
        return sum;
    }

    /**
     * Whether every parameter W[l], b[l] is finite: one pass adding them up, since a NaN or an
     * infinity makes the sum non-finite (so does a sum beyond 1.8e308, which only a diverged run
     * reaches).
     */
    boolean parametersFinite() {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += arithmetic.sum(weights[i]) + arithmetic.sum(biases[i]);
        }
        return Double.isFinite(sum);
    }

    /**
     * The caches and gradients of one batch width m. Index l runs 0 … L as in the notation. Y and
     * the loss's side of the output layer are double at both precisions: {@link #outputA},
     * {@link #outputZ}, {@link #outputDA} and {@link #outputDZ} are A[L], Z[L], dA[L] and dZ[L]
     * themselves at float64, double copies at float32.
     */
    public static final class Workspace<M> {
        private final Arithmetic<M> arithmetic;
        private final int m;
        private final M[] a;
        private final M[] z;
        private final M[] dA;
        private final M[] dZ;
        private final Matrix targets;
        private final M[] mask;
        private final M[] dropped;
        private final Matrix[] output = new Matrix[4];
        /** g[l] as the epilogue of Z[l]'s product, null where g[l] is not element-wise. */
        private final Epilogue[] forwardEpilogue;
        /** dZ[l] = dA[l] ⊙ g'[l](Z[l]) as the epilogue of dA[l]'s product (l &lt; L), or null. */
        private final Epilogue[] backwardEpilogue;
        private boolean masked;

        Workspace(Arithmetic<M> arithmetic, int m, M[] a, M[] z, M[] dA, M[] dZ, Matrix targets) {
            this.arithmetic = arithmetic;
            this.m = m;
            this.a = a;
            this.z = z;
            this.dA = dA;
            this.dZ = dZ;
            this.targets = targets;
            this.mask = arithmetic.array(a.length);
            this.dropped = arithmetic.array(a.length);
            this.forwardEpilogue = new Epilogue[a.length];
            this.backwardEpilogue = new Epilogue[a.length];
        }

        /** What layer l reads: X for l = 1, otherwise A[l-1], masked when dropout was applied. */
        M layerInput(int l) {
            return masked && l > 1 ? dropped[l - 1] : a[l - 1];
        }

        /** D[l], the dropout mask of hidden layer l (created on first use). */
        M mask(int l) {
            if (mask[l] == null) {
                mask[l] = arithmetic.matrix(arithmetic.rows(a[l]), m);
            }
            return mask[l];
        }

        private M dropped(int l) {
            if (dropped[l] == null) {
                dropped[l] = arithmetic.matrix(arithmetic.rows(a[l]), m);
            }
            return dropped[l];
        }

        public int samples() {
            return m;
        }

        Arithmetic<M> arithmetic() {
            return arithmetic;
        }

        /** X = A[0], (n[0], m): write the batch here before {@link Network#forward}. */
        public M input() {
            return a[0];
        }

        /** Y, (n[L], m): the batch's encoded targets. */
        public Matrix targets() {
            return targets;
        }

        public M a(int l) {
            return a[l];
        }

        public M z(int l) {
            return z[l];
        }

        public M dA(int l) {
            return dA[l];
        }

        public M dZ(int l) {
            return dZ[l];
        }

        private int last() {
            return a.length - 1;
        }

        /** A double buffer for the output layer's values in a float32 run; none (null) at float64, where the view is the matrix. */
        private Matrix buffer(int which) {
            if (output[which] == null && arithmetic.precision() == Precision.FLOAT32) {
                output[which] = new Matrix(targets.rows(), m);
            }
            return output[which];
        }

        /** A[L] in double, as computed by the last forward pass. */
        Matrix outputA() {
            return arithmetic.view(a[last()], buffer(0));
        }

        /** Z[L] in double, as computed by the last forward pass. */
        Matrix outputZ() {
            return arithmetic.view(z[last()], buffer(1));
        }

        /** Where the loss writes dA[L] in double; {@link #storeOutputDA()} then makes it the network's. */
        Matrix outputDA() {
            return arithmetic.view(dA[last()], buffer(2));
        }

        void storeOutputDA() {
            arithmetic.store(buffer(2), dA[last()]);
        }

        /** Where the loss writes dZ[L] in double; {@link #storeOutputDZ()} then makes it the network's. */
        Matrix outputDZ() {
            return arithmetic.view(dZ[last()], buffer(3));
        }

        void storeOutputDZ() {
            arithmetic.store(buffer(3), dZ[last()]);
        }
    }
}
