package dev.dendrite.api.nn;

/**
 * A run that could not finish: a plug-in it was using went away or failed (threw, or produced a
 * non-finite value; the plug-in's exception is then the cause), or its thread was interrupted. It
 * carries the model of the last completed epoch, so nothing learned is lost (null when no epoch
 * was completed).
 */
public class TrainingInterruptedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final transient TrainingResult partial;

    public TrainingInterruptedException(String message, TrainingResult partial) {
        super(message);
        this.partial = partial;
    }

    /** The result up to the last completed epoch, or null if none completed. */
    public TrainingResult partial() {
        return partial;
    }
}
