package dev.dendrite.uat;

import dev.dendrite.plot.Axis;
import dev.dendrite.plot.Canvas;
import dev.dendrite.plot.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A function of one variable: the target as a wide grey band and the fits of a few widths as
 * coloured curves on top, with a legend giving each width's RMS error.
 */
final class FitFigure implements Figure {
    /** Colours for up to four fits, narrow to wide. */
    private static final String[] PALETTE = {"#d62728", "#ff7f0e", "#2ca02c", "#1f77b4"};
    private static final int LEFT = 70;
    private static final int RIGHT = 620;
    private static final int TOP = 72;
    private static final int BOTTOM = 436;

    private final UatReport report;

    FitFigure(UatReport report) {
        this.report = report;
    }

    @Override
    public int width() {
        return 860;
    }

    @Override
    public int height() {
        return 496;
    }

    @Override
    public void draw(Canvas c) {
        Grid grid = report.grid();
        List<WidthResult> fits = report.spread(PALETTE.length);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] values : allValues(fits)) {
            for (double v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        Axis x = new Axis(grid.lo(), grid.hi(), LEFT, RIGHT, false);
        Axis y = Axis.linear(min, max, BOTTOM, TOP);
        Target target = report.settings().target();
        c.text(LEFT, 24, "Universal approximation: " + target.describe(), Canvas.Anchor.START, 16, "#111111");
        c.text(LEFT, 42, "one hidden layer of n[1] " + report.settings().training().activation() + " units, linear output",
                Canvas.Anchor.START, 12, "#555555");
        Axis.drawFrame(c, x, y, null, "x", "f(x)");

        double[] px = new double[grid.size()];
        for (int k = 0; k < px.length; k++) {
            px[k] = x.map(grid.x(k));
        }
        double legendY = TOP + 10;
        c.begin("target", "target " + target.formula());
        c.polyline(px, pixels(y, report.target()), "#bbbbbb", 6, false);
        c.end();
        legend(c, legendY, "#bbbbbb", 6, "target");
        for (int i = 0; i < fits.size(); i++) {
            WidthResult fit = fits.get(i);
            c.begin("width-" + fit.width(), "width " + fit.width());
            c.polyline(px, pixels(y, fit.predictions()), PALETTE[i], 1.8, false);
            c.end();
            legend(c, legendY + 22 * (i + 1), PALETTE[i], 2, String.format(Locale.ROOT, "width %d  rms %.2g", fit.width(), fit.rmsError()));
        }
    }

    private List<double[]> allValues(List<WidthResult> fits) {
        List<double[]> all = new ArrayList<>();
        all.add(report.target());
        fits.forEach(f -> all.add(f.predictions()));
        return all;
    }

    private static double[] pixels(Axis y, double[] values) {
        double[] py = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            py[k] = y.map(values[k]);
        }
        return py;
    }

    private static void legend(Canvas c, double y, String color, double width, String text) {
        c.line(RIGHT + 20, y - 4, RIGHT + 50, y - 4, color, width);
        c.text(RIGHT + 58, y, text, Canvas.Anchor.START, 12, "#222222");
    }
}
