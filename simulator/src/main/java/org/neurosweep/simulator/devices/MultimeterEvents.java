package org.neurosweep.simulator.devices;

import java.util.List;
import org.neurosweep.simulator.UnknownNameException;

/**
 * Multimeter samples, sorted by time, then sender.
 *
 * @param recordables the names recorded, in the order of {@code values}
 * @param senders     the sampled node ids
 * @param times       sample times (ms)
 * @param values      per recordable, one value per sample (V_m in mV, currents in pA)
 */
public record MultimeterEvents(List<String> recordables, int[] senders, double[] times, double[][] values) {
    /** The values of one recordable. */
    public double[] values(String recordable) {
        int k = recordables.indexOf(recordable);
        if (k < 0) {
            throw new UnknownNameException("this multimeter did not record '" + recordable + "'; it recorded " + recordables);
        }
        return values[k];
    }

    /** The number of events. */
    public int size() {
        return senders.length;
    }
}
