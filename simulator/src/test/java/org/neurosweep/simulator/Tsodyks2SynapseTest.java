package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurosweep.simulator.devices.MultimeterEvents;
import org.neurosweep.simulator.devices.WeightEvents;

/**
 * tsodyks2_synapse as NEST 3.10's test_tsodyks2_synapse.py checks it: parrots repeating 20 Hz Poisson
 * spikes, every spike's delivered weight x u w against the recursion on the recorded spike times (absolute
 * 1e-12, as NEST); plus facilitating parameters NEST's test leaves out (its U = 1 keeps u at 1), and the
 * weight's effect on a neuron.
 */
class Tsodyks2SynapseTest {

    @ParameterizedTest
    @CsvSource({"1.0, 1.0, 100, 0", "1.0, 1.0, 100, 10", "0.2, 0.2, 100, 50", "0.05, 0.3, 400, 900"})
    void deliveredWeightsFollowTheRecursion(double bigU, double u0, double tauRec, double tauFac) {
        try (Kernel k = Kernel.builder().seed(9).build()) {
            NodeCollection pg = k.create("poisson_generator", 1, Map.of("rate", 20.0, "stop", 985.0));
            NodeCollection pre = k.create("parrot_neuron");
            NodeCollection post = k.create("parrot_neuron");
            NodeCollection wr = k.create("weight_recorder");
            NodeCollection sr = k.create("spike_recorder");
            k.connect(pg, pre);
            k.connect(pre, post, ConnSpec.allToAll(), SynSpec.of("tsodyks2_synapse", 1.0, 0.1, Map.of("U", bigU, "u", u0,
                    "x", 1.0, "tau_rec", tauRec, "tau_fac", tauFac, "receptor_type", 1, "weight_recorder", wr.first())));
            k.connect(pre, sr);
            k.simulate(1000.0);
            double[] t = k.spikes(sr).times();
            WeightEvents w = k.weights(wr);
            assertTrue(t.length > 8, "spikes: " + t.length);
            assertEquals(t.length, w.size());
            double x = 1;
            double u = u0;
            for (int i = 0; i < t.length; i++) {
                if (i > 0) {
                    double dt = t[i] - t[i - 1];
                    x = 1 + (x - x * u - 1) * Math.exp(-dt / tauRec);
                    u = tauFac == 0 ? bigU : bigU + u * (1 - bigU) * Math.exp(-dt / tauFac);
                }
                assertEquals(t[i], w.times()[i], 1e-12);
                assertEquals(x * u, w.weights()[i], 1e-12, "spike " + i);
            }
        }
    }

    /** A 100 Hz train into a delta neuron: each jump of V_m is the delivered weight, which depresses. */
    @Test
    void depressionShowsInTheMembrane() {
        try (Kernel k = Kernel.builder().build()) {
            double[] times = new double[10];
            for (int i = 0; i < times.length; i++) {
                times[i] = 10.0 + 10.0 * i;
            }
            NodeCollection sg = k.create("spike_generator", 1, Map.of("spike_times", times));
            NodeCollection parrot = k.create("parrot_neuron"); // plastic synapses connect neurons
            NodeCollection n = k.create("iaf_psc_delta", 1, Map.of("tau_m", 1e9, "V_th", 1e9));
            NodeCollection vm = k.create("voltmeter", 1, Map.of("interval", 0.1));
            k.connect(sg, parrot, ConnSpec.allToAll(), SynSpec.of(1.0, 0.5));
            k.connect(parrot, n, ConnSpec.allToAll(), SynSpec.of("tsodyks2_synapse", 10.0, 0.5, Map.of("U", 0.5, "tau_rec", 200.0)));
            k.connect(vm, n);
            k.simulate(120.0);
            MultimeterEvents m = k.samples(vm);
            double jump1 = jumpAt(m, 11.0); // the first spike arrives at 11.0 ms
            double jump2 = jumpAt(m, 21.0);
            assertEquals(5.0, jump1, 1e-6, "x u w = 1 * 0.5 * 10 mV");
            double x2 = 1 + (1 - 0.5 - 1) * Math.exp(-10.0 / 200);
            assertEquals(x2 * 0.5 * 10.0, jump2, 1e-6);
            assertTrue(jump2 < jump1);
        }
    }

    private static double jumpAt(MultimeterEvents m, double t) {
        for (int i = 1; i < m.size(); i++) {
            if (Math.abs(m.times()[i] - t) < 1e-9) {
                return m.values("V_m")[i] - m.values("V_m")[i - 1];
            }
        }
        throw new AssertionError("no sample at " + t);
    }

    @Test
    void badParametersAreRefused() {
        BadParameterException e = assertThrows(BadParameterException.class,
                () -> SynSpec.of("tsodyks2_synapse", 1.0, 1.0, Map.of("U", 1.5)));
        assertTrue(e.getMessage().contains("U = 1.5 must be in [0, 1]"), e.getMessage());
        e = assertThrows(BadParameterException.class, () -> SynSpec.of("tsodyks2_synapse", 1.0, 1.0, Map.of("tau_rec", 0.0)));
        assertTrue(e.getMessage().contains("tau_rec"), e.getMessage());
    }
}
