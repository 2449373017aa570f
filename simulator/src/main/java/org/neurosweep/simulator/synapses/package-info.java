/**
 * Plastic synapse models in NEST's parts, one file each, on
 * {@link org.neurosweep.simulator.synapses.SynapseModel}: stdp_synapse, stdp_pl_synapse_hom (on the shared
 * pair-based {@link org.neurosweep.simulator.synapses.PairStdp}) and tsodyks2_synapse; and the
 * postsynaptic spike histories STDP reads ({@link org.neurosweep.simulator.synapses.PostHistory}, NEST's
 * ArchivingNode). The kernel stores the synapses with their targets and calls these rules during delivery.
 */
package org.neurosweep.simulator.synapses;
