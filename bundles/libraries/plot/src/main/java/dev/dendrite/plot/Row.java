package dev.dendrite.plot;

import java.util.List;

/** Figures side by side: each one draws on the shared canvas shifted right by the widths before it. */
final class Row implements Figure {
    private final List<Figure> figures;

    Row(List<Figure> figures) {
        this.figures = figures;
    }

    @Override
    public int width() {
        return figures.stream().mapToInt(Figure::width).sum();
    }

    @Override
    public int height() {
        return figures.stream().mapToInt(Figure::height).max().orElse(0);
    }

    @Override
    public void draw(Canvas canvas) {
        double left = 0;
        for (Figure f : figures) {
            f.draw(new Shifted(canvas, left));
            left += f.width();
        }
    }

    /** A canvas that adds {@code dx} to every x coordinate. */
    private record Shifted(Canvas canvas, double dx) implements Canvas {

        @Override
        public void begin(String id, String title) {
            canvas.begin(id, title);
        }

        @Override
        public void end() {
            canvas.end();
        }

        @Override
        public void polyline(double[] xs, double[] ys, String color, double width, boolean dashed) {
            double[] shifted = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                shifted[i] = xs[i] + dx;
            }
            canvas.polyline(shifted, ys, color, width, dashed);
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, String color, double width) {
            canvas.line(x1 + dx, y1, x2 + dx, y2, color, width);
        }

        @Override
        public void rect(double x, double y, double w, double h, String fill, String stroke) {
            canvas.rect(x + dx, y, w, h, fill, stroke);
        }

        @Override
        public void dot(double x, double y, double radius, String color) {
            canvas.dot(x + dx, y, radius, color);
        }

        @Override
        public void text(double x, double y, String text, Anchor anchor, double size, String color) {
            canvas.text(x + dx, y, text, anchor, size, color);
        }
    }
}
