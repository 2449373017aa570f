package org.neurosweep.simulator;

/**
 * One connection as NEST's GetConnections reports it.
 *
 * @param source       the sending node
 * @param target       the receiving neuron
 * @param weight       its weight now (plastic synapses: as the last simulate left it)
 * @param delay        its delay (ms)
 * @param synapseModel static_synapse, stdp_synapse, tsodyks2_synapse
 */
public record Connection(int source, int target, double weight, double delay, String synapseModel) {
}
