package dev.dendrite.api.tuning;

/**
 * A study stopped because the thread running it was interrupted (Ctrl-C in the console). The
 * trials that finished are kept, in the study's journal when it is saved, so running it again
 * resumes them; the trials that were training appear {@link TrialState#RUNNING} and are trained
 * again on resume. Like the trainer's {@link dev.dendrite.api.nn.TrainingInterruptedException},
 * this exception reports the interrupt: the thread's interrupt status is cleared.
 */
public class StudyInterruptedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final transient Study study;

    public StudyInterruptedException(Study study) {
        super("interrupted after " + finished(study) + " of " + study.settings().trials() + " trials");
        this.study = study;
    }

    /** The study as it stood: every trial proposed so far, the finished ones with their outcome. */
    public Study study() {
        return study;
    }

    /** How many trials finished (complete, pruned or failed). */
    public long finished() {
        return finished(study);
    }

    private static long finished(Study study) {
        return study.trials().stream().filter(TrialRecord::finished).count();
    }
}
