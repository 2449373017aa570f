package org.neurosweep.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of neuron models, by NEST name. A new model is one file implementing {@link NeuronModel}
 * (or extending {@link OdeModel}) and one line here; see docs/adding-a-model.md.
 */
final class Models {
    private static final Map<String, NeuronModel> NEURONS = new LinkedHashMap<>();

    static {
        register(IafPscDelta.MODEL);
        register(IafPscExp.MODEL);
        register(IafPscAlpha.MODEL);
        register(ParrotNeuron.MODEL);
        register(IafCondExp.MODEL);
        register(IafCondAlpha.MODEL);
        register(AeifCondExp.MODEL);
        register(AeifCondAlpha.MODEL);
        register(HhPscAlpha.MODEL);
        register(Izhikevich.MODEL);
    }

    private Models() {
    }

    private static void register(NeuronModel m) {
        if (NEURONS.put(m.name(), m) != null) {
            throw new IllegalStateException("neuron model " + m.name() + " registered twice");
        }
    }

    /** The model of this name, or null. */
    static NeuronModel neuron(String name) {
        return NEURONS.get(name);
    }

    /** Every neuron model's name, in registration order. */
    static List<String> neuronNames() {
        return Collections.unmodifiableList(new ArrayList<>(NEURONS.keySet()));
    }

    /** Every recordable of any neuron model (what a multimeter's record_from may name). */
    static List<String> allRecordables() {
        List<String> all = new ArrayList<>();
        for (NeuronModel m : NEURONS.values()) {
            for (String r : m.recordables()) {
                if (!all.contains(r)) {
                    all.add(r);
                }
            }
        }
        return all;
    }
}
