package org.neurosweep.simulator.devices;

/**
 * A device whose spikes are made where each target lives, per connection, when the target's VP updates it
 * (the kernel calls {@link #addSlice} for each connection): a poisson_generator (an independent train per
 * connection) and a spike_generator (per-spike weights and multiplicities, which the shared spike exchange
 * cannot carry). Each connection keeps one long of state, which the kernel stores and passes back.
 */
public sealed interface SpikeTrainSource permits PoissonGenerator, SpikeGenerator {
    /**
     * Adds what one connection of weight {@code weight} delivers during a slice: at lag k the spikes
     * emitted with stamp {@code firstStamp + k} (the slice's first step minus the delay, plus one), their
     * weights by sign into {@code ex} (&gt;= 0) or {@code in}. Called by the kernel, on the target's VP thread.
     *
     * @return the connection's new state
     */
    long addSlice(double[] ex, double[] in, long firstStamp, int steps, double weight, long state);
}
