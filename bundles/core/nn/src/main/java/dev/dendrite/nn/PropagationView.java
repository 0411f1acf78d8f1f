package dev.dendrite.nn;

import dev.dendrite.api.math.Matrix;
import dev.dendrite.api.nn.Propagation;

/** {@link Propagation} over a network and the workspace of the current iteration (no copies). */
final class PropagationView implements Propagation {
    private final Network network;
    private final boolean fused;
    private Network.Workspace ws;
    private double cost;
    private double learningRate;

    PropagationView(Network network, boolean fused) {
        this.network = network;
        this.fused = fused;
    }

    /** Points the view at the current iteration. */
    PropagationView at(Network.Workspace workspace, double batchCost, double rate) {
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
        return ws.input();
    }

    @Override
    public Matrix targets() {
        return ws.targets();
    }

    @Override
    public Matrix weights(int l) {
        return network.weights(l);
    }

    @Override
    public Matrix bias(int l) {
        return network.bias(l);
    }

    @Override
    public Matrix z(int l) {
        return ws.z(l);
    }

    @Override
    public Matrix a(int l) {
        return ws.a(l);
    }

    @Override
    public Matrix dA(int l) {
        return ws.dA(l);
    }

    @Override
    public Matrix dZ(int l) {
        return ws.dZ(l);
    }

    @Override
    public Matrix weightGradient(int l) {
        return network.weightGradient(l);
    }

    @Override
    public Matrix biasGradient(int l) {
        return network.biasGradient(l);
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
}
