package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * iaf_psc_exp has two updates: step by step over all neurons (vectorized, used when a VP has no device
 * input and no meter) and neuron by neuron; the step-major one reads a step's input from whole ring buffer
 * rows, or only for the neurons delivery listed when few got input. They must give the same spikes,
 * including refractoriness and a V_m set while a neuron is refractory, for a population that starts its
 * VP's neurons and one that does not.
 */
class UpdatePathsTest {
    /** A CUBA-like network of two populations; with a multimeter the neuron-major update runs. */
    private static SpikeEvents run(boolean metered, int threads) {
        return run(metered, threads, new long[2]);
    }

    /** As {@link #run(boolean, int)}; adds the step-major update's listed and full-row steps to {@code paths}. */
    private static SpikeEvents run(boolean metered, int threads, long[] paths) {
        try (Kernel k = Kernel.builder().threads(threads).seed(11).build()) {
            Map<String, Object> neuron = Map.of("C_m", 250.0, "tau_m", 20.0, "tau_syn_ex", 5.0, "tau_syn_in", 10.0,
                    "V_th", -50.0, "V_reset", -60.0, "E_L", -49.0, "t_ref", 5.0);
            NodeCollection exc = k.create("iaf_psc_exp", 320, neuron);
            // other parameters: a second population, which the step-major update reads at an offset
            Map<String, Object> inhibitory = new java.util.HashMap<>(neuron);
            inhibitory.put("t_ref", 4.0);
            NodeCollection inh = k.create("iaf_psc_exp", 80, inhibitory);
            NodeCollection all = exc.plus(inh);
            k.set(all, "V_m", Distribution.uniform(-60.0, -50.0));
            k.connect(exc, all, ConnSpec.pairwiseBernoulli(0.05, true, true), SynSpec.of(20.25, 0.1));
            k.connect(inh, all, ConnSpec.pairwiseBernoulli(0.05, true, true), SynSpec.of(-112.5, 0.1));
            NodeCollection sr = k.create("spike_recorder");
            k.connect(all, sr);
            if (metered) {
                NodeCollection mm = k.create("multimeter", 1, Map.of("interval", 50.0, "record_from", List.of("V_m")));
                k.connect(mm, NodeCollection.of(1));
            }
            k.simulate(150.0);
            // V_m set on every neuron, some of them refractory: a refractory neuron keeps the set value
            k.set(all, "V_m", Distribution.uniform(-58.0, -51.0));
            k.simulate(150.0);
            java.util.Set<Population> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (int id : all.ids()) {
                if (k.population(id) instanceof IafPscExp p && seen.add(p)) {
                    paths[0] += p.listedSteps;
                    paths[1] += p.fullSteps;
                }
            }
            return k.spikes(sr);
        }
    }

    /** Creates of the same model and parameters share one population per VP; each neuron keeps its state. */
    @Test
    void neuronsCreatedLaterJoinThePopulationWithTheirOwnState() {
        try (Kernel k = Kernel.builder().threads(2).seed(5).build()) {
            Map<String, Object> neuron = Map.of("I_e", 300.0);
            NodeCollection first = k.create("iaf_psc_exp", 10, neuron);
            k.set(first, "V_m", -60.0);
            k.simulate(5.0);
            double[] before = new double[10];
            for (int id = 1; id <= 10; id++) {
                before[id - 1] = k.get(id, "V_m");
                assertTrue(before[id - 1] > -60.0, "driven by I_e: " + before[id - 1]);
            }
            NodeCollection second = k.create("iaf_psc_exp", 6, neuron); // the network grows between simulate calls
            NodeCollection other = k.create("iaf_psc_exp", 4, Map.of("I_e", 0.0));
            for (int id = 1; id <= 10; id++) {
                assertTrue(before[id - 1] == k.get(id, "V_m"), "neuron " + id + " kept its V_m");
            }
            for (int id : second.ids()) {
                assertTrue(k.get(id, "V_m") == -70.0, "a new neuron starts at the default V_m");
            }
            k.simulate(5.0);
            for (int id : other.ids()) {
                assertTrue(k.get(id, "V_m") == -70.0, "no I_e, no input: stays at E_L");
            }
            assertTrue(k.get(1, "V_m") != before[0], "the first neurons go on");
        }
    }

    @Test
    void stepMajorAndNeuronMajorUpdatesGiveTheSameSpikes() {
        for (int threads : new int[] {1, 2}) {
            long[] paths = new long[2];
            SpikeEvents stepMajor = run(false, threads, paths);
            assertTrue(paths[0] > 20 && paths[1] > 20, "both kinds of step ran: listed, full rows " + Arrays.toString(paths));
            long[] none = new long[2];
            SpikeEvents neuronMajor = run(true, threads, none);
            if (threads == 1) {
                assertEquals(0, none[0] + none[1], "with a multimeter on its only VP, only the neuron-major update");
            }
            assertTrue(stepMajor.size() > 1000, "a network that spikes: " + stepMajor.size());
            assertArrayEquals(neuronMajor.senders(), stepMajor.senders(), threads + " threads");
            assertArrayEquals(neuronMajor.times(), stepMajor.times(), threads + " threads");
        }
    }

    /**
     * A decaying inhibitory current underflows to -0.0 in the product I_in * P11 when P11 < 1/2 (with
     * P11 >= 1/2 it stays at the smallest subnormal); the full-row update then adds the empty slot's 0.0,
     * which makes it 0.0. The listed update adds 0.0 too, so the two read back the same bits (dropping the
     * "+ 0.0" would leave -0.0).
     */
    @Test
    void aDecayedCurrentEndsAsPositiveZeroInEveryUpdate() {
        for (boolean metered : new boolean[] {false, true}) {
            try (Kernel k = Kernel.builder().seed(3).build()) {
                NodeCollection n = k.create("iaf_psc_exp", 1, Map.of("tau_syn_in", 0.1)); // P11 = e^-1
                NodeCollection sg = k.create("spike_generator", 1, Map.of("spike_times", List.of(1.0)));
                k.connect(sg, n, ConnSpec.allToAll(), SynSpec.of(-100.0, 1.0));
                if (metered) {
                    NodeCollection mm = k.create("multimeter", 1, Map.of("interval", 1000.0, "record_from", List.of("I_syn_in")));
                    k.connect(mm, n);
                }
                k.simulate(5.0);
                assertTrue(k.get(1, "I_syn_in") < 0, "the spike arrived: " + k.get(1, "I_syn_in"));
                k.simulate(200.0); // below the smallest double after about 75 ms
                double i = k.get(1, "I_syn_in");
                assertEquals(0L, Double.doubleToRawLongBits(i), (metered ? "neuron-major" : "step-major") + ": +0.0, not " + i);
            }
        }
    }
}
