package org.neurosweep.postprocess.plot;

/**
 * An axis-aligned rectangle in CSS pixels, y growing downwards.
 *
 * @param x      left edge
 * @param y      top edge
 * @param width  width, not negative
 * @param height height, not negative
 */
public record Rect(double x, double y, double width, double height) {
    /** @throws IllegalArgumentException if a value is not finite or a size is negative */
    public Rect {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("a rectangle needs finite values, not " + x + ", " + y + ", " + width
                    + ", " + height);
        }
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("a rectangle's size must not be negative: " + width + " x " + height);
        }
    }

    /** The rectangle between two corners, in either order. */
    public static Rect between(double x1, double y1, double x2, double y2) {
        return new Rect(Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1));
    }

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    /** Whether the two overlap by more than {@code tolerance} pixels in both directions. */
    public boolean overlaps(Rect other, double tolerance) {
        return Math.min(right(), other.right()) - Math.max(x, other.x) > tolerance
                && Math.min(bottom(), other.bottom()) - Math.max(y, other.y) > tolerance;
    }

    /** Whether this lies inside {@code outer}, allowing {@code tolerance} pixels beyond each edge. */
    public boolean within(Rect outer, double tolerance) {
        return x >= outer.x - tolerance && y >= outer.y - tolerance && right() <= outer.right() + tolerance
                && bottom() <= outer.bottom() + tolerance;
    }

    /** The smallest rectangle holding both. */
    public Rect union(Rect other) {
        return between(Math.min(x, other.x), Math.min(y, other.y), Math.max(right(), other.right()),
                Math.max(bottom(), other.bottom()));
    }

    /** The common part, or {@code null} when there is none. */
    public Rect intersection(Rect other) {
        double left = Math.max(x, other.x);
        double top = Math.max(y, other.y);
        double r = Math.min(right(), other.right());
        double b = Math.min(bottom(), other.bottom());
        return r < left || b < top ? null : new Rect(left, top, r - left, b - top);
    }

    /** This rectangle grown by {@code d} pixels on every side (shrunk when negative, down to nothing). */
    public Rect grow(double d) {
        double w = Math.max(0, width + 2 * d);
        double h = Math.max(0, height + 2 * d);
        return new Rect(centerX() - w / 2, centerY() - h / 2, w, h);
    }

    /** This rectangle less the given margins, never smaller than nothing. */
    public Rect inset(double top, double right, double bottom, double left) {
        return new Rect(x + left, y + top, Math.max(0, width - left - right), Math.max(0, height - top - bottom));
    }
}
