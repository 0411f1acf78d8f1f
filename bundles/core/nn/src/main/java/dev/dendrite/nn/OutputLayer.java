package dev.dendrite.nn;

import dev.dendrite.api.nn.Loss;
import dev.dendrite.nn.CallSite.Phase;
import dev.dendrite.nn.CallSite.Role;

/**
 * The loss at the output layer L: the cost J from A[L] (or, fused, from Z[L]) and the gradient
 * dZ[L] that starts backward propagation — A[L] − Y when the loss fuses with g[L], otherwise
 * dA[L] = ∂L/∂A[L] followed by g[L]'s backward step. Each call into a plug-in is recorded in the
 * network's {@link CallSite} first. The loss computes in double at both precisions: its operands
 * are the output layer's, n[L] values a sample, converted in a float32 run.
 */
final class OutputLayer {
    private final Loss loss;
    private final boolean fused;

    OutputLayer(Loss loss, String activationName) {
        this.loss = loss;
        this.fused = loss.fusesWith(activationName);
    }

    boolean fused() {
        return fused;
    }

    /** J on the workspace's batch, after forward propagation. */
    <M> double cost(Network<M> network, Network.Workspace<M> ws) {
        int last = network.depth();
        network.callSite().enter(Phase.LOSS, last, Role.LOSS);
        return fused ? loss.fusedCost(ws.outputZ(), ws.targets()) : loss.cost(ws.outputA(), ws.targets());
    }

    /** Writes dZ[L] (and, unfused, dA[L]) into the workspace. */
    <M> void gradient(Network<M> network, Network.Workspace<M> ws) {
        int last = network.depth();
        network.callSite().enter(Phase.LOSS_GRADIENT, last, Role.LOSS);
        if (fused) {
            loss.fusedGradient(ws.outputA(), ws.targets(), ws.outputDZ());
            ws.storeOutputDZ();
        } else {
            loss.gradient(ws.outputA(), ws.targets(), ws.outputDA());
            ws.storeOutputDA();
            network.callSite().enter(Phase.BACKWARD, last, Role.ACTIVATION);
            network.output().backward(ws.z(last), ws.a(last), ws.dA(last), ws.dZ(last));
        }
    }
}
