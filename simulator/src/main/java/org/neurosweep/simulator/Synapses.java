package org.neurosweep.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.synapses.StdpPlSynapseHom;
import org.neurosweep.simulator.synapses.StdpSynapse;
import org.neurosweep.simulator.synapses.SynapseModel;
import org.neurosweep.simulator.synapses.Tsodyks2Synapse;

/** The registry of plastic synapse models, by NEST name (static_synapse is the connection table's own). */
final class Synapses {
    private static final Map<String, SynapseModel<?>> MODELS = new LinkedHashMap<>();

    static {
        register(StdpSynapse.MODEL);
        register(StdpPlSynapseHom.MODEL);
        register(Tsodyks2Synapse.MODEL);
    }

    private Synapses() {
    }

    private static void register(SynapseModel<?> m) {
        MODELS.put(m.name(), m);
    }

    static SynapseModel<?> model(String name) {
        return MODELS.get(name);
    }

    /** Every synapse model's name, static_synapse first. */
    static List<String> names() {
        List<String> all = new java.util.ArrayList<>(List.of(SynSpec.STATIC));
        all.addAll(MODELS.keySet());
        return all;
    }
}
