package dev.dendrite.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parsing of command-line option values, with messages that name the option and the value. */
final class Options {

    private Options() {
    }

    static int positiveInt(String option, String value) {
        int v = integer(option, value);
        if (v <= 0) {
            throw new IllegalArgumentException(option + " must be positive, got " + value);
        }
        return v;
    }

    static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + value + "' is not an integer");
        }
    }

    static long longValue(String option, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + value + "' is not an integer");
        }
    }

    static double number(String option, String value) {
        try {
            double v = Double.parseDouble(value.trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + value + "' is not a number");
        }
    }

    /** A comma-separated list of positive integers, e.g. {@code 64,32}; empty means none. */
    static List<Integer> widths(String option, String value) {
        List<Integer> widths = new ArrayList<>();
        if (value.isBlank() || value.equalsIgnoreCase("none")) {
            return widths;
        }
        for (String part : value.split(",")) {
            int w = integer(option, part);
            if (w <= 0) {
                throw new IllegalArgumentException(option + ": layer width must be positive, got " + part.trim());
            }
            widths.add(w);
        }
        return widths;
    }

    /** {@code name=value} pairs separated by commas, e.g. {@code beta1=0.9,beta2=0.99}; empty means none. */
    static java.util.Map<String, Double> assignments(String option, String value) {
        java.util.Map<String, Double> values = new java.util.LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return values;
        }
        for (String part : value.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(option + ": expected name=value, got '" + part.trim() + "'");
            }
            String name = part.substring(0, eq).trim();
            values.put(name, number(option + " " + name, part.substring(eq + 1)));
        }
        return values;
    }

    /** A number as scripts read it: four decimals, or scientific for very small values. */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a != 0 && (a < 1e-3 || a >= 1e6) ? "%.4e" : "%.4f", v);
    }

    /** Null for an option left empty. */
    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
