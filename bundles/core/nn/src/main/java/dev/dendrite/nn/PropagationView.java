package dev.dendrite.nn;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Propagation;

/**
 * {@link Propagation} over a network and the workspace of the current iteration: no copies at
 * float64; at float32 each matrix asked for is a double copy.
 */
final class PropagationView<M> implements Propagation {
    private final Network<M> network;
    private final boolean fused;
    private Network.Workspace<M> ws;
    private double cost;
    private double learningRate;

    PropagationView(Network<M> network, boolean fused) {
        this.network = network;
        this.fused = fused;
    }

    /** Points the view at the current iteration. */
    PropagationView<M> at(Network.Workspace<M> workspace, double batchCost, double rate) {
        this.ws = workspace;
        this.cost = batchCost;
        this.learningRate = rate;
        return this;
    }

    @Override
    public int layers() {
        return network.depth();
    }

    @Override
    public Matrix input() {
        return d(ws.input());
    }

    @Override
    public Matrix targets() {
        return ws.targets();
    }

    @Override
    public Matrix weights(int l) {
        return d(network.weights(l));
    }

    @Override
    public Matrix bias(int l) {
        return d(network.bias(l));
    }

    @Override
    public Matrix z(int l) {
        return d(ws.z(l));
    }

    @Override
    public Matrix a(int l) {
        return d(ws.a(l));
    }

    @Override
    public Matrix dA(int l) {
        return d(ws.dA(l));
    }

    @Override
    public Matrix dZ(int l) {
        return d(ws.dZ(l));
    }

    @Override
    public Matrix weightGradient(int l) {
        return d(network.weightGradient(l));
    }

    @Override
    public Matrix biasGradient(int l) {
        return d(network.biasGradient(l));
    }

    @Override
    public String activation(int l) {
        return network.shapes().get(l - 1).activation();
    }

    @Override
    public boolean fused() {
        return fused;
    }

    @Override
    public double cost() {
        return cost;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    private Matrix d(M m) {
        return network.arithmetic().toDouble(m);
    }
}
