package org.neurosweep.postprocess.plot;

import java.util.ArrayList;
import java.util.List;

/** A {@link Scale} on which equal ratios take equal room. */
final class LogScale implements Scale {
    private static final double[] ONE_TWO_FIVE = {1, 2, 5};
    private static final double EPSILON = 1e-9;

    private final double min;
    private final double max;

    LogScale(double min, double max) {
        if (!(min > 0) || !(max > 0) || Double.isInfinite(min) || Double.isInfinite(max) || min > max) {
            throw new IllegalArgumentException("a log scale needs finite 0 < min <= max, not " + min + " .. " + max);
        }
        double factor = min == max ? Math.sqrt(10) : 1;
        this.min = min / factor;
        this.max = max * factor;
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
        return true;
    }

    @Override
    public double fraction(double v) {
        return v > 0 ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) : Double.NaN;
    }

    @Override
    public double value(double fraction) {
        return Math.pow(10, Math.log10(min) + fraction * (Math.log10(max) - Math.log10(min)));
    }

    @Override
    public double[] ticks() {
        double[] decades = marks(min, max, new double[] {1});
        if (decades.length >= 3) {
            return decades;
        }
        double[] finer = marks(min, max, ONE_TWO_FIVE);
        return finer.length >= 2 ? finer : LinearScale.ticks(min, max);
    }

    /** Widened to the nearest 1, 2 or 5 × 10ᵏ outside (0.2 to 500 for 0.38 to 390): less empty room than decades. */
    @Override
    public Scale nice() {
        double[] around = marks(min / 10, max * 10, ONE_TWO_FIVE);
        double lo = min;
        double hi = max;
        for (double v : around) {
            if (v <= min * (1 + EPSILON)) {
                lo = v; // the last, so the largest, at or below min
            }
        }
        for (int i = around.length - 1; i >= 0; i--) {
            if (around[i] >= max * (1 - EPSILON)) {
                hi = around[i]; // the smallest at or above max
            }
        }
        return new LogScale(lo, hi);
    }

    /** The values m × 10ᵏ in [lo, hi] for the given multipliers m, ascending. */
    private static double[] marks(double lo, double hi, double[] multipliers) {
        List<Double> out = new ArrayList<>();
        for (int k = (int) Math.floor(Math.log10(lo)); k <= (int) Math.ceil(Math.log10(hi)); k++) {
            for (double m : multipliers) {
                // parse the decimal so that 10⁻³ is exactly the double 0.001 and labels come out clean
                double v = Double.parseDouble((int) m + "e" + k);
                if (v >= lo * (1 - EPSILON) && v <= hi * (1 + EPSILON)) {
                    out.add(v);
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public String toString() {
        return "log " + min + " .. " + max;
    }
}
