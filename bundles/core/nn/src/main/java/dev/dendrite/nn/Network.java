package dev.dendrite.nn;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.math.MatrixMath;
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
 * allocated. Before each call into a plug-in (the maths back-end or an activation) the network
 * records it in its {@link CallSite}, so that a failing call can be named. Not thread safe: one
 * network per run.
 */
public final class Network {
    private final MatrixMath math;
    private final Matrix[] weights;
    private final Matrix[] biases;
    private final Matrix[] weightGradients;
    private final Matrix[] biasGradients;
    private final Activation[] activations;
    private final String[] activationNames;
    private final Map<Integer, Workspace> workspaces = new HashMap<>();
    private final CallSite callSite = new CallSite();
    private Workspace last;

    /**
     * @param layers      the initial parameters (copied), input side first
     * @param activations g[1] … g[L], matching the layers' activation names
     */
    public Network(List<DenseLayer> layers, List<Activation> activations, MatrixMath math) {
        if (layers.size() != activations.size()) {
            throw new IllegalArgumentException(layers.size() + " layers but " + activations.size() + " activations");
        }
        int count = layers.size();
        this.math = math;
        this.weights = new Matrix[count];
        this.biases = new Matrix[count];
        this.weightGradients = new Matrix[count];
        this.biasGradients = new Matrix[count];
        this.activations = activations.toArray(new Activation[0]);
        this.activationNames = new String[count];
        for (int i = 0; i < count; i++) {
            DenseLayer layer = layers.get(i);
            if (i > 0 && layer.weights().cols() != layers.get(i - 1).weights().rows()) {
                throw new IllegalArgumentException("W[" + (i + 1) + "] " + layer.weights().shape()
                        + " does not follow W[" + i + "] " + layers.get(i - 1).weights().shape());
            }
            weights[i] = layer.weights().copy();
            biases[i] = layer.bias().copy();
            weightGradients[i] = new Matrix(weights[i].rows(), weights[i].cols());
            biasGradients[i] = new Matrix(biases[i].rows(), 1);
            activationNames[i] = layer.activation();
        }
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
        return weights[0].cols();
    }

    /** n[L]. */
    public int outputs() {
        return weights[weights.length - 1].rows();
    }

    /** W[l] for l in 1 … L (the live matrix). */
    public Matrix weights(int l) {
        return weights[l - 1];
    }

    /** b[l] for l in 1 … L (the live matrix). */
    public Matrix bias(int l) {
        return biases[l - 1];
    }

    /** dW[l] of the last backward pass (the live matrix). */
    public Matrix weightGradient(int l) {
        return weightGradients[l - 1];
    }

    /** db[l] of the last backward pass (the live matrix). */
    public Matrix biasGradient(int l) {
        return biasGradients[l - 1];
    }

    /** The parameters in optimizer order: W[1], b[1], W[2], b[2], … (live matrices). */
    public Matrix[] parameters() {
        return interleave(weights, biases);
    }

    /** The gradients in the order of {@link #parameters()} (live matrices). */
    public Matrix[] gradients() {
        return interleave(weightGradients, biasGradients);
    }

    private static Matrix[] interleave(Matrix[] w, Matrix[] b) {
        Matrix[] all = new Matrix[2 * w.length];
        for (int i = 0; i < w.length; i++) {
            all[2 * i] = w[i];
            all[2 * i + 1] = b[i];
        }
        return all;
    }

    public List<LayerShape> shapes() {
        List<LayerShape> shapes = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            shapes.add(new LayerShape(i + 1, weights[i].rows(), weights[i].cols(), activationNames[i]));
        }
        return shapes;
    }

    /** A copy of the current parameters. */
    public List<DenseLayer> snapshot() {
        List<DenseLayer> layers = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            layers.add(new DenseLayer(weights[i].copy(), biases[i].copy(), activationNames[i]));
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
            copy.get(i).weights().copyFrom(weights[i]);
            copy.get(i).bias().copyFrom(biases[i]);
        }
        return copy;
    }

    /** Copies parameters of the same architecture into this network. */
    public void restore(List<DenseLayer> layers) {
        for (int i = 0; i < weights.length; i++) {
            weights[i].copyFrom(layers.get(i).weights());
            biases[i].copyFrom(layers.get(i).bias());
        }
    }

    /** The buffers for batches of m samples, created on first use and reused afterwards. */
    public Workspace workspace(int m) {
        if (last == null || last.m != m) {
            last = workspaces.computeIfAbsent(m, this::newWorkspace);
        }
        return last;
    }

    private Workspace newWorkspace(int m) {
        int count = weights.length;
        Matrix[] a = new Matrix[count + 1];
        Matrix[] z = new Matrix[count + 1];
        Matrix[] dA = new Matrix[count + 1];
        Matrix[] dZ = new Matrix[count + 1];
        a[0] = new Matrix(inputs(), m);
        for (int l = 1; l <= count; l++) {
            int n = weights[l - 1].rows();
            a[l] = new Matrix(n, m);
            z[l] = new Matrix(n, m);
            dA[l] = new Matrix(n, m);
            dZ[l] = new Matrix(n, m);
        }
        return new Workspace(m, a, z, dA, dZ, new Matrix(outputs(), m));
    }

    /**
     * Forward propagation for prediction: reads X = A[0] from {@code ws.input()} and fills Z[l],
     * A[l] for l = 1 … L. Returns A[L].
     */
    public Matrix forward(Workspace ws) {
        return forward(ws, null);
    }

    /**
     * Forward propagation for training: as {@link #forward(Workspace)}, and when {@code dropout} is
     * active each hidden layer's output is masked with a fresh mask.
     */
    public Matrix forward(Workspace ws, Dropout dropout) {
        ws.masked = dropout != null && dropout.active() && weights.length > 1;
        for (int l = 1; l <= weights.length; l++) {
            callSite.enter(Phase.FORWARD, l, Role.BACKEND);
            math.affine(weights[l - 1], ws.layerInput(l), biases[l - 1], ws.z[l]);
            callSite.enter(Phase.FORWARD, l, Role.ACTIVATION);
            activations[l - 1].forward(ws.z[l], ws.a[l]);
            if (ws.masked && l < weights.length) {
                dropout.draw(ws.mask(l));
                multiply(ws.a[l], ws.mask[l], ws.dropped(l));
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
    public void backward(Workspace ws, double l2) {
        double invM = 1.0 / ws.m;
        for (int l = weights.length; l >= 1; l--) {
            callSite.enter(Phase.BACKWARD, l, Role.BACKEND);
            math.multTransB(ws.dZ[l], ws.layerInput(l), weightGradients[l - 1]);
            math.scale(invM, weightGradients[l - 1]);
            if (l2 > 0) {
                math.addScaled(l2 * invM, weights[l - 1], weightGradients[l - 1]);
            }
            math.sumColumns(invM, ws.dZ[l], biasGradients[l - 1]);
            if (l > 1) {
                math.multTransA(weights[l - 1], ws.dZ[l], ws.dA[l - 1]);
                if (ws.masked) {
                    multiply(ws.dA[l - 1], ws.mask[l - 1], ws.dA[l - 1]);
                }
                callSite.enter(Phase.BACKWARD, l - 1, Role.ACTIVATION);
                activations[l - 2].backward(ws.z[l - 1], ws.a[l - 1], ws.dA[l - 1], ws.dZ[l - 1]);
            }
        }
    }

    /** Σ_l ‖W[l]‖², the squared Frobenius norms of the weights (for the L2 term of the cost). */
    public double squaredWeights() {
        double sum = 0;
        for (Matrix w : weights) {
            for (double v : w.data()) {
                sum += v * v;
            }
        }
        return sum;
    }

    /**
     * Whether every parameter W[l], b[l] is finite: one pass adding them up, since a NaN or an
     * infinity makes the sum non-finite (so does a sum beyond 1.8e308, which only a diverged run
     * reaches). Eight partial sums, so that the additions do not wait for each other.
     */
    boolean parametersFinite() {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += sum(weights[i].data()) + sum(biases[i].data());
        }
        return Double.isFinite(sum);
    }

    private static double sum(double[] v) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int i = 0;
        for (; i + 7 < v.length; i += 8) {
            s0 += v[i];
            s1 += v[i + 1];
            s2 += v[i + 2];
            s3 += v[i + 3];
            s4 += v[i + 4];
            s5 += v[i + 5];
            s6 += v[i + 6];
            s7 += v[i + 7];
        }
        for (; i < v.length; i++) {
            s0 += v[i];
        }
        return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
    }

    private static void multiply(Matrix a, Matrix b, Matrix out) {
        double[] x = a.data();
        double[] y = b.data();
        double[] o = out.data();
        for (int i = 0; i < o.length; i++) {
            o[i] = x[i] * y[i];
        }
    }

    /** The caches and gradients of one batch width m. Index l runs 0 … L as in the notation. */
    public static final class Workspace {
        private final int m;
        private final Matrix[] a;
        private final Matrix[] z;
        private final Matrix[] dA;
        private final Matrix[] dZ;
        private final Matrix targets;
        private final Matrix[] mask;
        private final Matrix[] dropped;
        private boolean masked;

        Workspace(int m, Matrix[] a, Matrix[] z, Matrix[] dA, Matrix[] dZ, Matrix targets) {
            this.m = m;
            this.a = a;
            this.z = z;
            this.dA = dA;
            this.dZ = dZ;
            this.targets = targets;
            this.mask = new Matrix[a.length];
            this.dropped = new Matrix[a.length];
        }

        /** What layer l reads: X for l = 1, otherwise A[l-1], masked when dropout was applied. */
        Matrix layerInput(int l) {
            return masked && l > 1 ? dropped[l - 1] : a[l - 1];
        }

        /** D[l], the dropout mask of hidden layer l (created on first use). */
        Matrix mask(int l) {
            if (mask[l] == null) {
                mask[l] = new Matrix(a[l].rows(), m);
            }
            return mask[l];
        }

        private Matrix dropped(int l) {
            if (dropped[l] == null) {
                dropped[l] = new Matrix(a[l].rows(), m);
            }
            return dropped[l];
        }

        public int samples() {
            return m;
        }

        /** X = A[0], (n[0], m): write the batch here before {@link Network#forward}. */
        public Matrix input() {
            return a[0];
        }

        /** Y, (n[L], m): the batch's encoded targets. */
        public Matrix targets() {
            return targets;
        }

        public Matrix a(int l) {
            return a[l];
        }

        public Matrix z(int l) {
            return z[l];
        }

        public Matrix dA(int l) {
            return dA[l];
        }

        public Matrix dZ(int l) {
            return dZ[l];
        }
    }
}
