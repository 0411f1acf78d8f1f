package dev.dendrite.tuning;

import dev.dendrite.api.tuning.SearchSpace;
import dev.dendrite.api.tuning.StudyContext;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialRequest;
import dev.dendrite.api.tuning.TuningStrategy;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * Random search (Bergstra and Bengio 2012): every trial an independent draw from the prior of each
 * active parameter (uniform, log-uniform, uniform integers, equally likely choices). Trial n's
 * point depends only on the study seed and n.
 */
@Component(property = {"name=random", "description=independent draws from the search space, seeded by study seed and trial number"})
public final class RandomStrategy implements TuningStrategy {
    private static final long STREAM = 0x52414E44L;

    @Override
    public Optional<TrialRequest> ask(SearchSpace space, List<TrialRecord> history, StudyContext context) {
        return Optional.of(new TrialRequest(space.sample(context.random(STREAM)), context.budget()));
    }
}
