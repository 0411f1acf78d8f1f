package dev.dendrite.uat;

import dev.dendrite.plot.Canvas;
import dev.dendrite.plot.Figure;
import java.util.List;
import java.util.Locale;

/**
 * A function of two variables: a row of heat-map panels, the target first, then the fits of a
 * few widths, all on the target's colour scale (blue = low, white = middle, red = high; fits
 * beyond the scale are clipped to its ends), with a colour bar.
 */
final class HeatmapFigure implements Figure {
    private static final int PANEL = 200;
    private static final int GAP = 24;
    private static final int LEFT = 24;
    private static final int TOP = 80;
    /** Cells per panel side: the 100 × 100 grid drawn at 40 × 40 keeps the SVG small. */
    private static final int CELLS = 40;
    private static final int MAX_FITS = 4;

    private final UatReport report;

    HeatmapFigure(UatReport report) {
        this.report = report;
    }

    @Override
    public int width() {
        return LEFT + (1 + fits().size()) * (PANEL + GAP) + 90;
    }

    @Override
    public int height() {
        return TOP + PANEL + 50;
    }

    private List<WidthResult> fits() {
        return report.spread(MAX_FITS);
    }

    @Override
    public void draw(Canvas c) {
        Target target = report.settings().target();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : report.target()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        c.text(LEFT, 26, "Universal approximation: " + target.describe(), Canvas.Anchor.START, 16, "#111111");
        c.text(LEFT, 44, "one hidden layer of n[1] " + report.settings().training().activation()
                + " units, linear output; x to the right, y up", Canvas.Anchor.START, 12, "#555555");
        double left = LEFT;
        panel(c, left, "target", "target " + target.formula(), report.target(), min, max);
        for (WidthResult fit : fits()) {
            left += PANEL + GAP;
            panel(c, left, "width-" + fit.width(),
                    String.format(Locale.ROOT, "width %d  rms %.2g", fit.width(), fit.rmsError()), fit.predictions(), min, max);
        }
        colorBar(c, left + PANEL + GAP, min, max);
    }

    private void panel(Canvas c, double left, String id, String title, double[] values, double min, double max) {
        Grid grid = report.grid();
        int n = grid.n();
        double cell = (double) PANEL / CELLS;
        c.text(left + PANEL / 2.0, TOP - 10, title, Canvas.Anchor.MIDDLE, 13, "#222222");
        c.begin(id, title);
        for (int row = 0; row < CELLS; row++) {
            int gy = (int) Math.round((CELLS - 1 - row) * (n - 1) / (double) (CELLS - 1));
            for (int col = 0; col < CELLS; col++) {
                int gx = (int) Math.round(col * (n - 1) / (double) (CELLS - 1));
                c.rect(left + col * cell, TOP + row * cell, cell + 0.3, cell + 0.3, color(values[gy * n + gx], min, max), null);
            }
        }
        c.end();
        c.rect(left, TOP, PANEL, PANEL, null, "#444444");
        c.text(left, TOP + PANEL + 16, label(grid.lo()), Canvas.Anchor.START, 11, "#333333");
        c.text(left + PANEL, TOP + PANEL + 16, label(grid.hi()), Canvas.Anchor.END, 11, "#333333");
    }

    private void colorBar(Canvas c, double left, double min, double max) {
        int steps = 50;
        double h = (double) PANEL / steps;
        for (int i = 0; i < steps; i++) {
            double v = max - (i + 0.5) * (max - min) / steps;
            c.rect(left, TOP + i * h, 18, h + 0.3, color(v, min, max), null);
        }
        c.rect(left, TOP, 18, PANEL, null, "#444444");
        c.text(left + 24, TOP + 10, label(max), Canvas.Anchor.START, 11, "#333333");
        c.text(left + 24, TOP + PANEL, label(min), Canvas.Anchor.START, 11, "#333333");
    }

    private static String label(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** The diverging blue–white–red colour of v on [min, max], clipped to the ends. */
    static String color(double v, double min, double max) {
        double t = max > min ? (v - min) / (max - min) : 0.5;
        t = Math.max(0, Math.min(1, t));
        int[] low = {59, 76, 192};
        int[] mid = {242, 242, 242};
        int[] high = {180, 4, 38};
        int[] a = t < 0.5 ? low : mid;
        int[] b = t < 0.5 ? mid : high;
        double u = t < 0.5 ? t * 2 : t * 2 - 1;
        return String.format(Locale.ROOT, "#%02x%02x%02x", mix(a[0], b[0], u), mix(a[1], b[1], u), mix(a[2], b[2], u));
    }

    private static int mix(int a, int b, double u) {
        return (int) Math.round(a + (b - a) * u);
    }
}
