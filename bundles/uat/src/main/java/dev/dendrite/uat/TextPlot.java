package dev.dendrite.uat;

import java.util.Arrays;
import java.util.Locale;

/**
 * Terminal pictures of a report's best fit. In 1-D a character chart of the target ({@code .})
 * and the fit ({@code *}, drawn over the target, so a good fit hides it); in 2-D the target and
 * the fit side by side as shaded maps, darker meaning higher.
 */
final class TextPlot {
    /** Chart width and height in characters. */
    static final int COLUMNS = 60;
    static final int ROWS = 15;
    private static final String SHADES = " .:-=+*#%@";

    private TextPlot() {
    }

    static String render(UatReport report) {
        return report.grid().dimensions() == 1 ? curves(report) : maps(report);
    }

    private static String curves(UatReport report) {
        Grid grid = report.grid();
        WidthResult best = report.best();
        double[] target = report.target();
        double[] fit = best.predictions();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < target.length; k++) {
            min = Math.min(min, Math.min(target[k], fit[k]));
            max = Math.max(max, Math.max(target[k], fit[k]));
        }
        char[][] chart = new char[ROWS][COLUMNS];
        for (char[] row : chart) {
            Arrays.fill(row, ' ');
        }
        for (int col = 0; col < COLUMNS; col++) {
            int k = (int) Math.round(col * (grid.size() - 1) / (double) (COLUMNS - 1));
            chart[row(target[k], min, max)][col] = '.';
            chart[row(fit[k], min, max)][col] = '*';
        }
        String top = number(max);
        String bottom = number(min);
        int margin = Math.max(top.length(), bottom.length());
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%" + margin + "s  . target %s   * best fit: width %d (rms %s)%n", "",
                report.settings().target().formula(), best.width(), number(best.rmsError())));
        for (int r = 0; r < ROWS; r++) {
            String label = r == 0 ? top : r == ROWS - 1 ? bottom : "";
            s.append(String.format(Locale.ROOT, "%" + margin + "s |", label)).append(chart[r]).append('\n');
        }
        String lo = number(grid.lo());
        String hi = number(grid.hi());
        s.append(" ".repeat(margin + 2)).append(lo).append(" ".repeat(Math.max(1, COLUMNS - lo.length() - hi.length())))
                .append(hi).append('\n');
        return s.toString();
    }

    private static int row(double v, double min, double max) {
        double t = max > min ? (max - v) / (max - min) : 0.5;
        return (int) Math.round(t * (ROWS - 1));
    }

    private static String maps(UatReport report) {
        Grid grid = report.grid();
        WidthResult best = report.best();
        double[] target = report.target();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : target) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int cols = COLUMNS / 2 - 2;
        StringBuilder s = new StringBuilder();
        String left = "target " + report.settings().target().formula();
        s.append(String.format(Locale.ROOT, " %-" + (cols + 2) + "s %s%n",
                left.length() > cols ? left.substring(0, cols) : left,
                "best fit: width " + best.width() + " (rms " + number(best.rmsError()) + ")"));
        for (int r = 0; r < ROWS; r++) {
            int gy = (int) Math.round((ROWS - 1 - r) * (grid.n() - 1) / (double) (ROWS - 1));
            s.append(" |");
            shadeRow(s, target, gy, grid.n(), cols, min, max);
            s.append("|  |");
            shadeRow(s, best.predictions(), gy, grid.n(), cols, min, max);
            s.append("|\n");
        }
        s.append(String.format(Locale.ROOT, " shades ' .:-=+*#%%@' from %s to %s; x to the right, y up%n", number(min), number(max)));
        return s.toString();
    }

    private static void shadeRow(StringBuilder s, double[] values, int gy, int n, int cols, double min, double max) {
        for (int c = 0; c < cols; c++) {
            int gx = (int) Math.round(c * (n - 1) / (double) (cols - 1));
            double t = max > min ? (values[gy * n + gx] - min) / (max - min) : 0.5;
            int level = (int) Math.round(Math.max(0, Math.min(1, t)) * (SHADES.length() - 1));
            s.append(SHADES.charAt(level));
        }
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
