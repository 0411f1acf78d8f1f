package dev.dendrite.api.tuning;

import dev.dendrite.api.nn.TrainingRequest;
import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs and keeps studies. A named study is an append-only journal {@code <name>.jsonl} in
 * {@link #folder()} (configuration {@value #CONFIGURATION_PID}, property {@code folder}); running
 * a study whose journal exists resumes it: finished trials are kept, trials that were running when
 * the process stopped are trained again.
 */
@ProviderType
public interface Tuner {
    /** The ConfigAdmin PID of the studies folder (property {@code folder}). */
    String CONFIGURATION_PID = "dev.dendrite.studies";

    /**
     * Parses a search space, e.g.
     * {@code lr=loguniform(1e-4,1e-1); layers=choice([64],[128,64]); optimizer=choice(sgd,momentum); momentum=uniform(0.5,0.99) if optimizer=momentum},
     * for trials that start from {@code base}: checks parameter names, plug-in names, each
     * optimizer hyperparameter against the optimizers it may be trained with, and every value a
     * trial may get as the training request's builder reads it.
     *
     * @throws IllegalArgumentException naming the position and the problem
     */
    SearchSpace parse(String text, TrainingRequest base);

    /**
     * Runs (or resumes) a study to its end: until {@code trials} trials, the epoch limit, or the
     * strategy is done. A trial that throws is recorded as failed and the study goes on. An
     * interrupt of the calling thread stops the running trials at their next iteration and ends
     * the study with a {@link StudyInterruptedException}; its finished trials are kept.
     *
     * @throws IllegalArgumentException   for a bad search space, an unknown strategy, or a saved
     *                                    study of that name with other settings (the message names them)
     * @throws StudyInterruptedException when the calling thread is interrupted
     */
    Study tune(StudySettings settings, StudyListener listener);

    /** The saved studies, by name. */
    List<Study> studies();

    /**
     * A saved study.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the saved ones)
     */
    Study study(String name);

    /**
     * The training request of a trial of a study: the study's base request with the trial's
     * parameters set, its seed and its epochs. Retraining it on the study's split repeats the trial.
     */
    TrainingRequest request(Study study, TrialRecord trial);

    /** Where the journals are. */
    Path folder();
}
