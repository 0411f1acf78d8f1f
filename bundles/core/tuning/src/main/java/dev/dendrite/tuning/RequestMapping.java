package dev.dendrite.tuning;

import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.tuning.Parameter.Kind;
import dev.dendrite.options.Completion;
import dev.dendrite.options.Option;
import dev.dendrite.options.TrainingOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which names a search space may search, and how a point of the space becomes a
 * {@link TrainingRequest}. The names are those of the one option table, {@link TrainingOptions}
 * ({@code lr layers activation optimizer batch epochs l2 dropout init schedule patience …}), and a
 * searched value is read and checked exactly as {@code ml:train} reads it: by
 * {@link TrainingOptions#set} into a request builder. To those tuning adds {@code units} and
 * {@code depth} (depth hidden layers of units each) and the optimizers' hyperparameters
 * ({@code momentum}, {@code beta1}, …), which go to
 * {@link TrainingRequest.Builder#optimizerHyperparameter}. A {@code layers} value is written
 * {@code [128,64]} in a space (commas separate choices there); its widths are checked by the builder.
 */
final class RequestMapping {
    static final String OPTIMIZER = "optimizer";
    static final String EPOCHS = "epochs";
    static final String LAYERS = "layers";
    static final String UNITS = "units";
    static final String DEPTH = "depth";

    /**
     * Request options a space does not search: a trial sets its own {@code seed} and trains by
     * epochs ({@code iterations}); {@code hp}'s entries are searched by their own names; the
     * back-end and the early-stopping monitor change how a run is computed and watched, not what
     * it learns.
     */
    private static final Set<String> NOT_SEARCHED = Set.of("seed", "iterations", "hp", "backend", "monitor");

    /** Completion sources of the options whose values are registered plug-in names. */
    private static final Set<Completion> PLUGIN_NAMES = Set.of(Completion.ACTIVATION, Completion.LOSS, Completion.OPTIMIZER);

    private RequestMapping() {
    }

    /** The request options a space may search, in the table's order. */
    static List<String> options() {
        return TrainingOptions.all().stream().map(Option::name).filter(n -> !NOT_SEARCHED.contains(n)).toList();
    }

    /** Whether {@code name} may be searched. */
    static boolean searchable(String name, Vocabulary vocabulary) {
        return options().contains(name) || name.equals(UNITS) || name.equals(DEPTH) || isOptimizerHyperparameter(name, vocabulary);
    }

    /** Whether {@code name} is an optimizer hyperparameter (other than lr) rather than a request option. */
    static boolean isOptimizerHyperparameter(String name, Vocabulary vocabulary) {
        return !TrainingOptions.isOption(name) && vocabulary.optimizerHyperparameters().contains(name);
    }

    /** The searchable names, for messages: the request options, tuning's own, then the optimizer hyperparameters. */
    static String known(Vocabulary vocabulary) {
        return String.join(", ", options()) + ", " + UNITS + ", " + DEPTH + "; optimizer hyperparameters: "
                + String.join(", ", vocabulary.optimizerHyperparameters());
    }

    /** The registered names an option takes when its values are plug-in names, else null. */
    private static List<String> pluginNames(String name, Vocabulary vocabulary) {
        if (!TrainingOptions.isOption(name)) {
            return null;
        }
        Completion source = TrainingOptions.only(name).get(0).completion();
        if (!PLUGIN_NAMES.contains(source)) {
            return null;
        }
        return source.equals(Completion.OPTIMIZER) ? new ArrayList<>(new TreeSet<>(vocabulary.optimizers().keySet()))
                : source.equals(Completion.LOSS) ? vocabulary.losses() : vocabulary.activations();
    }

    /**
     * The kinds of domain {@code name} takes: plug-in names and {@code layers} are chosen;
     * {@code units} and {@code depth} are integers; the others take any domain whose values the
     * request reads (checked value by value with {@link #check}).
     *
     * @return null when every kind may do, else the domains to name in the message
     */
    static String onlyDomains(String name, Kind kind, Vocabulary vocabulary) {
        if ((name.equals(LAYERS) || pluginNames(name, vocabulary) != null) && kind != Kind.CHOICE) {
            return "choice(…)";
        }
        if ((name.equals(UNITS) || name.equals(DEPTH)) && kind != Kind.INT && kind != Kind.CHOICE) {
            return "int(lo,hi) or choice(…)";
        }
        return null;
    }

    /**
     * Checks one value a trial may get, as its text in the space (a choice, or a range's bound
     * written as a sampled value would be), against {@code base}: read and set as {@code ml:train}
     * reads it.
     *
     * @return null when fine, else the problem, naming the parameter
     */
    static String check(String name, String value, TrainingRequest base, Vocabulary vocabulary) {
        List<String> available = pluginNames(name, vocabulary);
        if (available != null) {
            return available.contains(value) ? null
                    : "unknown " + (name.equals("output") ? "activation" : name) + " '" + value + "' (available: "
                    + String.join(", ", available) + ")";
        }
        try {
            set(base.toBuilder(), name, value);
            return null;
        } catch (IllegalArgumentException e) {
            String optionPrefix = "--" + name + ": ";
            String message = e.getMessage();
            return name + ": " + (message.startsWith(optionPrefix) ? message.substring(optionPrefix.length()) : message);
        }
    }

    /** The epochs of a trial: the point's {@code epochs} when the space searches it, else the strategy's budget. */
    static int epochs(Map<String, Object> point, int budget) {
        Object v = point.get(EPOCHS);
        return v == null ? budget : Integer.parseInt(text(v));
    }

    /** The request of a point: {@code base} with every searched value set, trained for {@code epochs} with {@code seed}. */
    static TrainingRequest request(TrainingRequest base, Map<String, Object> point, int epochs, long seed) {
        TrainingRequest.Builder b = base.toBuilder().byEpochs().epochs(epochs).seed(seed);
        point.forEach((name, value) -> {
            if (!name.equals(EPOCHS)) {
                set(b, name, text(value));
            }
        });
        if (point.containsKey(UNITS) || point.containsKey(DEPTH)) {
            List<Integer> layers = base.hiddenLayers();
            int units = point.containsKey(UNITS) ? Integer.parseInt(text(point.get(UNITS))) : layers.isEmpty() ? 16 : layers.get(0);
            int depth = point.containsKey(DEPTH) ? Integer.parseInt(text(point.get(DEPTH))) : Math.max(1, layers.size());
            b.hiddenLayers(Collections.nCopies(depth, units));
        }
        return b.build();
    }

    /** The searched names that conflict with each other. */
    static String conflict(Set<String> names) {
        if (names.contains(LAYERS) && (names.contains(UNITS) || names.contains(DEPTH))) {
            return "layers conflicts with " + (names.contains(UNITS) ? UNITS : DEPTH)
                    + ": search either layers=choice([…],…) or units/depth";
        }
        return null;
    }

    /** Sets one searched value; {@code units} and {@code depth} are only checked here, {@link #request} sets them. */
    private static void set(TrainingRequest.Builder b, String name, String value) {
        switch (name) {
            case UNITS, DEPTH -> {
                if (positiveInteger(value) < 1) {
                    throw new IllegalArgumentException("must be a positive integer, got " + value);
                }
            }
            case LAYERS -> TrainingOptions.set(LAYERS, widths(value), b);
            default -> {
                if (TrainingOptions.isOption(name)) {
                    TrainingOptions.set(name, value, b);
                } else {
                    b.optimizerHyperparameter(name, number(value));
                }
            }
        }
    }

    /** {@code [128,64]} → {@code 128,64}, {@code []} → {@code none}: the space's notation as the layers option reads it. */
    private static String widths(String value) {
        String t = value.trim();
        if (!t.startsWith("[") || !t.endsWith("]")) {
            throw new IllegalArgumentException("a value is written [n1,n2,…] (e.g. [128,64], or [] for none), got '" + value + "'");
        }
        String inner = t.substring(1, t.length() - 1).trim();
        return inner.isEmpty() ? "none" : inner;
    }

    private static long positiveInteger(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not an integer");
        }
    }

    private static double number(String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number");
        }
    }

    /** A point's value as text: a choice as written, a uniform or loguniform value as a real, an int value as an integer. */
    static String text(Object value) {
        return String.valueOf(value);
    }
}
