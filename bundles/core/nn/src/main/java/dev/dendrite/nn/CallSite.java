package dev.dendrite.nn;

/**
 * Which plug-in a training run is calling, and for what: the phase (forward of layer l, backward
 * of layer l, loss, loss gradient, update) and the role of the plug-in in it (the maths back-end,
 * the activation g[l], the loss, the optimizer). The network sets it before every call into a
 * plug-in — three field writes, nothing allocated — and the run reads it only after a call has
 * failed, to name the plug-in and the phase. {@link NonFiniteSearch} reports where a non-finite
 * value first appeared with one as well.
 */
final class CallSite {

    /** Who is called. */
    enum Role { BACKEND, ACTIVATION, LOSS, OPTIMIZER }

    /** What for; forward and backward steps belong to a layer. */
    enum Phase {
        FORWARD("forward of layer "), BACKWARD("backward of layer "), LOSS("loss"), LOSS_GRADIENT("loss gradient"), UPDATE("update");

        private final String label;

        Phase(String label) {
            this.label = label;
        }
    }

    private Phase phase = Phase.FORWARD;
    private int layer = 1;
    private Role role = Role.BACKEND;

    /**
     * Records the call about to be made.
     *
     * @param layer l for the forward and backward phases (the backward of layer l computes dZ[l]
     *              when the activation is called, dW[l], db[l] and dA[l-1] when the back-end is); ignored otherwise
     */
    CallSite enter(Phase phase, int layer, Role role) {
        this.phase = phase;
        this.layer = layer;
        this.role = role;
        return this;
    }

    Role role() {
        return role;
    }

    /** l, for the forward and backward phases. */
    int layer() {
        return layer;
    }

    /** The phase as messages name it: {@code forward of layer 2}, {@code loss}, {@code update}, … */
    String phase() {
        return phase == Phase.FORWARD || phase == Phase.BACKWARD ? phase.label + layer : phase.label;
    }
}
