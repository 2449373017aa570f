package org.neurosweep.postprocess.plot;

/** What a chart draws at the right of its plot box, in a slot as tall as the box: a colour bar or a legend. */
interface Sidebar {
    /** The width the sidebar needs beside a plot box {@code boxHeight} tall, in a panel of {@code area}. */
    double width(Rect area, double boxHeight);

    /** Draws the sidebar in {@code slot}: right of the plot box, as tall as it, {@link #width} wide. */
    void draw(Canvas canvas, Rect slot);
}
