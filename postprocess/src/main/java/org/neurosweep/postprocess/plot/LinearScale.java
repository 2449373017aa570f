package org.neurosweep.postprocess.plot;

/** A {@link Scale} on which equal differences take equal room. */
final class LinearScale implements Scale {
    private static final double[] MULTIPLIERS = {1, 2, 5};
    private static final double EPSILON = 1e-9;

    private final double min;
    private final double max;

    LinearScale(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("a linear scale needs finite min <= max, not " + min + " .. " + max);
        }
        double pad = min == max ? (min == 0 ? 1 : Math.abs(min) * 0.1) : 0;
        this.min = min - pad;
        this.max = max + pad;
    }

    @Override
    public double min() {
        return min;
    }

    @Override
    public double max() {
        return max;
    }

    @Override
    public boolean isLog() {
        return false;
    }

    @Override
    public double fraction(double v) {
        return (v - min) / (max - min);
    }

    @Override
    public double value(double fraction) {
        return min + fraction * (max - min);
    }

    @Override
    public double[] ticks() {
        return ticks(min, max);
    }

    @Override
    public Scale nice() {
        double step = step(min, max);
        return new LinearScale(Math.floor(min / step + EPSILON) * step, Math.ceil(max / step - EPSILON) * step);
    }

    /** The multiples of {@link #step} in [lo, hi]. */
    static double[] ticks(double lo, double hi) {
        double step = step(lo, hi);
        long first = (long) Math.ceil(lo / step - EPSILON);
        int n = count(lo, hi, step);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = (first + i) * step;
        }
        return out;
    }

    /** The step of 1, 2 or 5 × 10ᵏ giving 4 to 7 ticks, or when none does, the count nearest 5. */
    static double step(double lo, double hi) {
        double base = Math.pow(10, Math.floor(Math.log10(hi - lo)) - 2);
        double best = Double.NaN;
        int bestDistance = Integer.MAX_VALUE;
        for (int k = 0; k < 5; k++) {
            for (double m : MULTIPLIERS) {
                double step = m * base * Math.pow(10, k);
                int n = count(lo, hi, step);
                if (n >= 4 && n <= 7) {
                    return step;
                }
                if (Math.abs(n - 5) < bestDistance) {
                    bestDistance = Math.abs(n - 5);
                    best = step;
                }
            }
        }
        return best;
    }

    private static int count(double lo, double hi, double step) {
        return (int) (Math.floor(hi / step + EPSILON) - Math.ceil(lo / step - EPSILON) + 1);
    }

    @Override
    public String toString() {
        return "linear " + min + " .. " + max;
    }
}
