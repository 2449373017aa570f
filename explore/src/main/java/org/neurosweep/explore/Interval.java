package org.neurosweep.explore;

/**
 * A half-open range {@code [low, high)} of one parameter, for random and Latin-hypercube samples.
 *
 * @param name the parameter's name
 * @param low  the lowest value, finite
 * @param high the bound above every value, finite and greater than {@code low}
 */
public record Interval(String name, double low, double high) {
    public Interval {
        Sweep.checkName(name);
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
            throw new SweepException("interval of '" + name + "' is [" + low + ", " + high
                    + "): both ends must be finite and low < high");
        }
    }

    public static Interval of(String name, double low, double high) {
        return new Interval(name, low, high);
    }

    double at(double unit) {
        return low + (high - low) * unit;
    }
}
