package ${package};

import dev.dendrite.api.tuning.Parameter;
import dev.dendrite.api.tuning.SearchSpace;
import dev.dendrite.api.tuning.StudyContext;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialRequest;
import dev.dendrite.api.tuning.TrialState;
import dev.dendrite.api.tuning.TuningStrategy;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Component;

/**
 * Local random search. The first trials (strategy option {@code warmup}, default 4) are draws
 * from the prior; after them each proposal is, of {@value #CANDIDATES} draws from the prior,
 * the one nearest to the best complete trial so far (a draw from the prior while none is
 * shown). A proposal depends only on the history and {@link StudyContext#random}, so a study
 * resumes with the same proposals. Replace the rule with yours.
 */
@Component(property = {"name=${pluginName}", "description=local random search: the nearest of 8 draws to the best trial"})
public final class ${classPrefix}Strategy implements TuningStrategy {
    static final int CANDIDATES = 8;
    /** Separates this strategy's random numbers from other uses of the study seed. */
    private static final long STREAM = 0x4C4F43414CL;

    @Override
    public void validate(SearchSpace space, StudyContext context) {
        if (warmup(context) < 1) {
            throw new IllegalArgumentException("${pluginName}: warmup must be at least 1, got " + warmup(context));
        }
    }

    @Override
    public Optional<TrialRequest> ask(SearchSpace space, List<TrialRecord> history, StudyContext context) {
        SplittableRandom random = context.random(STREAM);
        Optional<TrialRecord> best = history.stream()
                .filter(t -> t.state() == TrialState.COMPLETE)
                .min(context.ranking());
        Map<String, Object> point;
        if (context.trial() < warmup(context) || best.isEmpty()) {
            point = space.sample(random);
        } else {
            Map<String, Object> target = best.get().parameters();
            point = Stream.generate(() -> space.sample(random))
                    .limit(CANDIDATES)
                    .min(Comparator.comparingDouble(candidate -> distance(space, candidate, target)))
                    .orElseThrow();
        }
        return Optional.of(new TrialRequest(point, context.budget()));
    }

    private static int warmup(StudyContext context) {
        return context.intOption("warmup", 4);
    }

    /**
     * The distance of two points: the sum over parameters of |u − v|, each value at its quantile
     * of the prior; 1 for two different choices or a parameter active in one point only.
     */
    static double distance(SearchSpace space, Map<String, Object> x, Map<String, Object> y) {
        double sum = 0;
        for (Parameter p : space.parameters()) {
            Object a = x.get(p.name());
            Object b = y.get(p.name());
            if (a == null || b == null || p.kind() == Parameter.Kind.CHOICE) {
                sum += a == null && b == null || a != null && a.equals(b) ? 0 : 1;
            } else {
                sum += Math.abs(quantile(p, a) - quantile(p, b));
            }
        }
        return sum;
    }

    /** The inverse of {@link Parameter#fromUnit} for a numeric value: where it lies in [0, 1]. */
    private static double quantile(Parameter p, Object value) {
        double v = ((Number) value).doubleValue();
        return p.kind() == Parameter.Kind.LOGUNIFORM
                ? Math.log(v / p.low()) / Math.log(p.high() / p.low())
                : (v - p.low()) / (p.high() - p.low());
    }
}
