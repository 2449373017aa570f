package org.neurosweep.postprocess.plot;

import java.awt.Color;
import java.util.List;

/**
 * Drawing primitives in CSS pixels (origin top left, y down), the same for every output format. A canvas
 * also records what it drew: the box of every text ({@link #texts()}) and the extent of all its ink
 * ({@link #inkBounds()}), so that a layout can be checked.
 */
public interface Canvas {
    /** Width in CSS pixels. */
    double width();

    /** Height in CSS pixels. */
    double height();

    /** A rectangle, filled and/or outlined; either may be {@code null}. */
    void rect(Rect r, Color fill, Pen stroke);

    /** A straight line. */
    void line(double x1, double y1, double x2, double y2, Pen pen);

    /** A line through the points in order; a NaN coordinate breaks it into pieces. */
    void polyline(double[] xs, double[] ys, Pen pen);

    /** A circle, filled and/or outlined; either may be {@code null}. */
    void circle(double cx, double cy, double radius, Color fill, Pen stroke);

    /**
     * Many small marks of one colour: a filled {@code markWidth} × {@code markHeight} rectangle centred on
     * each point (xs[i], ys[i]); points with a NaN coordinate are skipped. Meant for rasters of tens of
     * thousands of spikes: formats draw them as cheaply as they can (SVG: one path).
     */
    void marks(double[] xs, double[] ys, double markWidth, double markHeight, Color colour);

    /** {@code text} on one line at (x, y), a point on its baseline (see {@link TextStyle}). */
    void text(double x, double y, String text, TextStyle style);

    /** Runs {@code drawing}, keeping what it draws inside {@code area} (and any enclosing clip). */
    void clip(Rect area, Runnable drawing);

    /** Every text drawn so far, in order, with the box it covers. */
    List<TextBox> texts();

    /** The smallest rectangle holding everything drawn so far (after clipping); {@code null} before any. */
    Rect inkBounds();
}
