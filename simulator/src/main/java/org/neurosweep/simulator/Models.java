package org.neurosweep.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.models.AeifCondAlpha;
import org.neurosweep.simulator.models.AeifCondExp;
import org.neurosweep.simulator.models.HhPscAlpha;
import org.neurosweep.simulator.models.IafCondAlpha;
import org.neurosweep.simulator.models.IafCondExp;
import org.neurosweep.simulator.models.Izhikevich;
import org.neurosweep.simulator.models.OdeModel;
import org.neurosweep.simulator.models.ParrotNeuron;

/**
 * The registry of neuron models, by NEST name. A new model is one file implementing {@link NeuronModel}
 * (or extending org.neurosweep.simulator.models.OdeModel) and one line here; see docs/adding-a-model.md.
 */
final class Models {
    private static final Map<String, NeuronModel> NEURONS = new LinkedHashMap<>();

    static {
        register(IafPscDelta.MODEL);
        register(IafPscExp.MODEL);
        register(IafPscAlpha.MODEL);
        register(new OdeNeuron<>(ParrotNeuron.MODEL));
        register(new OdeNeuron<>(IafCondExp.MODEL));
        register(new OdeNeuron<>(IafCondAlpha.MODEL));
        register(new OdeNeuron<>(AeifCondExp.MODEL));
        register(new OdeNeuron<>(AeifCondAlpha.MODEL));
        register(new OdeNeuron<>(HhPscAlpha.MODEL));
        register(new OdeNeuron<>(Izhikevich.MODEL));
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
