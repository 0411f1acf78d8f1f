package dev.dendrite.tuning;

import dev.dendrite.api.tuning.Parameter;
import dev.dendrite.api.tuning.SearchSpace;
import dev.dendrite.api.tuning.StudyContext;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.TrialRequest;
import dev.dendrite.api.tuning.TuningStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * Grid search: the Cartesian product of every parameter's values, trial n being the n-th point
 * in a stable order (the first parameter varies slowest, like nested loops; a conditional
 * parameter multiplies only the branch where its condition holds). A choice gives its values and
 * an int range all its integers; a continuous range, or an int range with option
 * {@code grid-points=g}, gives g evenly spaced values (log-spaced for loguniform), ends included.
 */
@Component(property = {"name=grid", "description=every point of the Cartesian product, in a stable order"})
public final class GridStrategy implements TuningStrategy {
    static final String POINTS = "grid-points";
    private static final int MAX_POINTS = 100_000;

    @Override
    public void validate(SearchSpace space, StudyContext context) {
        points(space, context.intOption(POINTS, 0));
    }

    @Override
    public Optional<TrialRequest> ask(SearchSpace space, List<TrialRecord> history, StudyContext context) {
        List<Map<String, Object>> points = points(space, context.intOption(POINTS, 0));
        int n = context.trial();
        return n < points.size() ? Optional.of(new TrialRequest(points.get(n), context.budget())) : Optional.empty();
    }

    /** Every point of the grid, in order. */
    static List<Map<String, Object>> points(SearchSpace space, int gridPoints) {
        List<Map<String, Object>> points = new ArrayList<>();
        expand(space.parameters(), 0, new LinkedHashMap<>(), gridPoints, points);
        return points;
    }

    private static void expand(List<Parameter> parameters, int index, Map<String, Object> partial, int gridPoints,
                               List<Map<String, Object>> out) {
        if (index == parameters.size()) {
            if (out.size() >= MAX_POINTS) {
                throw new IllegalArgumentException("the grid has more than " + MAX_POINTS + " points: use fewer values or random search");
            }
            out.add(new LinkedHashMap<>(partial));
            return;
        }
        Parameter p = parameters.get(index);
        if (!SearchSpace.active(p, partial)) {
            expand(parameters, index + 1, partial, gridPoints, out);
            return;
        }
        for (Object value : values(p, gridPoints)) {
            partial.put(p.name(), value);
            expand(parameters, index + 1, partial, gridPoints, out);
            partial.remove(p.name());
        }
    }

    /** The grid values of one parameter. */
    static List<Object> values(Parameter p, int gridPoints) {
        List<Object> values = new ArrayList<>();
        switch (p.kind()) {
            case CHOICE -> values.addAll(p.choices());
            case INT -> {
                long count = (long) (p.high() - p.low()) + 1;
                if (gridPoints <= 0 || gridPoints >= count) {
                    for (long v = (long) p.low(); v <= (long) p.high(); v++) {
                        values.add(v);
                    }
                } else {
                    for (int i = 0; i < gridPoints; i++) {
                        Long v = Math.round(p.low() + i * (p.high() - p.low()) / (gridPoints - 1));
                        if (!values.contains(v)) {
                            values.add(v);
                        }
                    }
                }
            }
            case UNIFORM, LOGUNIFORM -> {
                if (gridPoints < 2) {
                    throw new IllegalArgumentException("grid: " + p + " is continuous: give --grid-points N (N >= 2)"
                            + " or write it as choice(…)");
                }
                boolean log = p.kind() == Parameter.Kind.LOGUNIFORM;
                double lo = log ? Math.log(p.low()) : p.low();
                double hi = log ? Math.log(p.high()) : p.high();
                for (int i = 0; i < gridPoints; i++) {
                    double x = i == gridPoints - 1 ? hi : lo + i * (hi - lo) / (gridPoints - 1);
                    values.add(log ? (i == 0 ? p.low() : i == gridPoints - 1 ? p.high() : Math.exp(x)) : x);
                }
            }
        }
        return values;
    }
}
