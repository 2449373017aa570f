package org.neurosweep.simulator;

/**
 * What a simulation cost, as the NEURON and Nengo guides ask to see it: build time and run time apart,
 * each phase, per VP compute time and its balance, spike exchange, and memory.
 *
 * @param createSeconds    creating nodes
 * @param connectSeconds   connecting
 * @param prepareSeconds   building connection tables, buffers and propagators before the first step
 * @param updateSeconds    updating neurons and devices (wall clock, all VPs)
 * @param exchangeSeconds  gathering each slice's spikes into canonical order
 * @param deliverSeconds   delivering spikes into ring buffers (wall clock, all VPs)
 * @param writeSeconds     writing recording files
 * @param vpComputeSeconds per VP: its update plus delivery time
 * @param loadBalance      mean over max of the VP compute times (1 is perfect)
 * @param slices           min_delay slices simulated (one spike exchange each)
 * @param spikeHistogram   spikes per exchange: bin 0 counts slices with no spike, bin b those with
 *                         2^(b-1) to 2^b - 1 spikes
 * @param spikes           spikes emitted
 * @param events           synaptic events delivered (one per spike and connection)
 * @param connectionBytes  memory of the connection tables (peak)
 * @param recordingBytes   memory of the recorders' buffers (peak)
 * @param biologicalMs     simulated time
 * @param plasticSynapses  plastic synapses (all models), as laid out for the last simulate
 * @param plasticBytes     their memory (part of connectionBytes): targets, weights, delays, per-source state
 * @param processes        per process: update, deliver, exchange (send, wait, merge), bytes and spikes sent
 */
public record SimulationStats(double createSeconds, double connectSeconds, double prepareSeconds, double updateSeconds,
                              double exchangeSeconds, double deliverSeconds, double writeSeconds,
                              double[] vpComputeSeconds, double loadBalance, long slices, long[] spikeHistogram,
                              long spikes, long events, long connectionBytes, long recordingBytes, double biologicalMs,
                              long plasticSynapses, long plasticBytes, ProcessStats processes) {

    /** create + connect + prepare. */
    public double buildSeconds() {
        return createSeconds + connectSeconds + prepareSeconds;
    }

    /** update + exchange + deliver (+ write). */
    public double simulateSeconds() {
        return updateSeconds + exchangeSeconds + deliverSeconds + writeSeconds;
    }

    /** Synaptic events delivered per second of wall clock spent simulating. */
    public double eventsPerSecond() {
        double s = simulateSeconds();
        return s > 0 ? events / s : 0;
    }
}
