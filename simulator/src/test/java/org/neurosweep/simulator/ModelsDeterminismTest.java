package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurosweep.simulator.devices.MultimeterEvents;
import org.neurosweep.simulator.devices.SpikeEvents;

/**
 * Every registered neuron model in one network, with Poisson and dc input, recurrent static and plastic
 * synapses, SetStatus between runs and a multimeter: the spikes, samples and weights are bit-identical
 * for 1 thread on 1 VP and 2 threads on 3 VPs.
 */
class ModelsDeterminismTest {

    @Test
    void everyModelGivesTheSameResultsForAnySplit() {
        Object[] a = run(1, 1);
        Object[] b = run(2, 3);
        SpikeEvents sa = (SpikeEvents) a[0];
        SpikeEvents sb = (SpikeEvents) b[0];
        assertTrue(sa.size() > 300, "spikes: " + sa.size());
        assertArrayEquals(sa.senders(), sb.senders());
        assertArrayEquals(sa.times(), sb.times());
        assertArrayEquals(((MultimeterEvents) a[1]).values("V_m"), ((MultimeterEvents) b[1]).values("V_m"));
        assertArrayEquals((double[]) a[2], (double[]) b[2]);
        java.util.Set<Integer> firing = new java.util.HashSet<>();
        for (int s : sa.senders()) {
            firing.add(s);
        }
        for (int m = 0; m < Models.neuronNames().size(); m++) {
            int first = 1 + m * 6;
            boolean any = false;
            for (int id = first; id < first + 6; id++) {
                any |= firing.contains(id);
            }
            assertTrue(any, Models.neuronNames().get(m) + " fired");
        }
    }

    private static Object[] run(int threads, int vps) {
        try (Kernel k = Kernel.builder().threads(threads).virtualProcesses(vps).seed(11).build()) {
            NodeCollection all = null;
            for (String model : Models.neuronNames()) {
                NodeCollection n = k.create(model, 6);
                all = all == null ? n : all.plus(n);
            }
            NodeCollection pg = k.create("poisson_generator", 1, Map.of("rate", 8000.0));
            NodeCollection dc = k.create("dc_generator", 1, Map.of("amplitude", 50.0, "start", 20.0));
            NodeCollection mm = k.create("multimeter", 1, Map.of("record_from", List.of("V_m"), "interval", 0.5));
            NodeCollection sr = k.create("spike_recorder");
            NodeCollection currentTaking = null;
            for (int id : all.ids()) {
                if (!k.status(id).get("model").equals("parrot_neuron")) {
                    currentTaking = currentTaking == null ? NodeCollection.of(id) : currentTaking.plus(NodeCollection.of(id));
                }
            }
            k.connect(pg, all, ConnSpec.allToAll(), SynSpec.of(Distribution.uniform(2.0, 40.0), Distribution.constant(1.0)));
            k.connect(dc, currentTaking, ConnSpec.allToAll(), SynSpec.of(1.0, 1.0));
            k.connect(all, all, ConnSpec.fixedIndegree(5, false, true), SynSpec.of(Distribution.uniform(-3.0, 6.0),
                    Distribution.uniform(1.0, 3.0)));
            k.connect(all, all, ConnSpec.fixedIndegree(3, false, true), SynSpec.of("stdp_synapse", 5.0, 1.2, Map.of("Wmax", 20.0)));
            k.connect(mm, currentTaking);
            k.connect(all, sr);
            k.simulate(100.0);
            k.set(currentTaking, "I_e", Distribution.uniform(100.0, 600.0));
            k.simulate(100.0);
            double[] w = k.connections(all, all).stream().filter(c -> !c.synapseModel().equals(SynSpec.STATIC))
                    .mapToDouble(Connection::weight).toArray();
            return new Object[] {k.spikes(sr), k.samples(mm), w};
        }
    }
}
