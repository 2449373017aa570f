package org.neurosweep.samples.networks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.neurosweep.simulator.Kernel;
import org.neurosweep.simulator.NodeCollection;

/** NEST's classic one-neuron example: one iaf_psc_alpha with NEST's defaults and I_e = 376 pA, recorded. */
public final class OneNeuron implements Network {
    @Override
    public String name() {
        return "one-neuron";
    }

    @Override
    public Map<String, Double> defaults() {
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("I_e", 376.0);
        return d;
    }

    @Override
    public Built build(Kernel kernel, Map<String, Double> parameters) {
        Map<String, Double> p = Network.withOverrides(this, parameters);
        NodeCollection neuron = kernel.create("iaf_psc_alpha", 1, Map.of("I_e", p.get("I_e")));
        NodeCollection recorder = kernel.create("spike_recorder");
        kernel.connect(neuron, recorder);
        return new Built(neuron, Map.of("neuron", neuron), recorder);
    }
}
