package dev.dendrite.plot;

import java.util.Locale;

/** Writes the drawing as a standalone SVG 1.1 document, by hand (no library). */
public final class SvgCanvas implements Canvas {
    private final StringBuilder svg = new StringBuilder();

    public SvgCanvas(int width, int height) {
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append(String.format(Locale.ROOT,
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                                + " font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n",
                        width, height, width, height))
                .append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", width, height));
    }

    @Override
    public void begin(String id, String title) {
        svg.append("<g id=\"").append(escape(id)).append("\" class=\"series\"><title>").append(escape(title)).append("</title>\n");
    }

    @Override
    public void end() {
        svg.append("</g>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, String color, double width, boolean dashed) {
        svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"").append(num(width))
                .append('"').append(dashed ? " stroke-dasharray=\"6 4\"" : "").append(" points=\"");
        for (int i = 0; i < xs.length; i++) {
            svg.append(i == 0 ? "" : " ").append(num(xs[i])).append(',').append(num(ys[i]));
        }
        svg.append("\"/>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width) {
        svg.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(color).append("\" stroke-width=\"")
                .append(num(width)).append("\"/>\n");
    }

    @Override
    public void rect(double x, double y, double w, double h, String fill, String stroke) {
        svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" fill=\"").append(fill == null ? "none" : fill).append('"');
        if (stroke != null) {
            svg.append(" stroke=\"").append(stroke).append('"');
        }
        svg.append("/>\n");
    }

    @Override
    public void dot(double x, double y, double radius, String color) {
        svg.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y)).append("\" r=\"").append(num(radius))
                .append("\" fill=\"").append(color).append("\"/>\n");
    }

    @Override
    public void text(double x, double y, String text, Anchor anchor, double size, String color) {
        svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"").append(num(size))
                .append("\" fill=\"").append(color).append("\" text-anchor=\"").append(anchor.name().toLowerCase(Locale.ROOT))
                .append("\">").append(escape(text)).append("</text>\n");
    }

    /** The finished document. */
    public String document() {
        return svg + "</svg>\n";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
