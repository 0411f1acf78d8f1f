package dev.dendrite.uat;

import dev.dendrite.options.Quote;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * A function to approximate, f: [lo, hi]^d → ℝ with d = 1 (f of x) or d = 2 (f of x and y, the
 * same interval on both axes).
 *
 * @param name        the name users type ({@code sin}) or the expression text
 * @param formula     how the docs write it, e.g. {@code sin(x)}
 * @param dimensions  1 or 2
 * @param lo          the lower end of the domain on each axis
 * @param hi          the upper end of the domain on each axis
 * @param continuous  whether f is continuous on the domain (the theorem's condition)
 * @param function    f(x, y); y is ignored when {@code dimensions} is 1
 */
public record Target(String name, String formula, int dimensions, double lo, double hi, boolean continuous,
                     DoubleBinaryOperator function) {

    private static final double PI = Math.PI;

    /** The built-in targets by name, in the order the help lists them. */
    private static final Map<String, Target> BUILT_INS = builtIns();

    public Target {
        if (dimensions != 1 && dimensions != 2) {
            throw new IllegalArgumentException("a target has 1 or 2 variables, got " + dimensions);
        }
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("domain [" + lo + ", " + hi + "] must be a finite interval with lo < hi");
        }
    }

    private static Map<String, Target> builtIns() {
        Map<String, Target> m = new LinkedHashMap<>();
        add(m, new Target("sin", "sin(x)", 1, -PI, PI, true, (x, y) -> Math.sin(x)));
        add(m, new Target("abs", "|x|", 1, -1, 1, true, (x, y) -> Math.abs(x)));
        add(m, new Target("square", "x^2", 1, -1, 1, true, (x, y) -> x * x));
        add(m, new Target("sawtooth", "zig-zag of 4 linear teeth (triangle wave, period 1)", 1, -1, 1, true,
                (x, y) -> 4 * Math.abs(x - Math.floor(x + 0.5)) - 1));
        add(m, new Target("step", "0 for x < 0, 1 for x >= 0 (a jump at 0)", 1, -1, 1, false,
                (x, y) -> x < 0 ? 0 : 1));
        add(m, new Target("sincos2d", "sin(x)*cos(y)", 2, -PI, PI, true, (x, y) -> Math.sin(x) * Math.cos(y)));
        return Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, Target> m, Target t) {
        m.put(t.name, t);
    }

    /** The names of the built-in targets, in help order. */
    public static List<String> names() {
        return List.copyOf(BUILT_INS.keySet());
    }

    /**
     * The built-in target called {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name; the message lists the available ones
     */
    public static Target named(String name) {
        Target t = BUILT_INS.get(name == null ? "" : name.toLowerCase(Locale.ROOT));
        if (t == null) {
            throw new IllegalArgumentException("unknown function " + Quote.of(name) + "; available: " + String.join(", ", names())
                    + " (or --expr EXPRESSION)");
        }
        return t;
    }

    /**
     * A user expression in x (and y: then two variables) on [lo, hi] (per axis). Continuity is
     * not analysed: it is reported as continuous.
     *
     * @throws IllegalArgumentException if the text does not parse (the message gives the position)
     */
    public static Target expression(String text, double lo, double hi) {
        Expression e = Expression.parse(text);
        return new Target(text, text, e.usesY() ? 2 : 1, lo, hi, true, e::evaluate);
    }

    /** The same function on another domain. */
    public Target withDomain(double newLo, double newHi) {
        return new Target(name, formula, dimensions, newLo, newHi, continuous, function);
    }

    /**
     * f(x, y); for a one-variable target y is ignored.
     *
     * @throws IllegalArgumentException if the value is not finite (e.g. log(x) at 0)
     */
    public double at(double x, double y) {
        double v = function.applyAsDouble(x, y);
        if (!Double.isFinite(v)) {
            String point = dimensions == 1 ? "x = " + x : "(x, y) = (" + x + ", " + y + ")";
            throw new IllegalArgumentException("function " + Quote.of(name) + " is " + v + " at " + point
                    + "; choose a domain where it is finite (--domain)");
        }
        return v;
    }

    /** E.g. {@code sin(x) on [-3.1416, 3.1416]} or {@code sin(x)*cos(y) on [-3.1416, 3.1416]²}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s on [%.4g, %.4g]%s", formula, lo, hi, dimensions == 2 ? "²" : "");
    }
}
