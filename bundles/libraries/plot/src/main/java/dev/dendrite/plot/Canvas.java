package dev.dendrite.plot;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A minimal drawing surface, so one piece of plotting code renders both SVG and PNG.
 * Coordinates are pixels from the top-left corner; colours are {@code #rrggbb}.
 */
@ProviderType
public interface Canvas {

    /** How text is anchored at its x coordinate. */
    enum Anchor { START, MIDDLE, END }

    /** Starts a named group of shapes (one plotted series); groups do not nest. */
    void begin(String id, String title);

    /** Ends the current group. */
    void end();

    /** A connected line through the points (xs[i], ys[i]). */
    void polyline(double[] xs, double[] ys, String color, double width, boolean dashed);

    /** A straight segment. */
    void line(double x1, double y1, double x2, double y2, String color, double width);

    /** A rectangle; {@code fill} or {@code stroke} may be null for none. */
    void rect(double x, double y, double w, double h, String fill, String stroke);

    /** A filled circle (a marker). */
    void dot(double x, double y, double radius, String color);

    /** One line of text with its baseline at y. */
    void text(double x, double y, String text, Anchor anchor, double size, String color);
}
