package org.neurosweep.postprocess.plot;

import java.awt.Color;
import java.util.Objects;

/**
 * How a line is stroked.
 *
 * @param colour colour, with its alpha
 * @param width  width in CSS pixels, positive
 * @param dashed dashed (4 on, 3 off) rather than solid
 */
public record Pen(Color colour, double width, boolean dashed) {
    /** @throws IllegalArgumentException if the width is not a positive number */
    public Pen {
        Objects.requireNonNull(colour, "colour");
        if (!(width > 0) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("a pen's width must be a positive number of pixels, not " + width);
        }
    }

    /** A solid pen. */
    public static Pen of(Color colour, double width) {
        return new Pen(colour, width, false);
    }

    /** The same pen, dashed. */
    public Pen asDashed() {
        return new Pen(colour, width, true);
    }
}
