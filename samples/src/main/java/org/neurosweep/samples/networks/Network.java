package org.neurosweep.samples.networks;

import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.Kernel;
import org.neurosweep.simulator.NodeCollection;

/** A network that can be built into a kernel with parameters (defaults, overridable by name). */
public interface Network {
    /** The name used on the command line. */
    String name();

    /** Parameter names and their defaults, in a fixed order. */
    Map<String, Double> defaults();

    /** Builds the network into the kernel; every neuron's spikes go to the returned recorder. */
    Built build(Kernel kernel, Map<String, Double> parameters);

    /**
     * What a built network exposes.
     *
     * @param neurons     all neurons
     * @param populations named populations (e.g. E and I)
     * @param recorder    a spike_recorder of all neurons
     */
    record Built(NodeCollection neurons, Map<String, NodeCollection> populations, NodeCollection recorder) {
    }

    /** The defaults with the given values applied; an unknown name is an error listing the known ones. */
    static Map<String, Double> withOverrides(Network n, Map<String, Double> overrides) {
        Map<String, Double> out = new java.util.LinkedHashMap<>(n.defaults());
        for (Map.Entry<String, Double> e : overrides.entrySet()) {
            if (!out.containsKey(e.getKey())) {
                throw new IllegalArgumentException("network " + n.name() + " has no parameter '" + e.getKey()
                        + "'; parameters: " + List.copyOf(out.keySet()));
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }
}
