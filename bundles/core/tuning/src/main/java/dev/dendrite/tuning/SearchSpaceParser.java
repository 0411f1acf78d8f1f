package dev.dendrite.tuning;

import dev.dendrite.api.nn.TrainingRequest;
import dev.dendrite.api.tuning.Parameter;
import dev.dendrite.api.tuning.Parameter.Kind;
import dev.dendrite.api.tuning.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses the search-space syntax:
 * <pre>
 * space     = parameter { ";" parameter } [ ";" ]
 * parameter = name "=" domain [ "if" name "=" value ]
 * domain    = "uniform(" number "," number ")" | "loguniform(" number "," number ")"
 *           | "int(" integer "," integer ")" | "choice(" value { "," value } ")"
 * value     = "[" … "]" | a word without spaces , ; ( ) [ ]
 * </pre>
 * e.g. {@code lr=loguniform(1e-4,1e-1); layers=choice([64],[128,64]); batch=choice(32,64,128);
 * optimizer=choice(momentum,adam); momentum=uniform(0.5,0.99) if optimizer=momentum}. Names are
 * those of {@link RequestMapping}; every value a trial may get (each choice, each bound of a range,
 * as a sampled value is written) is read into the base request as {@code ml:train} reads it, so
 * the training request's builder refuses a bad one before any trial runs; plug-in names must be
 * registered ({@link Vocabulary}); an optimizer hyperparameter must belong to every optimizer it
 * can be combined with. Errors are IllegalArgumentExceptions {@code search space, position P: …}
 * with P the 1-based character.
 */
final class SearchSpaceParser {
    private final String text;
    private final Vocabulary vocabulary;
    private final TrainingRequest base;
    private final Map<String, Parameter> declared = new LinkedHashMap<>();
    private final Map<String, Integer> positions = new LinkedHashMap<>();
    private int pos;

    private SearchSpaceParser(String text, Vocabulary vocabulary, TrainingRequest base) {
        this.text = text;
        this.vocabulary = vocabulary;
        this.base = base;
    }

    /** Parses and checks {@code text} for trials that start from {@code base}. */
    static SearchSpace parse(String text, Vocabulary vocabulary, TrainingRequest base) {
        return new SearchSpaceParser(text == null ? "" : text, vocabulary, base).space();
    }

    private SearchSpace space() {
        while (true) {
            skipSpaces();
            if (pos >= text.length()) {
                break;
            }
            parameter();
            skipSpaces();
            if (pos >= text.length()) {
                break;
            }
            if (!at(';')) {
                throw error(pos, "expected ';' between parameters, found " + found());
            }
            pos++;
        }
        if (declared.isEmpty()) {
            throw new IllegalArgumentException("the search space is empty: give name=domain pairs separated by ';',"
                    + " e.g. lr=loguniform(1e-4,1e-1); batch=choice(32,64)");
        }
        String conflict = RequestMapping.conflict(declared.keySet());
        if (conflict != null) {
            throw error(positions.get(RequestMapping.LAYERS), conflict);
        }
        checkOptimizerHyperparameters();
        return new SearchSpace(new ArrayList<>(declared.values()));
    }

    private void parameter() {
        int start = pos;
        String name = word("a parameter name");
        if (!RequestMapping.searchable(name, vocabulary)) {
            throw error(start, "unknown parameter '" + name + "' (known: " + RequestMapping.known(vocabulary) + ")");
        }
        if (declared.containsKey(name)) {
            throw error(start, "parameter " + name + " is declared twice");
        }
        skipSpaces();
        expect('=', "after '" + name + "'");
        skipSpaces();
        int domainStart = pos;
        String function = word("uniform, loguniform, int or choice");
        Kind kind = switch (function) {
            case "uniform" -> Kind.UNIFORM;
            case "loguniform" -> Kind.LOGUNIFORM;
            case "int" -> Kind.INT;
            case "choice" -> Kind.CHOICE;
            default -> throw error(domainStart, "unknown domain '" + function + "' (use uniform, loguniform, int or choice)");
        };
        String domains = RequestMapping.onlyDomains(name, kind, vocabulary);
        if (domains != null) {
            throw error(domainStart, name + " takes " + domains);
        }
        skipSpaces();
        expect('(', "after '" + function + "'");
        Parameter p = kind == Kind.CHOICE ? choice(name) : range(name, kind);
        skipSpaces();
        if (text.startsWith("if", pos) && (pos + 2 >= text.length() || !Character.isLetterOrDigit(text.charAt(pos + 2)))) {
            pos += 2;
            p = condition(p);
        }
        declared.put(name, p);
        positions.put(name, start);
    }

    private Parameter choice(String name) {
        List<String> values = new ArrayList<>();
        while (true) {
            skipSpaces();
            int start = pos;
            String value = value();
            if (values.contains(value)) {
                throw error(start, "value " + value + " appears twice in the choice of " + name);
            }
            String problem = RequestMapping.check(name, value, base, vocabulary);
            if (problem != null) {
                throw error(start, problem);
            }
            values.add(value);
            skipSpaces();
            if (at(')')) {
                pos++;
                return new Parameter(name, Kind.CHOICE, 0, 0, values, null);
            }
            expect(',', "or ')' in choice(…)");
        }
    }

    private Parameter range(String name, Kind kind) {
        skipSpaces();
        int lowAt = pos;
        double low = number();
        skipSpaces();
        expect(',', "between the bounds");
        skipSpaces();
        int highAt = pos;
        double high = number();
        skipSpaces();
        expect(')', "after the upper bound");
        if (kind == Kind.INT && low != Math.rint(low)) {
            throw error(lowAt, "int bounds must be integers, got " + low);
        }
        if (kind == Kind.INT && high != Math.rint(high)) {
            throw error(highAt, "int bounds must be integers, got " + high);
        }
        checkBound(name, kind, low, lowAt);
        checkBound(name, kind, high, highAt);
        if (!(low < high)) {
            throw error(lowAt, "the lower bound " + plain(low) + " must be below the upper bound " + plain(high));
        }
        if (kind == Kind.LOGUNIFORM && low <= 0) {
            throw error(lowAt, "loguniform needs positive bounds (it searches log x), got " + plain(low));
        }
        return new Parameter(name, kind, low, high, List.of(), null);
    }

    /**
     * Reads a bound as a trial would get it: an int value as an integer, a uniform or loguniform
     * one as a real (so {@code batch=uniform(8,64)} is refused: batch takes integers). Every
     * request option's range is an interval, so values between good bounds are good too.
     */
    private void checkBound(String name, Kind kind, double bound, int at) {
        Object value = kind == Kind.INT ? (Object) (long) bound : (Object) bound;
        String problem = RequestMapping.check(name, RequestMapping.text(value), base, vocabulary);
        if (problem != null && kind != Kind.INT && bound == Math.rint(bound)
                && RequestMapping.check(name, Long.toString((long) bound), base, vocabulary) == null) {
            problem = name + " takes integers: use int(lo,hi) or choice(…)";
        }
        if (problem != null) {
            throw error(at, problem);
        }
    }

    private Parameter condition(Parameter p) {
        skipSpaces();
        int start = pos;
        String parent = word("a parameter name after 'if'");
        skipSpaces();
        expect('=', "after '" + parent + "'");
        skipSpaces();
        int valueAt = pos;
        String value = value();
        Parameter declaredParent = declared.get(parent);
        if (declaredParent == null || declaredParent.kind() != Kind.CHOICE) {
            throw error(start, "the condition must name an earlier choice parameter, '" + parent + "' is "
                    + (declaredParent == null ? "not declared before " + p.name() : "not a choice"));
        }
        if (!declaredParent.choices().contains(value)) {
            throw error(valueAt, "'" + value + "' is not a choice of " + parent + " (choices: "
                    + String.join(", ", declaredParent.choices()) + ")");
        }
        return p.when(parent, value);
    }

    /** Every optimizer hyperparameter must be understood by each optimizer it can be trained with. */
    private void checkOptimizerHyperparameters() {
        Parameter optimizer = declared.get(RequestMapping.OPTIMIZER);
        for (Parameter p : declared.values()) {
            if (!RequestMapping.isOptimizerHyperparameter(p.name(), vocabulary)) {
                continue;
            }
            List<String> with = p.condition() != null && p.condition().parameter().equals(RequestMapping.OPTIMIZER)
                    ? List.of(p.condition().value())
                    : optimizer != null ? optimizer.choices() : List.of(base.optimizer());
            for (String name : with) {
                Set<String> has = vocabulary.optimizers().getOrDefault(name, Set.of());
                if (!has.contains(p.name())) {
                    Set<String> owners = new TreeSet<>();
                    vocabulary.optimizers().forEach((o, hps) -> {
                        if (hps.contains(p.name())) {
                            owners.add(o);
                        }
                    });
                    throw error(positions.get(p.name()), p.name() + " is not a hyperparameter of optimizer " + name
                            + " (" + (has.isEmpty() ? "it has none" : "it has: " + String.join(", ", new TreeSet<>(has))) + "); optimizers with " + p.name() + ": "
                            + String.join(", ", owners) + "; write e.g. '" + p.name() + "=… if optimizer="
                            + (owners.isEmpty() ? "…" : owners.iterator().next()) + "'");
                }
            }
        }
    }

    /** A bracketed list kept as written without spaces, or a word up to a separator. */
    private String value() {
        int start = pos;
        if (at('[')) {
            int close = text.indexOf(']', pos);
            if (close < 0) {
                throw error(start, "'[' is not closed by ']'");
            }
            pos = close + 1;
            return text.substring(start, pos).replace(" ", "");
        }
        while (pos < text.length() && ",;()[] \t\n\r".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        if (pos == start) {
            throw error(start, "expected a value, found " + found());
        }
        return text.substring(start, pos);
    }

    private double number() {
        int start = pos;
        while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        try {
            if (pos == start) {
                throw new NumberFormatException();
            }
            return Double.parseDouble(text.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            String token = word(start);
            throw error(start, "expected a number, found " + (token.isEmpty() ? found() : "'" + token + "'"));
        }
    }

    private String word(int from) {
        int end = from;
        while (end < text.length() && ",;() \t".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return text.substring(from, end);
    }

    private String word(String what) {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (pos == start || Character.isDigit(text.charAt(start))) {
            pos = start;
            throw error(start, "expected " + what + ", found " + found());
        }
        return text.substring(start, pos);
    }

    private void expect(char c, String where) {
        if (!at(c)) {
            throw error(pos, "expected '" + c + "' " + where + ", found " + found());
        }
        pos++;
    }

    private boolean at(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private String found() {
        return pos >= text.length() ? "the end" : "'" + text.charAt(pos) + "'";
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static IllegalArgumentException error(int at, String message) {
        return new IllegalArgumentException("search space, position " + (at + 1) + ": " + message);
    }
}
