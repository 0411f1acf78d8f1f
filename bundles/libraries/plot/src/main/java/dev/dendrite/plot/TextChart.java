package dev.dendrite.plot;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Pictures made of characters, for the terminal. {@link #curves} draws series of values over a
 * common, evenly spaced x range, one character per series (later series over earlier ones, so a
 * series that matches an earlier one hides it), with the y range on the left and the x range
 * under the chart; {@link #shadeRow} shades one row of a map, darker meaning higher.
 */
public final class TextChart {
    /** Shades from low to high. */
    public static final String SHADES = " .:-=+*#%@";

    /**
     * One series: its values at evenly spaced x from the left end of the chart to the right end
     * (any number of them; each column shows the nearest one); NaN values are not drawn.
     *
     * @param mark   the character it is drawn with
     * @param values the y values
     */
    public record Curve(char mark, double[] values) {
    }

    private TextChart() {
    }

    /**
     * The chart: a {@code header} line, {@code rows} lines of {@code columns} characters framed by
     * the y labels (max at the top, min at the bottom), and the x labels of both ends.
     */
    public static String curves(List<Curve> curves, int columns, int rows, String header, String xLo, String xHi) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Curve c : curves) {
            for (double v : c.values()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        char[][] chart = new char[rows][columns];
        for (char[] row : chart) {
            Arrays.fill(row, ' ');
        }
        for (Curve c : curves) {
            double[] v = c.values();
            for (int col = 0; col < columns && v.length > 0; col++) {
                int k = columns == 1 ? 0 : (int) Math.round(col * (v.length - 1) / (double) (columns - 1));
                if (Double.isFinite(v[k])) {
                    chart[row(v[k], min, max, rows)][col] = c.mark();
                }
            }
        }
        String top = number(max);
        String bottom = number(min);
        int margin = Math.max(top.length(), bottom.length());
        StringBuilder s = new StringBuilder();
        s.append(" ".repeat(margin + 2)).append(header).append('\n');
        for (int r = 0; r < rows; r++) {
            String label = r == 0 ? top : r == rows - 1 ? bottom : "";
            s.append(String.format(Locale.ROOT, "%" + margin + "s |", label)).append(chart[r]).append('\n');
        }
        s.append(" ".repeat(margin + 2)).append(xLo).append(" ".repeat(Math.max(1, columns - xLo.length() - xHi.length())))
                .append(xHi).append('\n');
        return s.toString();
    }

    private static int row(double v, double min, double max, int rows) {
        double t = max > min ? (max - v) / (max - min) : 0.5;
        return (int) Math.round(t * (rows - 1));
    }

    /**
     * Row {@code gy} of an n × n map of values (row-major, row gy holding values[gy·n … gy·n + n − 1])
     * as {@code columns} shade characters of {@link #SHADES}, min the lightest and max the darkest.
     */
    public static String shadeRow(double[] values, int n, int gy, int columns, double min, double max) {
        StringBuilder s = new StringBuilder(columns);
        for (int c = 0; c < columns; c++) {
            int gx = columns == 1 ? 0 : (int) Math.round(c * (n - 1) / (double) (columns - 1));
            double t = max > min ? (values[gy * n + gx] - min) / (max - min) : 0.5;
            int level = (int) Math.round(Math.max(0, Math.min(1, t)) * (SHADES.length() - 1));
            s.append(SHADES.charAt(level));
        }
        return s.toString();
    }

    /** A number in three significant digits, as the charts label their ranges. */
    public static String number(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
