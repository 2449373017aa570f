package org.neurosweep.simulator.devices;

/**
 * Recorded spikes, sorted by time, then sender.
 *
 * @param senders the sending node ids
 * @param times   the spike times (ms)
 */
public record SpikeEvents(int[] senders, double[] times) {
    /** The number of events. */
    public int size() {
        return senders.length;
    }
}
