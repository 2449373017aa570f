/**
 * The Neural Engineering Framework as Nengo defines it: {@link org.neurosweep.nef.Network}s of
 * {@link org.neurosweep.nef.Ensemble}s that represent vectors, {@link org.neurosweep.nef.Node}s, decoded
 * {@link org.neurosweep.nef.Connection}s (decoders solved by a {@link org.neurosweep.nef.Solver}: Nengo's default
 * {@link org.neurosweep.nef.LstsqL2} or {@link org.neurosweep.nef.RandomizedSvd}) and
 * {@link org.neurosweep.nef.Probe}s, run by the {@link org.neurosweep.nef.Simulator} in Nengo's time base.
 * Neuron types with Nengo's gain and bias rules: {@link org.neurosweep.nef.NeuronType}.
 *
 * <p>This module imports nothing else of neurosweep.
 */
package org.neurosweep.nef;
