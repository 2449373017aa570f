package org.neurosweep.simulator;

/** A current generator whose targets all get the same current (dc, step, ac): one value per stamp. */
abstract class SharedCurrentGenerator extends CurrentGenerator {
    SharedCurrentGenerator(int id, String model) {
        super(id, model);
    }

    /** The current (pA) this generator sends with stamp {@code stamp}, ignoring its window. */
    abstract double valueAt(long stamp);

    @Override
    final void addTo(double[] into, long firstStamp, int steps, double weight, long stream) {
        for (int lag = 0; lag < steps; lag++) {
            long stamp = firstStamp + lag;
            if (window.emitsCurrent(stamp)) {
                into[lag] += valueAt(stamp) * weight;
            }
        }
    }
}
