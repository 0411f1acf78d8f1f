package dev.dendrite.api.nn;

/**
 * A run that could not finish, e.g. because a plug-in it was using went away or a listener asked
 * it to stop. It carries the model of the last completed epoch, so nothing learned is lost (null
 * when no epoch was completed).
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
