package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurosweep.simulator.devices.SpikeEvents;

/** SetStatus and GetStatus on neurons: parameters and state between simulate calls, as NEST scripts use them. */
class NeuronSetStatusTest {

    @Test
    void aCurrentSetOnSomeNeuronsMakesExactlyThemFireAtTheAnalyticTime() {
        try (Kernel k = Kernel.builder().threads(2).build()) {
            NodeCollection n = k.create("iaf_psc_alpha", 4);
            NodeCollection sr = k.create("spike_recorder");
            k.connect(n, sr);
            k.simulate(100.0);
            k.set(NodeCollection.of(2, 4), Map.of("I_e", 376.0));
            k.simulate(100.0);
            SpikeEvents e = k.spikes(sr);
            // from V = E_L with constant I_e: V_th is reached after -tau_m ln(1 - (V_th - E_L) C_m / (tau_m I_e))
            double first = 100.0 - 10.0 * Math.log(1 - 15.0 * 250.0 / (10.0 * 376.0));
            assertEquals(2, e.size(), "neurons 2 and 4 fire once each in 100 ms, 1 and 3 never");
            for (int s = 0; s < 2; s++) {
                assertEquals(2 + 2 * s, e.senders()[s]);
                assertTrue(e.times()[s] >= first && e.times()[s] <= first + 0.1, "spike at " + e.times()[s] + ", expected the step after " + first);
            }
            assertEquals(376.0, k.get(2, "I_e"));
            assertEquals(0.0, k.get(3, "I_e"));
            Map<String, Object> status = k.status(4);
            assertEquals("iaf_psc_alpha", status.get("model"));
            assertEquals(376.0, status.get("I_e"));
            assertEquals(250.0, status.get("C_m"));
            assertTrue(status.containsKey("V_m") && status.containsKey("tau_syn_ex"), status.toString());
        }
    }

    @Test
    void settingRestingPotentialKeepsTheMembranePotential() {
        try (Kernel k = Kernel.builder().build()) {
            NodeCollection n = k.create("iaf_psc_exp", 3);
            k.set(n, Map.of("V_m", -60.0));
            k.set(NodeCollection.of(2), Map.of("E_L", -65.0, "V_reset", -65.0));
            assertEquals(-60.0, k.get(2, "V_m"), 1e-12);
            assertEquals(-65.0, k.get(2, "E_L"));
            assertEquals(-70.0, k.get(3, "E_L"));
            k.simulate(1000.0);
            assertEquals(-65.0, k.get(2, "V_m"), 1e-9, "relaxes to its new E_L");
            assertEquals(-70.0, k.get(1, "V_m"), 1e-9);
            assertEquals(-70.0, k.get(3, "V_m"), 1e-9);
        }
    }

    /** Parameters drawn per neuron from its own stream: the network is the same for any split into VPs. */
    @Test
    void parametersDrawnPerNeuronGiveTheSameSpikesForAnyNumberOfVps() {
        SpikeEvents one = drawn(1, 1);
        SpikeEvents four = drawn(2, 4);
        assertTrue(one.size() > 20, "the neurons fire: " + one.size());
        assertArrayEquals(one.senders(), four.senders());
        assertArrayEquals(one.times(), four.times());
    }

    private static SpikeEvents drawn(int threads, int vps) {
        try (Kernel k = Kernel.builder().threads(threads).virtualProcesses(vps).seed(7).build()) {
            NodeCollection n = k.create("iaf_psc_alpha", 40);
            NodeCollection sr = k.create("spike_recorder");
            k.connect(n, n, ConnSpec.fixedIndegree(5, false, true), SynSpec.of(20.0, 1.5));
            k.connect(n, sr);
            k.simulate(20.0);
            k.set(n, "I_e", Distribution.uniform(360.0, 420.0));
            k.simulate(200.0);
            return k.spikes(sr);
        }
    }
}
