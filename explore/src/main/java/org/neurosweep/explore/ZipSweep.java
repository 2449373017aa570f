package org.neurosweep.explore;

import java.util.List;

/** Sweeps of equal size side by side: point {@code i} reads point {@code i} of each. */
final class ZipSweep extends CombinedSweep {
    ZipSweep(List<Sweep> parts) {
        super(parts, commonSize(parts));
    }

    private static long commonSize(List<Sweep> parts) {
        long n = parts.get(0).size();
        for (Sweep s : parts) {
            if (s.size() != n) {
                StringBuilder sizes = new StringBuilder();
                for (Sweep p : parts) {
                    sizes.append(sizes.length() == 0 ? "" : ", ").append(p.names()).append(": ").append(p.size());
                }
                throw new SweepException("zip needs sweeps of equal length, got " + sizes);
            }
        }
        return n;
    }

    @Override
    long pointInPart(long point, int part) {
        return point;
    }
}
