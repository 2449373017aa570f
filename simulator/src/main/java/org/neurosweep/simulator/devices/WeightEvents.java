package org.neurosweep.simulator.devices;

/**
 * What a weight_recorder logged, by time, then sender, then target.
 *
 * @param senders the presynaptic nodes
 * @param targets the postsynaptic neurons
 * @param times   the spikes' times (ms)
 * @param weights the weights the spikes were delivered with
 */
public record WeightEvents(int[] senders, int[] targets, double[] times, double[] weights) {
    /** The number of events. */
    public int size() {
        return senders.length;
    }
}
