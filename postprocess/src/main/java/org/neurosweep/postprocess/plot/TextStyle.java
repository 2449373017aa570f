package org.neurosweep.postprocess.plot;

import java.awt.Color;
import java.util.Objects;

/**
 * How a piece of text is drawn. The text's position is a point on its baseline: where the text starts,
 * its middle or where it ends ({@link Anchor}). Vertical text is turned by −90°, reading from bottom to
 * top (y-axis titles); its baseline then runs upwards through the point.
 *
 * @param size     font size in CSS pixels, positive
 * @param bold     bold rather than regular
 * @param anchor   which point of the text the position names
 * @param vertical turned by −90°
 * @param colour   colour
 */
public record TextStyle(double size, boolean bold, Anchor anchor, boolean vertical, Color colour) {
    /** Which point of the text its position names, along its baseline. */
    public enum Anchor {
        START, MIDDLE, END
    }

    /** @throws IllegalArgumentException if the size is not a positive number */
    public TextStyle {
        if (!(size > 0) || Double.isInfinite(size)) {
            throw new IllegalArgumentException("a font size must be a positive number of pixels, not " + size);
        }
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(colour, "colour");
    }

    /** Regular black horizontal text of the given size, starting at its position. */
    public static TextStyle of(double size) {
        return new TextStyle(size, false, Anchor.START, false, Color.BLACK);
    }

    public TextStyle asBold() {
        return new TextStyle(size, true, anchor, vertical, colour);
    }

    public TextStyle withAnchor(Anchor a) {
        return new TextStyle(size, bold, a, vertical, colour);
    }

    public TextStyle middle() {
        return withAnchor(Anchor.MIDDLE);
    }

    public TextStyle end() {
        return withAnchor(Anchor.END);
    }

    public TextStyle asVertical() {
        return new TextStyle(size, bold, anchor, true, colour);
    }

    public TextStyle withColour(Color c) {
        return new TextStyle(size, bold, anchor, vertical, c);
    }

    public TextStyle withSize(double s) {
        return new TextStyle(s, bold, anchor, vertical, colour);
    }

    /** Where {@code text} drawn at (x, y) in this style lands, measured with {@link TextMetrics}. */
    public Rect box(String text, double x, double y) {
        double length = TextMetrics.width(text, size, bold);
        double shift = switch (anchor) {
            case START -> 0;
            case MIDDLE -> length / 2;
            case END -> length;
        };
        double ascent = TextMetrics.ascent(size);
        double descent = TextMetrics.descent(size);
        return vertical ? new Rect(x - ascent, y - length + shift, ascent + descent, length)
                : new Rect(x - shift, y - ascent, length, ascent + descent);
    }
}
