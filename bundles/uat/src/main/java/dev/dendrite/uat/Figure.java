package dev.dendrite.uat;

/** A picture of a fixed size in pixels that draws itself on any {@link Canvas}. */
interface Figure {

    int width();

    int height();

    void draw(Canvas canvas);
}
