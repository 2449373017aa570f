package org.neurosweep.simulator;

/**
 * A random stream keyed by (seed, purpose, key): SplitMix64, one long of state. Public because
 * {@link Distribution#draw} takes one and the devices (org.neurosweep.simulator.devices) draw from their
 * connections' streams; the kernel makes the streams' states. Streams with different
 * keys are independent for practical purposes, so a node's or a connection's random numbers do not
 * depend on which thread or VP draws them, nor on what other streams drew before.
 */
public final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    /** The stream for (seed, purpose, key). */
    public Rng(long seed, long purpose, long key) {
        this.state = mix(mix(seed + GOLDEN) ^ mix(purpose * GOLDEN + 0x632BE59BD9B4E019L) ^ (key * 0xC2B2AE3D27D4EB4FL));
    }

    /** The state of a stream for (seed, purpose, key), for callers that keep streams in a long[]. */
    static long seedState(long seed, long purpose, long key) {
        return new Rng(seed, purpose, key).state;
    }

    /** SplitMix64's finalizer: a well-mixed 64-bit value of z (a stream's number for state z). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound), without modulo bias (Lemire). */
    int nextInt(int bound) {
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Standard normal (Marsaglia's polar method, one value per call). */
    public double nextGaussian() {
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
