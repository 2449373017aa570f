package org.neurosweep.explore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.neurosweep.trajectory.Runs;
import org.neurosweep.trajectory.ValueType;

/**
 * Seeded random points over intervals. Uniform points are computed from (seed, point, column) by a
 * hash, so none is stored. Latin-hypercube points use one random permutation of the strata per column
 * (n ints per column) and a uniform offset within the stratum.
 */
final class RandomSweep extends Sweep {
    private final List<Interval> intervals;
    private final long seed;
    private final int[][] strata;

    RandomSweep(long n, long seed, List<Interval> intervals, boolean latinHypercube) {
        super(names(intervals), Collections.nCopies(intervals.size(), ValueType.DOUBLE), checkCount(n, latinHypercube));
        this.intervals = intervals;
        this.seed = seed;
        this.strata = latinHypercube ? permutations((int) n, intervals.size(), seed) : null;
    }

    private static long checkCount(long n, boolean latinHypercube) {
        if (n < 1) {
            throw new SweepException((latinHypercube ? "latinHypercube" : "uniform") + " needs at least 1 point, got " + n);
        }
        return n;
    }

    private static List<String> names(List<Interval> intervals) {
        List<String> out = new ArrayList<>();
        intervals.forEach(i -> out.add(i.name()));
        return out;
    }

    private static int[][] permutations(int n, int columns, long seed) {
        int[][] out = new int[columns][];
        for (int c = 0; c < columns; c++) {
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = (int) Long.remainderUnsigned(Runs.mix64(seed ^ Runs.mix64(((long) c << 40) ^ i ^ 0x5DEECE66DL)), i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            out[c] = p;
        }
        return out;
    }

    /** A uniform double in [0, 1) from the seed, point and column. */
    private double unit(long point, int column) {
        long bits = Runs.mix64(Runs.mix64(seed + column * 0x9E3779B97F4A7C15L) ^ point);
        return (bits >>> 11) * 0x1.0p-53;
    }

    @Override
    Object valueAt(long point, int column) {
        double u = unit(point, column);
        if (strata != null) {
            u = (strata[column][(int) point] + u) / size();
        }
        return intervals.get(column).at(u);
    }
}
