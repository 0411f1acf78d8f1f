package dev.dendrite.api.tuning;

import dev.dendrite.api.nn.TrainingRequest;
import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs and keeps studies. A named study is an append-only journal {@code <name>.jsonl} in
 * {@link #folder()} (configuration {@value #CONFIGURATION_PID}, property {@code folder}); running
 * a study whose journal exists resumes it: finished trials are kept, trials that were running when
 * the process stopped are trained again. One run at a time holds a study; reading one needs no lock.
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
     * @throws IllegalArgumentException   for a bad search space, an unknown strategy, a saved
     *                                    study of that name with other settings (the message names them)
     *                                    or a damaged one (the message says how to repair it)
     * @throws IllegalStateException      when another run, in this process or another, holds the
     *                                    study (the message names its process, host and start)
     * @throws StudyInterruptedException when the calling thread is interrupted
     */
    Study tune(StudySettings settings, StudyListener listener);

    /** The saved studies whose journals read, by name; {@link #list()} shows the damaged ones too. */
    default List<Study> studies() {
        return list().stream().filter(s -> s.problem() == null).map(StudyInfo::study).toList();
    }

    /** Every saved study, by name; a journal that cannot be read to its end is listed with its {@link StudyInfo#problem()}. */
    List<StudyInfo> list();

    /**
     * A saved study.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the saved ones) or a
     *                                  damaged journal (the message names the line, the problem and the repair)
     */
    Study study(String name);

    /**
     * Repairs a damaged journal: keeps the lines before its first bad one, which read as a study
     * (its trials finished there are kept, those running are trained again on resume), and moves
     * the damaged original aside to {@code <name>.jsonl.damaged-<time>}.
     *
     * @return where the damaged original is now
     * @throws IllegalArgumentException for an unknown name, a journal that is not damaged, or one
     *                                  whose first line is bad (nothing to keep)
     * @throws IllegalStateException    when a study is running on it (the message names the process)
     */
    Path repair(String name);

    /**
     * Writes a study's journal to {@code file} as far as it reads (all of it when it is not
     * damaged; while a process appends, up to its last complete line), atomically.
     *
     * @return the study that {@code file} holds
     * @throws IllegalArgumentException for an unknown name or a journal whose first line is bad
     */
    Study export(String name, Path file);

    /**
     * The training request of a trial of a study: the study's base request with the trial's
     * parameters set, its seed and its epochs. Retraining it on the study's split repeats the trial.
     */
    TrainingRequest request(Study study, TrialRecord trial);

    /** Where the journals are. */
    Path folder();

    /**
     * The same tuner with its studies kept in {@code storage}: {@code journal} for the journals of
     * {@link #folder()}, or a database URL such as {@code postgresql://host:5432/db}, which any number
     * of processes on any machines share: each works on the study's trials, every trial is
     * claimed once, and a trial whose worker stopped beating is trained again.
     *
     * @throws IllegalArgumentException for an unknown kind of storage or a URL that does not read
     * @throws IllegalStateException    when the database cannot be reached or has a newer schema
     * @since 2.3
     */
    default Tuner at(String storage) {
        if (storage.equals("journal")) {
            return this;
        }
        throw new IllegalArgumentException("unknown study storage " + storage + " (journal is the one available)");
    }

    /** Where the studies are, for messages: the journals' folder, or the database URL with its password masked. @since 2.3 */
    default String storage() {
        return folder().toString();
    }

    /**
     * Copies the journal {@code file} (e.g. one {@link #export} wrote) into this tuner's storage as
     * the study {@code name}: its finished trials as they are, its unfinished ones to be trained.
     *
     * @return the study imported
     * @throws IllegalArgumentException when the file does not read to its end, or a study {@code name} exists
     * @since 2.3
     */
    default Study importStudy(String name, Path file) {
        throw new UnsupportedOperationException("this tuner cannot import studies");
    }
}
