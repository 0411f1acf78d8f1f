/**
 * Hyperparameter tuning: search spaces, trials, the ask-and-tell {@link dev.dendrite.api.tuning.TuningStrategy}
 * plug-ins (each a service with a {@code name} property) and the {@link dev.dendrite.api.tuning.Tuner}
 * service that runs and keeps studies.
 *
 * <p>2.0: {@link dev.dendrite.api.tuning.StudySettings} is a class made by a builder (it was a
 * record), it carries the base {@link dev.dendrite.api.nn.TrainingRequest} of the trials, and
 * {@link dev.dendrite.api.tuning.Tuner#request} replaces {@code Tuner.spec}, {@code Tuner.parse} takes
 * that base request, and an interrupted study ends with a
 * {@link dev.dendrite.api.tuning.StudyInterruptedException}.
 *
 * <p>2.1: {@link dev.dendrite.api.tuning.Tuner#list()} lists damaged journals with their problem
 * ({@link dev.dendrite.api.tuning.StudyInfo}); {@link dev.dendrite.api.tuning.Tuner#repair} and
 * {@link dev.dendrite.api.tuning.Tuner#export} keep or copy a journal's readable part.
 *
 * <p>2.2: trials are ranked by rung, values compared only at equal training length
 * ({@link dev.dendrite.api.tuning.TrialRecord#ranking(boolean, int)}, {@link dev.dendrite.api.tuning.TrialRecord#rung});
 * {@link dev.dendrite.api.tuning.Study#inFull} is a trial as a final model is trained from it; a
 * {@link dev.dendrite.api.tuning.StudyContext} tells a strategy the study's number of trials; a
 * study's pruner may be {@link dev.dendrite.api.tuning.StudySettings#HALVING}.
 *
 * <p>2.3: {@link dev.dendrite.api.tuning.Tuner#at} keeps studies in another storage, such as a
 * PostgreSQL database shared by many processes ({@link dev.dendrite.api.tuning.shared});
 * {@link dev.dendrite.api.tuning.Tuner#storage()} says where; {@link dev.dendrite.api.tuning.Tuner#importStudy}
 * moves a journal into it.
 *
 * <p>2.4: a study reads its CSV data set as {@link dev.dendrite.api.tuning.StudySettings#table()}
 * says (delimiter, missing cells, categorical columns), as {@code ml:train} does.
 */
@Export
@Version("2.4.0")
package dev.dendrite.api.tuning;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
