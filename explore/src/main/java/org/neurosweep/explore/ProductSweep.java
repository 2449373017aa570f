package org.neurosweep.explore;

import java.util.List;

/** The cartesian product of sweeps, the first slowest: point {@code i} is a mixed-radix number. */
final class ProductSweep extends CombinedSweep {
    private final long[] stride;

    ProductSweep(List<Sweep> parts) {
        super(parts, productSize(parts));
        stride = new long[parts.size()];
        long s = 1;
        for (int p = parts.size() - 1; p >= 0; p--) {
            stride[p] = s;
            s *= parts.get(p).size();
        }
    }

    private static long productSize(List<Sweep> parts) {
        long n = 1;
        for (Sweep s : parts) {
            try {
                n = Math.multiplyExact(n, s.size());
            } catch (ArithmeticException e) {
                throw new SweepException("the product of " + parts + " has more than " + Long.MAX_VALUE + " points");
            }
        }
        return n;
    }

    @Override
    long pointInPart(long point, int part) {
        return (point / stride[part]) % parts.get(part).size();
    }
}
