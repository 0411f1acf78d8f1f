package dev.dendrite.api.tuning;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The hyperparameters a study searches, in declaration order. A conditional parameter depends on
 * an earlier CHOICE parameter, so the space is a tree: a point of the space assigns a value to
 * every active parameter and to no inactive one.
 *
 * @param parameters at least one, names distinct, conditions on earlier CHOICE parameters
 */
public record SearchSpace(List<Parameter> parameters) {

    public SearchSpace {
        parameters = List.copyOf(parameters);
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("the search space is empty");
        }
        Map<String, Parameter> earlier = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            if (p.condition() != null) {
                Parameter parent = earlier.get(p.condition().parameter());
                if (parent == null || parent.kind() != Parameter.Kind.CHOICE || !parent.choices().contains(p.condition().value())) {
                    throw new IllegalArgumentException(p.name() + ": the condition " + p.condition()
                            + " must name a value of an earlier choice parameter");
                }
            }
            if (earlier.put(p.name(), p) != null) {
                throw new IllegalArgumentException("parameter " + p.name() + " is declared twice");
            }
        }
    }

    /** The parameter of that name. */
    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The parameter names, in order. */
    public List<String> names() {
        return parameters.stream().map(Parameter::name).toList();
    }

    /** Whether {@code p} is active given the values chosen so far (an inactive parent leaves it inactive). */
    public static boolean active(Parameter p, Map<String, Object> values) {
        return p.condition() == null || p.condition().value().equals(values.get(p.condition().parameter()));
    }

    /** A point drawn from the prior: every active parameter from {@link Parameter#fromUnit} of a uniform draw. */
    public Map<String, Object> sample(SplittableRandom random) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            if (active(p, values)) {
                values.put(p.name(), p.fromUnit(random.nextDouble()));
            }
        }
        return values;
    }

    /**
     * Checks that {@code values} is a point of this space: exactly the active parameters, each in
     * its domain.
     *
     * @throws IllegalArgumentException naming the first offending parameter
     */
    public void check(Map<String, Object> values) {
        Set<String> seen = new HashSet<>();
        for (Parameter p : parameters) {
            boolean active = active(p, values);
            Object v = values.get(p.name());
            if (active && !p.contains(v)) {
                throw new IllegalArgumentException("value " + v + " is not in the domain of " + p);
            }
            if (!active && v != null) {
                throw new IllegalArgumentException(p.name() + " has a value but its condition " + p.condition() + " does not hold");
            }
            seen.add(p.name());
        }
        for (String key : values.keySet()) {
            if (!seen.contains(key)) {
                throw new IllegalArgumentException("unknown parameter " + key + " (the space has: " + String.join(", ", names()) + ")");
            }
        }
    }

    /** The space in the search-space syntax, parameters separated by {@code ; }. */
    @Override
    public String toString() {
        return parameters.stream().map(Parameter::toString).collect(Collectors.joining("; "));
    }
}
