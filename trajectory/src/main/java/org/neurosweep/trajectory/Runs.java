package org.neurosweep.trajectory;

/**
 * Run naming and per-run seeds. Run {@code i} is named {@code run_%08d}; its {@code $set} bucket is
 * {@code run_set_%05d} holding {@value #RUNS_PER_SET} runs, so that no group holds more than 20,000
 * children before 20,000,000 runs.
 */
public final class Runs {
    /** Runs per {@code $set} bucket. */
    public static final int RUNS_PER_SET = 1000;

    private Runs() {
    }

    /** {@code run_%08d}. */
    public static String name(long runIndex) {
        requireIndex(runIndex);
        return "run_" + zeroPadded(runIndex, 8);
    }

    /** {@code run_set_%05d} of the bucket holding the run. */
    public static String setName(long runIndex) {
        requireIndex(runIndex);
        return "run_set_" + zeroPadded(runIndex / RUNS_PER_SET, 5);
    }

    /** The index of a run named {@code run_%08d}. */
    public static long indexOf(String runName) {
        if (runName.startsWith("run_") && !runName.startsWith("run_set_")) {
            try {
                long i = Long.parseLong(runName.substring(4));
                if (i >= 0 && name(i).equals(runName)) {
                    return i;
                }
            } catch (NumberFormatException ignored) {
                // falls through to the error
            }
        }
        throw new InvalidNameException("'" + runName + "' is not a run name; run names look like run_00000042");
    }

    /**
     * The seed of run {@code runIndex} in a trajectory with seed {@code trajectorySeed}: a SplitMix64
     * mix of both, so that a run's random numbers depend on nothing but these two numbers (not on the
     * worker, the mode or the order of runs), and neighbouring runs get unrelated streams.
     */
    public static long seed(long trajectorySeed, long runIndex) {
        requireIndex(runIndex);
        return mix64(mix64(trajectorySeed) ^ mix64(runIndex + 0x9E3779B97F4A7C15L));
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser, as used by SplitMix64. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void requireIndex(long runIndex) {
        if (runIndex < 0) {
            throw new IllegalArgumentException("run index " + runIndex + " is negative; run indices start at 0");
        }
    }

    private static String zeroPadded(long value, int width) {
        String digits = Long.toString(value);
        if (digits.length() >= width) {
            return digits;
        }
        StringBuilder sb = new StringBuilder(width);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }
}
