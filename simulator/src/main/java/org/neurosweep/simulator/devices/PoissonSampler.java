package org.neurosweep.simulator.devices;

import org.neurosweep.simulator.BadParameterException;

/**
 * Poisson counts with mean lambda per step, drawn from one 64-bit random number: a 1,024-entry table (it
 * stays in the L1 cache) answers from the top 10 bits when the whole bucket falls on one count (about 99
 * times in 100), otherwise the exact inverse CDF is walked from the bucket's lowest count with the full
 * 53-bit uniform. Exact, and about one table read per draw.
 */
final class PoissonSampler {
    private static final int BITS = 10;

    private final double[] cdf;
    private final int[] table;

    PoissonSampler(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new BadParameterException("poisson mean per step " + lambda + " must be finite and not negative");
        }
        int kMax = (int) Math.ceil(lambda + 40 * Math.sqrt(lambda) + 40);
        cdf = new double[kMax + 1];
        double p = Math.exp(-lambda);
        double sum = 0;
        for (int k = 0; k <= kMax; k++) {
            sum += p;
            cdf[k] = Math.min(sum, 1.0);
            p *= lambda / (k + 1);
        }
        cdf[kMax] = 1.0;
        table = new int[1 << BITS];
        int k = 0;
        for (int b = 0; b < table.length; b++) {
            double low = (double) b / table.length;
            double high = (double) (b + 1) / table.length;
            while (cdf[k] <= low) {
                k++;
            }
            table[b] = cdf[k] >= high ? k : -(k + 1); // -(k+1): walk from k
        }
    }

    /** A count for the random bits r. */
    int sample(long r) {
        int t = table[(int) (r >>> (64 - BITS))];
        if (t >= 0) {
            return t;
        }
        double u = (r >>> 11) * 0x1.0p-53;
        int k = -t - 1;
        while (u >= cdf[k]) {
            k++;
        }
        return k;
    }
}
