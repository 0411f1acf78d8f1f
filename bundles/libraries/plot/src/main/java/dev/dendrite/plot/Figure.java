package dev.dendrite.plot;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/** A picture of a fixed size in pixels that draws itself on any {@link Canvas}. */
@ConsumerType
public interface Figure {

    int width();

    int height();

    void draw(Canvas canvas);

    /** The figures side by side, left to right, top-aligned: one figure as wide as all of them. */
    static Figure row(List<? extends Figure> figures) {
        if (figures.isEmpty()) {
            throw new IllegalArgumentException("a row needs at least one figure");
        }
        return new Row(List.copyOf(figures));
    }
}
