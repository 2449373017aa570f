/**
 * An embedded NEST-style spiking-network engine. {@link org.neurosweep.simulator.Kernel} is the facade:
 * create nodes by NEST model name with NEST parameter names and units (ms, mV, pA, pF), connect them with
 * NEST's rules, simulate, and read events and timings back.
 *
 * <p>Inside: neurons live on virtual process {@code id % N_vp}; connections are stored with their
 * target's VP in primitive arrays grouped by source; time advances in slices of {@code min_delay}; spikes
 * are exchanged once per slice and delivered in a canonical order (time, then sender); every random
 * number comes from a stream keyed by (seed, node or connection). So spike trains are bit-identical for
 * any number of threads and any number of VPs. VPs can live in several processes (VP v on process
 * v % P, {@link org.neurosweep.simulator.KernelBuilder#processes}): each builds only its own VPs' neurons and
 * connections, and the slice's spikes cross between processes compressed ({@code SpikeCodec}, {@code
 * ProcessLink}), with the same results for any split.
 *
 * <p>This package is the kernel: the facade, virtual processes, scheduling, connection storage and rules,
 * and the iaf_psc fast-path neurons. Sub-packages by responsibility: {@code devices} (generators and
 * recorders, and the recorders' results {@code SpikeEvents}, {@code MultimeterEvents},
 * {@code WeightEvents}), {@code models} (the ODE neuron models) and {@code synapses} (the plastic synapse
 * models).
 *
 * <p>This module imports only {@code exchange/} of neurosweep (the transport between processes).
 */
package org.neurosweep.simulator;
