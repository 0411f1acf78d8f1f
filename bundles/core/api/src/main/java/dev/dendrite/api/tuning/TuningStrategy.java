package dev.dendrite.api.tuning;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A hyperparameter-search strategy, ask-and-tell: given the search space and the history of the
 * study so far it proposes the next trial. Register as a service with a {@code name} property
 * (e.g. {@code random}) and a {@code description}.
 *
 * <p>A strategy keeps no state between calls: everything it needs is in the history, so a study
 * resumes, and runs in parallel, with the same proposals. The history holds every earlier trial
 * in number order ({@code history.get(i).number() == i}, {@code history.size() == context.trial()});
 * the study runner hides the outcome of the most recent trials (the study's lag), so they may appear
 * {@link TrialState#RUNNING} even though they ran: a proposal must depend only on what the
 * history shows and on {@link StudyContext#random}. Implementations must be thread safe.
 */
@ConsumerType
public interface TuningStrategy {

    /**
     * Checks, before the study starts, that this strategy can search {@code space} with the
     * context's options.
     *
     * @throws IllegalArgumentException naming the problem (e.g. a continuous range for a grid)
     */
    default void validate(SearchSpace space, StudyContext context) {
    }

    /**
     * The next trial. Empty means nothing can be proposed from this history: the runner then waits
     * until every earlier trial's outcome is shown and asks again; empty with no trial running
     * means the strategy is done (a grid is exhausted).
     */
    Optional<TrialRequest> ask(SearchSpace space, List<TrialRecord> history, StudyContext context);
}
