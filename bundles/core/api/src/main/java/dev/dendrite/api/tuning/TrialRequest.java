package dev.dendrite.api.tuning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A strategy's proposal: train this point of the search space for this many epochs.
 *
 * @param parameters a point of the space (every active parameter, see {@link SearchSpace#check})
 * @param budget     epochs, ≥ 1
 */
public record TrialRequest(Map<String, Object> parameters, int budget) {

    public TrialRequest {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        if (budget < 1) {
            throw new IllegalArgumentException("a trial needs at least 1 epoch, got " + budget);
        }
    }
}
