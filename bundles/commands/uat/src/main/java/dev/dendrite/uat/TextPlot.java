package dev.dendrite.uat;

import dev.dendrite.plot.TextChart;
import java.util.List;
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

    private TextPlot() {
    }

    static String render(UatReport report) {
        return report.grid().dimensions() == 1 ? curves(report) : maps(report);
    }

    private static String curves(UatReport report) {
        WidthResult best = report.best();
        String header = String.format(Locale.ROOT, ". target %s   * best fit: width %d (rms %s)",
                report.settings().target().formula(), best.width(), TextChart.number(best.rmsError()));
        return TextChart.curves(List.of(new TextChart.Curve('.', report.target()), new TextChart.Curve('*', best.predictions())),
                COLUMNS, ROWS, header, TextChart.number(report.grid().lo()), TextChart.number(report.grid().hi()));
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
                "best fit: width " + best.width() + " (rms " + TextChart.number(best.rmsError()) + ")"));
        for (int r = 0; r < ROWS; r++) {
            int gy = (int) Math.round((ROWS - 1 - r) * (grid.n() - 1) / (double) (ROWS - 1));
            s.append(" |").append(TextChart.shadeRow(target, grid.n(), gy, cols, min, max))
                    .append("|  |").append(TextChart.shadeRow(best.predictions(), grid.n(), gy, cols, min, max)).append("|\n");
        }
        s.append(" shades '").append(TextChart.SHADES).append("' from ").append(TextChart.number(min)).append(" to ")
                .append(TextChart.number(max)).append("; x to the right, y up\n");
        return s.toString();
    }
}
