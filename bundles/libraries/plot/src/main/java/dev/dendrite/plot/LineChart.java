package dev.dendrite.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart of x–y series on linear or log axes, with a title, labelled ticks and a legend on the
 * right (as wide as the longest series name needs). Each series is drawn as one group ({@link Canvas#begin}) holding its line, its markers
 * and its error bars. Points whose x or y is not finite (or not positive on a log axis) are left
 * out and break the line there. Without an explicit range a linear axis covers the data with a
 * 5 % margin and a log axis covers whole decades.
 *
 * <p>Built fluently: {@code new LineChart("title", "x", "y").add(Series.line(…))}.
 */
public final class LineChart implements Figure {
    /** Ten distinguishable colours (the tab10 palette), in the order series usually take them. */
    public static final List<String> COLORS = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
            "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf");

    private static final int LEFT = 80;
    /** The narrowest legend column; it widens with the longest series name (about 7 pixels a character). */
    private static final int LEGEND = 150;
    private static final int MARKER = 4;

    /** How values map to pixels along an axis. */
    public enum Scale { LINEAR, LOG }

    /** How a series' points are joined. */
    public enum Stroke { SOLID, DASHED, NONE }

    /**
     * One plotted series.
     *
     * @param id      the group id in SVG (unique within the chart)
     * @param name    the legend text and the group's title
     * @param x       x values
     * @param y       y values, as many as x
     * @param color   {@code #rrggbb}
     * @param stroke  the line through the points: solid, dashed or none
     * @param markers whether each point gets a dot
     * @param low     lower ends of vertical error bars, or null for none
     * @param high    upper ends of vertical error bars, or null for none
     */
    public record Series(String id, String name, double[] x, double[] y, String color, Stroke stroke, boolean markers,
                         double[] low, double[] high) {

        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + id + ": " + x.length + " x values for " + y.length + " y values");
            }
            if ((low == null) != (high == null) || low != null && (low.length != x.length || high.length != x.length)) {
                throw new IllegalArgumentException("series " + id + ": error bars need a low and a high end for every point");
            }
        }

        /** A solid line without markers or bars. */
        public static Series line(String id, String name, double[] x, double[] y, String color) {
            return new Series(id, name, x, y, color, Stroke.SOLID, false, null, null);
        }

        /** The points as dots only, without a line (a scatter). */
        public static Series points(String id, String name, double[] x, double[] y, String color) {
            return new Series(id, name, x, y, color, Stroke.NONE, true, null, null);
        }

        public Series withDashes() {
            return new Series(id, name, x, y, color, Stroke.DASHED, markers, low, high);
        }

        public Series withMarkers() {
            return new Series(id, name, x, y, color, stroke, true, low, high);
        }

        /** With a vertical bar from low[i] to high[i] at each point (e.g. mean ± spread). */
        public Series withBars(double[] lowEnds, double[] highEnds) {
            return new Series(id, name, x, y, color, stroke, markers, lowEnds, highEnds);
        }
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private String subtitle;
    private int width = 660;
    private int height = 440;
    private Scale xScale = Scale.LINEAR;
    private Scale yScale = Scale.LINEAR;
    private double[] xRange;
    private List<Double> xTicks;

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** A smaller second line under the title. */
    public LineChart subtitle(String text) {
        subtitle = text;
        return this;
    }

    public LineChart size(int w, int h) {
        width = w;
        height = h;
        return this;
    }

    public LineChart xScale(Scale scale) {
        xScale = scale;
        return this;
    }

    public LineChart yScale(Scale scale) {
        yScale = scale;
        return this;
    }

    /** The x axis runs exactly from lo to hi instead of covering the data. */
    public LineChart xRange(double lo, double hi) {
        xRange = new double[] {lo, hi};
        return this;
    }

    /** Tick values of the x axis instead of the axis's own. */
    public LineChart xTicks(List<Double> ticks) {
        xTicks = List.copyOf(ticks);
        return this;
    }

    public LineChart add(Series s) {
        series.add(s);
        return this;
    }

    /** The series added so far. */
    public List<Series> series() {
        return List.copyOf(series);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public void draw(Canvas c) {
        int top = subtitle == null ? 60 : 76;
        int longest = series.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        int right = width - Math.max(LEGEND, 60 + 7 * longest);
        int bottom = height - 60;
        Axis x = axis(xScale, xRange, true, LEFT, right);
        Axis y = axis(yScale, null, false, bottom, top);
        c.text(LEFT, 24, title, Canvas.Anchor.START, 15, "#111111");
        if (subtitle != null) {
            c.text(LEFT, 44, subtitle, Canvas.Anchor.START, 12, "#555555");
        }
        Axis.drawFrame(c, x, y, xTicks, xLabel, yLabel);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            plot(c, x, y, s);
            legend(c, right, top + 14 + 20 * i, s);
        }
    }

    private Axis axis(Scale scale, double[] range, boolean horizontal, double from, double to) {
        boolean log = scale == Scale.LOG;
        if (range != null) {
            return new Axis(range[0], range[1], from, to, log);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (!drawable(s, i)) {
                    continue;
                }
                double[] values = horizontal ? new double[] {s.x()[i]}
                        : s.low() == null ? new double[] {s.y()[i]} : new double[] {s.y()[i], s.low()[i], s.high()[i]};
                for (double v : values) {
                    if (Double.isFinite(v) && (!log || v > 0)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        if (min > max) { // nothing to draw
            min = log ? 0.1 : 0;
            max = 1;
        }
        return log ? Axis.decades(min, max, from, to) : Axis.linear(min, max, from, to);
    }

    /** Whether point i can be placed: finite, and positive on log axes. */
    private boolean drawable(Series s, int i) {
        double px = s.x()[i];
        double py = s.y()[i];
        return Double.isFinite(px) && Double.isFinite(py) && (xScale != Scale.LOG || px > 0) && (yScale != Scale.LOG || py > 0);
    }

    private void plot(Canvas c, Axis x, Axis y, Series s) {
        c.begin(s.id(), s.name());
        List<double[]> run = new ArrayList<>();
        for (int i = 0; i <= s.x().length; i++) {
            if (i < s.x().length && drawable(s, i)) {
                run.add(new double[] {x.map(s.x()[i]), y.map(s.y()[i])});
            } else if (!run.isEmpty()) {
                if (s.stroke() != Stroke.NONE) {
                    polyline(c, run, s);
                }
                run.clear();
            }
        }
        for (int i = 0; i < s.x().length; i++) {
            if (!drawable(s, i)) {
                continue;
            }
            double px = x.map(s.x()[i]);
            if (s.low() != null && Double.isFinite(s.low()[i]) && Double.isFinite(s.high()[i])
                    && (yScale != Scale.LOG || s.low()[i] > 0)) {
                double lo = y.map(s.low()[i]);
                double hi = y.map(s.high()[i]);
                c.line(px, lo, px, hi, s.color(), 1.2);
                c.line(px - MARKER, lo, px + MARKER, lo, s.color(), 1.2);
                c.line(px - MARKER, hi, px + MARKER, hi, s.color(), 1.2);
            }
            if (s.markers()) {
                c.dot(px, y.map(s.y()[i]), MARKER, s.color());
            }
        }
        c.end();
    }

    private static void polyline(Canvas c, List<double[]> points, Series s) {
        double[] px = new double[points.size()];
        double[] py = new double[points.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = points.get(i)[0];
            py[i] = points.get(i)[1];
        }
        c.polyline(px, py, s.color(), 2, s.stroke() == Stroke.DASHED);
    }

    private static void legend(Canvas c, int right, double y, Series s) {
        if (s.stroke() != Stroke.NONE) {
            c.polyline(new double[] {right + 14, right + 44}, new double[] {y - 4, y - 4}, s.color(), 2, s.stroke() == Stroke.DASHED);
        }
        if (s.markers()) {
            c.dot(right + 29, y - 4, MARKER, s.color());
        }
        c.text(right + 52, y, s.name(), Canvas.Anchor.START, 12, "#222222");
    }
}
