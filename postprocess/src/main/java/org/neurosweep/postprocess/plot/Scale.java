package org.neurosweep.postprocess.plot;

/**
 * Maps data values to [0, 1] (0 at {@link #min()}, 1 at {@link #max()}), and names nice tick values.
 * A scale made from a constant range (min equal to max) is widened around it, so it still maps and ticks.
 */
public sealed interface Scale permits LinearScale, LogScale {
    /** {@link #choose} picks a log scale when the largest value is at least this many times the smallest. */
    double LOG_RATIO = 50;

    /**
     * A linear scale from {@code min} to {@code max}; when they are equal, widened by 10% of the value
     * each way (by 1 when it is 0).
     *
     * @throws IllegalArgumentException if a bound is not finite or {@code min > max}
     */
    static Scale linear(double min, double max) {
        return new LinearScale(min, max);
    }

    /**
     * A logarithmic scale from {@code min} to {@code max}; when they are equal, widened by a factor √10
     * each way.
     *
     * @throws IllegalArgumentException if a bound is not finite and positive, or {@code min > max}
     */
    static Scale log(double min, double max) {
        return new LogScale(min, max);
    }

    /**
     * The scale that shows {@code values} best. NaN and infinite values are ignored. The rule: a log scale
     * from the smallest to the largest value when every (finite) value is above 0 and the largest is at
     * least {@value #LOG_RATIO} times the smallest, since a linear scale would then squeeze the small
     * values together at the bottom; otherwise a linear scale from the smallest to the largest. With no
     * finite value at all, linear from 0 to 1.
     */
    static Scale choose(double... values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return linear(0, 1);
        }
        return min > 0 && max / min >= LOG_RATIO ? log(min, max) : linear(min, max);
    }

    /** The value at fraction 0. */
    double min();

    /** The value at fraction 1. */
    double max();

    /** Whether this is a logarithmic scale. */
    boolean isLog();

    /** Where {@code v} falls: 0 at {@link #min()}, 1 at {@link #max()}, beyond outside; NaN if it has no place. */
    double fraction(double v);

    /** The value at a fraction: the inverse of {@link #fraction}. */
    double value(double fraction);

    /**
     * Nice values inside [min, max], ascending. Linear: multiples of a step of 1, 2 or 5 × 10ᵏ, the finest
     * that gives at most 7 ticks (usually 4 to 7). Log: the powers of ten; with fewer than 3 of those, also
     * 2 and 5 times them; with fewer than 2 even so, linear ticks.
     */
    double[] ticks();

    /** This scale widened to the nearest tick-like values outside it (0 to 10 rather than 0.3 to 9.7). */
    Scale nice();
}
