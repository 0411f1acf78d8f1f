package dev.dendrite.uat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Max and RMS error on the test grid against the hidden width n[1], on log–log axes. */
final class ErrorFigure implements Figure {
    private static final int LEFT = 80;
    private static final int RIGHT = 520;
    private static final int TOP = 60;
    private static final int BOTTOM = 380;
    /** Errors below this are drawn at it: log axes cannot show 0. */
    private static final double FLOOR = 1e-12;

    private final UatReport report;

    ErrorFigure(UatReport report) {
        this.report = report;
    }

    @Override
    public int width() {
        return 660;
    }

    @Override
    public int height() {
        return 440;
    }

    @Override
    public void draw(Canvas c) {
        List<WidthResult> results = report.results();
        double minError = Double.POSITIVE_INFINITY;
        double maxError = 0;
        int minWidth = Integer.MAX_VALUE;
        int maxWidth = 0;
        List<Double> widthTicks = new ArrayList<>();
        for (WidthResult r : results) {
            minError = Math.min(minError, Math.max(FLOOR, r.rmsError()));
            maxError = Math.max(maxError, Math.max(FLOOR, r.maxError()));
            minWidth = Math.min(minWidth, r.width());
            maxWidth = Math.max(maxWidth, r.width());
            widthTicks.add((double) r.width());
        }
        Axis x = new Axis(minWidth / 1.5, maxWidth * 1.5, LEFT, RIGHT, true);
        Axis y = Axis.decades(minError, maxError, BOTTOM, TOP);
        c.text(LEFT, 24, "Error against hidden width: " + report.settings().target().describe(),
                Canvas.Anchor.START, 15, "#111111");
        Axis.drawFrame(c, x, y, widthTicks, "hidden units n[1] (log scale)", "error on the test grid (log scale)");
        series(c, x, y, "max-error", "max error", "#d62728", WidthResult::maxError, 0);
        series(c, x, y, "rms-error", "RMS error", "#1f77b4", WidthResult::rmsError, 1);
    }

    private void series(Canvas c, Axis x, Axis y, String id, String name, String color,
                        ToDoubleFunction<WidthResult> error, int index) {
        List<WidthResult> results = report.results().stream().sorted(Comparator.comparingInt(WidthResult::width)).toList();
        double[] px = new double[results.size()];
        double[] py = new double[results.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = x.map(results.get(i).width());
            py[i] = y.map(Math.max(FLOOR, error.applyAsDouble(results.get(i))));
        }
        c.begin(id, name);
        c.polyline(px, py, color, 2, false);
        for (int i = 0; i < px.length; i++) {
            c.dot(px[i], py[i], 4, color);
        }
        c.end();
        double ly = TOP + 14 + 20 * index;
        c.line(RIGHT + 14, ly - 4, RIGHT + 44, ly - 4, color, 2);
        c.dot(RIGHT + 29, ly - 4, 4, color);
        c.text(RIGHT + 52, ly, name, Canvas.Anchor.START, 12, "#222222");
    }
}
