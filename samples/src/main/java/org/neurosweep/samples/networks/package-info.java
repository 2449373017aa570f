/**
 * Spiking networks built on the embedded simulator: NEST's one-neuron example, the Brunel (2000)
 * balanced network, and the Vogels-Abbott CUBA benchmark. Each is a {@link org.neurosweep.samples.networks.Network}
 * with named parameters, run by {@code neurosweep simulate NETWORK} and by the sweeps.
 */
package org.neurosweep.samples.networks;
