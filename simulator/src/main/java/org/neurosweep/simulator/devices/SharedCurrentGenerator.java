package org.neurosweep.simulator.devices;

import java.util.Map;
import org.neurosweep.simulator.Resolution;

/**
 * A current generator whose targets all get the same current (dc, step, ac): one value per stamp.
 *
 * <p>The values are computed at the target when they arrive, a delay after their stamp, so a SetStatus
 * between simulate calls keeps the generator as it was for the values stamped up to the current step:
 * NEST sent those before the change, and they still arrive with the old parameters. Subclasses replace
 * their fields on a change and never write into an array they hold, so a shallow copy keeps the old state.
 */
abstract class SharedCurrentGenerator extends CurrentGenerator implements Cloneable {
    /** The generator as it was before the last change, for the values stamped up to {@link #changedAt}; or null. */
    private SharedCurrentGenerator before;
    private long changedAt;

    SharedCurrentGenerator(int id, String model) {
        super(id, model);
    }

    /** The current (pA) this generator sends with stamp {@code stamp}, ignoring its window. */
    abstract double valueAt(long stamp);

    /** The subclass's part of {@link #change}: its parameters, checked, and the action that replaces them. */
    abstract Runnable changeParameters(Map<String, ?> given, Resolution r, long now);

    @Override
    public final Runnable change(Map<String, ?> given, Resolution r, long now) {
        Runnable replace = changeParameters(given, r, now);
        return () -> {
            SharedCurrentGenerator old = copy();
            replace.run();
            before = old;
            changedAt = now;
        };
    }

    private SharedCurrentGenerator copy() {
        try {
            return (SharedCurrentGenerator) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e); // cannot happen: this class is Cloneable
        }
    }

    @Override
    public final void addTo(double[] into, long firstStamp, int steps, double weight, long stream) {
        for (int lag = 0; lag < steps; lag++) {
            long stamp = firstStamp + lag;
            SharedCurrentGenerator g = this;
            while (g.before != null && stamp <= g.changedAt) {
                g = g.before; // sent before the change
            }
            if (g.window.emitsCurrent(stamp)) {
                into[lag] += g.valueAt(stamp) * weight;
            }
        }
    }
}
