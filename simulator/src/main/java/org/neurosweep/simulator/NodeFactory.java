package org.neurosweep.simulator;

import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.devices.Device;
import org.neurosweep.simulator.devices.Devices;
import org.neurosweep.simulator.devices.SpikeGenerator;

/** Creates nodes by model name: neurons as per-VP populations, devices with their per-VP parts. */
final class NodeFactory {
    private NodeFactory() {
    }

    /**
     * Creates neurons first..last: on each VP, one population of the ids that live there, or the VP's last
     * population extended when it has the same model and parameters.
     */
    static void neurons(NeuronModel model, int first, int last, Map<String, ?> params, VirtualProcess[] vps,
                        Population[] populationOf, int[] localOf) {
        int nVp = vps.length;
        Object p = model.parameters(params);
        for (VirtualProcess vp : vps) {
            int count = 0;
            for (int id = first; id <= last; id++) {
                count += id % nVp == vp.index ? 1 : 0;
            }
            if (count == 0) {
                continue;
            }
            int[] ids = new int[count];
            int k = 0;
            int firstLocal = vp.localNeurons;
            for (int id = first; id <= last; id++) {
                if (id % nVp == vp.index) {
                    ids[k++] = id;
                    localOf[id] = vp.addNeuron(id);
                }
            }
            Population pop = model.population(p, firstLocal, ids);
            List<Population> pops = vp.populations;
            Population before = pops.isEmpty() ? null : pops.get(pops.size() - 1);
            if (before != null && before.model.equals(model.name()) && before.parameters().equals(p)
                    && before.firstLocal + before.size() == firstLocal) {
                pop = before.extendedBy(ids); // one population, one loop over both
                pops.set(pops.size() - 1, pop);
            } else {
                pops.add(pop);
            }
            for (int id : pop.ids) {
                populationOf[id] = pop;
            }
        }
    }

    /**
     * Creates a device at step {@code now}; recorders get a buffer per VP, spike generators a home VP
     * (id % N_vp).
     */
    static Device device(String model, int id, Map<String, ?> params, VirtualProcess[] vps,
                         List<List<SpikeGenerator>> generatorsByVp, long now) {
        Device d = Devices.create(model, id, params, vps.length, now, Models::allRecordables);
        if (d instanceof SpikeGenerator g) {
            generatorsByVp.get(id % vps.length).add(g);
        }
        return d;
    }
}
