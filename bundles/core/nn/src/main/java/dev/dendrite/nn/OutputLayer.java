package dev.dendrite.nn;

import dev.dendrite.api.nn.Activation;
import dev.dendrite.api.nn.Loss;
import dev.dendrite.nn.CallSite.Phase;
import dev.dendrite.nn.CallSite.Role;

/**
 * The loss at the output layer L: the cost J from A[L] (or, fused, from Z[L]) and the gradient
 * dZ[L] that starts backward propagation — A[L] − Y when the loss fuses with g[L], otherwise
 * dA[L] = ∂L/∂A[L] followed by g[L]'s backward step. Each call into a plug-in is recorded in the
 * network's {@link CallSite} first.
 */
final class OutputLayer {
    private final Loss loss;
    private final Activation activation;
    private final boolean fused;

    OutputLayer(Loss loss, Activation activation, String activationName) {
        this.loss = loss;
        this.activation = activation;
        this.fused = loss.fusesWith(activationName);
    }

    boolean fused() {
        return fused;
    }

    /** J on the workspace's batch, after forward propagation. */
    double cost(Network network, Network.Workspace ws) {
        int last = network.depth();
        network.callSite().enter(Phase.LOSS, last, Role.LOSS);
        return fused ? loss.fusedCost(ws.z(last), ws.targets()) : loss.cost(ws.a(last), ws.targets());
    }

    /** Writes dZ[L] (and, unfused, dA[L]) into the workspace. */
    void gradient(Network network, Network.Workspace ws) {
        int last = network.depth();
        network.callSite().enter(Phase.LOSS_GRADIENT, last, Role.LOSS);
        if (fused) {
            loss.fusedGradient(ws.a(last), ws.targets(), ws.dZ(last));
        } else {
            loss.gradient(ws.a(last), ws.targets(), ws.dA(last));
            network.callSite().enter(Phase.BACKWARD, last, Role.ACTIVATION);
            activation.backward(ws.z(last), ws.a(last), ws.dA(last), ws.dZ(last));
        }
    }
}
