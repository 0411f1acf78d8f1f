package dev.dendrite.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One plot axis: maps data values in [lo, hi] linearly, or linearly in log10 for a log axis, to
 * pixels in [from, to], and chooses its tick values.
 *
 * @param lo   data value at {@code from}
 * @param hi   data value at {@code to}
 * @param from pixel of {@code lo}
 * @param to   pixel of {@code hi}
 * @param log  whether the axis is logarithmic (then lo &gt; 0)
 */
public record Axis(double lo, double hi, double from, double to, boolean log) {

    /** A linear axis covering [min, max] padded by 5 % on both sides. */
    public static Axis linear(double min, double max, double from, double to) {
        double pad = max > min ? 0.05 * (max - min) : 0.5;
        return new Axis(min - pad, max + pad, from, to, false);
    }

    /** A log axis from the decade at or below min to the decade at or above max. */
    public static Axis decades(double min, double max, double from, double to) {
        double lo = Math.pow(10, Math.floor(Math.log10(min)));
        double hi = Math.pow(10, Math.ceil(Math.log10(max)));
        return new Axis(lo, hi > lo ? hi : lo * 10, from, to, true);
    }

    /** The pixel of data value v. */
    public double map(double v) {
        double t = log ? (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : (v - lo) / (hi - lo);
        return from + t * (to - from);
    }

    /** Ticks: every power of ten on a log axis; about five 1-2-5 multiples on a linear one. */
    public List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (long k = Math.round(Math.log10(lo)); k <= Math.round(Math.log10(hi)); k++) {
                ticks.add(Math.pow(10, k));
            }
            return ticks;
        }
        double raw = (hi - lo) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / magnitude < 1.5 ? magnitude : raw / magnitude < 3.5 ? 2 * magnitude : raw / magnitude < 7.5 ? 5 * magnitude : 10 * magnitude;
        for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) {
            ticks.add(Math.abs(v) < 1e-9 * step ? 0 : v);
        }
        return ticks;
    }

    /**
     * A tick label: on a log axis whole numbers from 1 up plainly and others as {@code 1e-3};
     * otherwise the shortest plain form.
     */
    public String label(double v) {
        if (log) {
            return v >= 1 && v < 1e5 && v == Math.rint(v) ? Long.toString((long) v) : "1e" + Math.round(Math.log10(v));
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /**
     * Draws the frame of the plot area spanned by the two axes, light grid lines and labelled
     * ticks. {@code xTicks} overrides the x axis's own ticks when not null.
     */
    public static void drawFrame(Canvas c, Axis x, Axis y, List<Double> xTicks, String xLabel, String yLabel) {
        double left = Math.min(x.from, x.to);
        double right = Math.max(x.from, x.to);
        double top = Math.min(y.from, y.to);
        double bottom = Math.max(y.from, y.to);
        for (double t : xTicks == null ? x.ticks() : xTicks) {
            double px = x.map(t);
            c.line(px, top, px, bottom, "#e6e6e6", 1);
            c.line(px, bottom, px, bottom + 5, "#444444", 1);
            c.text(px, bottom + 19, x.label(t), Canvas.Anchor.MIDDLE, 12, "#333333");
        }
        for (double t : y.ticks()) {
            double py = y.map(t);
            c.line(left, py, right, py, "#e6e6e6", 1);
            c.line(left - 5, py, left, py, "#444444", 1);
            c.text(left - 8, py + 4, y.label(t), Canvas.Anchor.END, 12, "#333333");
        }
        c.rect(left, top, right - left, bottom - top, null, "#444444");
        c.text((left + right) / 2, bottom + 38, xLabel, Canvas.Anchor.MIDDLE, 13, "#222222");
        c.text(left, top - 8, yLabel, Canvas.Anchor.START, 13, "#222222");
    }
}
