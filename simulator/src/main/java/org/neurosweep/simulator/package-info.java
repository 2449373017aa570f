/**
 * An embedded NEST-style spiking-network engine. {@link org.neurosweep.simulator.Kernel} is the facade:
 * create nodes by NEST model name with NEST parameter names and units (ms, mV, pA, pF), connect them with
 * NEST's rules, simulate, and read events and timings back.
 *
 * <p>Inside: neurons live on virtual process {@code id % N_vp}; connections are stored with their
 * target's VP in primitive arrays grouped by source; time advances in slices of {@code min_delay}; spikes
 * are exchanged once per slice and delivered in a canonical order (time, then sender); every random
 * number comes from a stream keyed by (seed, node or connection). So spike trains are bit-identical for
 * any number of threads and any number of VPs.
 *
 * <p>This module imports nothing else of neurosweep.
 */
package org.neurosweep.simulator;
