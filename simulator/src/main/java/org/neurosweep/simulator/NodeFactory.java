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
     * Creates neurons first..last: on each VP of this process, one population of the ids that live there
     * ({@code vpOf}), or the VP's last population extended when it has the same model and parameters.
     * Neurons of other processes get a population of their model with no neurons (what the connect checks
     * ask of a target: its model, whether it sums its input) and no local index.
     */
    static void neurons(NeuronModel model, int first, int last, Map<String, ?> params, VirtualProcess[] vps, int[] vpOf,
                        Population[] populationOf, int[] localOf) {
        Object p = model.parameters(params);
        Population elsewhere = null;
        for (int id = first; id <= last; id++) {
            if (!vps[vpOf[id]].local) {
                elsewhere = elsewhere != null ? elsewhere : model.population(p, 0, new int[0]);
                populationOf[id] = elsewhere;
                localOf[id] = -1;
            }
        }
        for (VirtualProcess vp : vps) {
            if (!vp.local) {
                continue;
            }
            int count = 0;
            for (int id = first; id <= last; id++) {
                count += vpOf[id] == vp.index ? 1 : 0;
            }
            if (count == 0) {
                continue;
            }
            int[] ids = new int[count];
            int k = 0;
            int firstLocal = vp.localNeurons;
            for (int id = first; id <= last; id++) {
                if (vpOf[id] == vp.index) {
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
     * Creates a device at step {@code now} (on every process, as NEST replicates devices); recorders get a
     * buffer per VP, spike generators a home VP ({@code vpOf[id]}), where they run if it is this process's.
     */
    static Device device(String model, int id, Map<String, ?> params, VirtualProcess[] vps, int[] vpOf,
                         List<List<SpikeGenerator>> generatorsByVp, long now) {
        Device d = Devices.create(model, id, params, vps.length, now, Models::allRecordables);
        if (d instanceof SpikeGenerator g) {
            generatorsByVp.get(vpOf[id]).add(g);
        }
        return d;
    }
}
