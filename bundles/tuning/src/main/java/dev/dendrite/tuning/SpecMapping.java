package dev.dendrite.tuning;

import dev.dendrite.api.nn.LearningRateSchedule;
import dev.dendrite.api.nn.TrainingSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code ml:train} hyperparameters a search space can search, what values each takes, and how
 * a point of the space becomes a {@link TrainingSpec}. Names are those of the {@code ml:train}
 * options: {@code lr layers activation output loss optimizer batch epochs l2 dropout init schedule
 * patience}, plus {@code units} and {@code depth} (depth hidden layers of units each) and any
 * optimizer hyperparameter ({@code momentum}, {@code beta1}, {@code weight_decay}, …), which goes
 * into the spec's hyperparameter map.
 */
final class SpecMapping {
    static final String OPTIMIZER = "optimizer";
    static final String EPOCHS = "epochs";
    static final List<String> INITIALIZERS = List.of("he", "small", "xavier");

    /** What kind of value a hyperparameter takes. */
    enum Type {
        /** A plug-in or initializer name: choice only. */
        NAME,
        /** Hidden widths written {@code [128,64]} or {@code []}: choice only. */
        LAYERS,
        /** A positive integer ({@code batch} also takes {@code all}): int or choice. */
        INTEGER,
        /** A real number: uniform, loguniform or choice. */
        REAL,
        /** A learning-rate schedule such as {@code step:0.5:10}: choice only. */
        SCHEDULE
    }

    private static final Map<String, Type> TRAIN_OPTIONS = train();

    private SpecMapping() {
    }

    private static Map<String, Type> train() {
        Map<String, Type> m = new LinkedHashMap<>();
        m.put("lr", Type.REAL);
        m.put("layers", Type.LAYERS);
        m.put("units", Type.INTEGER);
        m.put("depth", Type.INTEGER);
        m.put("activation", Type.NAME);
        m.put("output", Type.NAME);
        m.put("loss", Type.NAME);
        m.put(OPTIMIZER, Type.NAME);
        m.put("batch", Type.INTEGER);
        m.put(EPOCHS, Type.INTEGER);
        m.put("l2", Type.REAL);
        m.put("dropout", Type.REAL);
        m.put("init", Type.NAME);
        m.put("schedule", Type.SCHEDULE);
        m.put("patience", Type.INTEGER);
        return Collections.unmodifiableMap(m);
    }

    /** The type of a searchable name, or null when it is none. */
    static Type type(String name, Vocabulary vocabulary) {
        Type t = TRAIN_OPTIONS.get(name);
        return t != null ? t : vocabulary.optimizerHyperparameters().contains(name) ? Type.REAL : null;
    }

    /** Whether {@code name} is an optimizer hyperparameter (other than lr) rather than an ml:train option. */
    static boolean isOptimizerHyperparameter(String name, Vocabulary vocabulary) {
        return !TRAIN_OPTIONS.containsKey(name) && vocabulary.optimizerHyperparameters().contains(name);
    }

    /** The searchable names, for messages: the ml:train ones, then the optimizer hyperparameters. */
    static String known(Vocabulary vocabulary) {
        return String.join(", ", TRAIN_OPTIONS.keySet()) + "; optimizer hyperparameters: "
                + String.join(", ", vocabulary.optimizerHyperparameters());
    }

    /** The names a NAME parameter may take. */
    static List<String> names(String parameter, Vocabulary vocabulary) {
        return switch (parameter) {
            case "activation", "output" -> vocabulary.activations();
            case "loss" -> vocabulary.losses();
            case OPTIMIZER -> new ArrayList<>(new TreeSet<>(vocabulary.optimizers().keySet()));
            default -> INITIALIZERS;
        };
    }

    /**
     * Checks one value of a choice as the hyperparameter {@code name} of type {@code type} reads it.
     *
     * @return null when fine, else the problem
     */
    static String checkValue(String name, Type type, String value, Vocabulary vocabulary) {
        try {
            switch (type) {
                case NAME -> {
                    List<String> available = names(name, vocabulary);
                    if (!available.contains(value)) {
                        return "unknown " + (name.equals("output") ? "activation" : name.equals("init") ? "initializer" : name)
                                + " '" + value + "' (available: " + String.join(", ", available) + ")";
                    }
                }
                case LAYERS -> widths(value);
                case INTEGER -> checkInteger(name, name.equals("batch") && value.equals("all") ? 1 : Long.parseLong(value));
                case REAL -> checkReal(name, Double.parseDouble(value), Double.parseDouble(value));
                case SCHEDULE -> LearningRateSchedule.parse(value);
            }
            return null;
        } catch (NumberFormatException e) {
            return name + " takes " + (type == Type.INTEGER ? "integers" : "numbers") + ", got '" + value + "'";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    static void checkInteger(String name, long v) {
        long min = name.equals("patience") ? 0 : 1;
        if (v < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + v);
        }
    }

    /** Range checks of the real hyperparameters over [low, high]. */
    static void checkReal(String name, double low, double high) {
        switch (name) {
            case "lr" -> {
                if (low <= 0) {
                    throw new IllegalArgumentException("lr must be positive, got " + low);
                }
            }
            case "l2" -> {
                if (low < 0) {
                    throw new IllegalArgumentException("l2 must be >= 0, got " + low);
                }
            }
            case "dropout" -> {
                if (low < 0 || high >= 1) {
                    throw new IllegalArgumentException("dropout must be in [0, 1), got " + (low < 0 ? low : high));
                }
            }
            default -> {
            }
        }
    }

    /** {@code [128,64]} → [128, 64]; {@code []} → no hidden layer. */
    static List<Integer> widths(String text) {
        String t = text.trim();
        if (!t.startsWith("[") || !t.endsWith("]")) {
            throw new IllegalArgumentException("layers are written [n1,n2,…] (e.g. [128,64], or [] for none), got '" + text + "'");
        }
        List<Integer> widths = new ArrayList<>();
        String inner = t.substring(1, t.length() - 1).trim();
        if (inner.isEmpty()) {
            return widths;
        }
        for (String part : inner.split(",")) {
            int w;
            try {
                w = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("layer width '" + part.trim() + "' in " + text + " is not an integer");
            }
            if (w <= 0) {
                throw new IllegalArgumentException("layer width must be positive, got " + w + " in " + text);
            }
            widths.add(w);
        }
        return widths;
    }

    /** The epochs of a trial: the point's {@code epochs} when the space searches it, else the strategy's budget. */
    static int epochs(Map<String, Object> point, int budget) {
        Object v = point.get(EPOCHS);
        return v == null ? budget : (int) integer(v);
    }

    /** The spec of a point: {@code base} with every searched value applied, trained for {@code epochs} with {@code seed}. */
    static TrainingSpec apply(TrainingSpec base, Map<String, Object> point, int epochs, long seed) {
        TrainingSpec.Builder b = base.toBuilder().epochs(epochs).iterations(0).seed(seed);
        List<Integer> layers = base.hiddenLayers();
        for (Map.Entry<String, Object> e : point.entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "layers" -> layers = widths((String) v);
                case "units", "depth" -> { } // below, once both are known
                case "activation" -> b.activation((String) v);
                case "output" -> b.outputActivation((String) v);
                case "loss" -> b.loss((String) v);
                case OPTIMIZER -> b.optimizer((String) v);
                case "batch" -> b.batchSize("all".equals(v) ? 0 : (int) integer(v));
                case EPOCHS -> { } // the trial's budget, given
                case "l2" -> b.l2(real(v));
                case "dropout" -> b.dropout(real(v));
                case "init" -> b.initializer((String) v);
                case "schedule" -> b.schedule(LearningRateSchedule.parse((String) v));
                case "patience" -> b.patience((int) integer(v));
                default -> b.hyperparameter(e.getKey(), real(v));
            }
        }
        if (point.containsKey("units") || point.containsKey("depth")) {
            int units = point.containsKey("units") ? (int) integer(point.get("units")) : layers.isEmpty() ? 16 : layers.get(0);
            int depth = point.containsKey("depth") ? (int) integer(point.get("depth")) : Math.max(1, layers.size());
            layers = Collections.nCopies(depth, units);
        }
        return b.hiddenLayers(layers).build();
    }

    /** The searched names that conflict with each other. */
    static String conflict(Set<String> names) {
        if (names.contains("layers") && (names.contains("units") || names.contains("depth"))) {
            return "layers conflicts with " + (names.contains("units") ? "units" : "depth")
                    + ": search either layers=choice([…],…) or units/depth";
        }
        return null;
    }

    private static double real(Object v) {
        return v instanceof String s ? Double.parseDouble(s) : ((Number) v).doubleValue();
    }

    private static long integer(Object v) {
        return v instanceof String s ? Long.parseLong(s) : ((Number) v).longValue();
    }
}
