/**
 * The simulator's devices, as NEST's: nodes that are not neurons. Generators send to neurons: current
 * generators ({@link org.neurosweep.simulator.devices.CurrentGenerator}: dc_generator, ac_generator,
 * step_current_generator, noise_generator), whose values the target's VP computes per connection, and
 * spike sources ({@link org.neurosweep.simulator.devices.SpikeTrainSource}: poisson_generator,
 * spike_generator), whose spikes are made at the target too. Recorders receive from or sample neurons:
 * spike_recorder, multimeter (and voltmeter), weight_recorder, each replicated on every virtual process,
 * and their results, {@link org.neurosweep.simulator.devices.SpikeEvents},
 * {@link org.neurosweep.simulator.devices.MultimeterEvents} and
 * {@link org.neurosweep.simulator.devices.WeightEvents}, which {@code Kernel.spikes}, {@code samples} and
 * {@code weights} return.
 *
 * <p>Users reach devices through {@link org.neurosweep.simulator.Kernel} by model name; only the result
 * types are theirs. The other public types and members are engine-facing: the kernel creates devices
 * ({@link org.neurosweep.simulator.devices.Devices}), prepares and changes them, and calls them from its
 * VP threads. A device sees nothing of the kernel's internals: it writes into the arrays and buffers the
 * kernel hands it, and reads neurons only through {@link org.neurosweep.simulator.devices.Recordables}.
 */
package org.neurosweep.simulator.devices;
