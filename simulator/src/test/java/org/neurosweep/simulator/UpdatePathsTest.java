package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurosweep.simulator.devices.MultimeterEvents;
import org.neurosweep.simulator.devices.SpikeEvents;

/**
 * The neuron models have two updates: step by step over all neurons (used when a VP has no dc input;
 * Poisson input is added into the ring buffers first, multimeters sample after each step) and neuron by
 * neuron. iaf_psc_exp's step-major update reads a step's input from whole ring buffer rows, or only for
 * the neurons delivery listed when few got input. They must give the same spikes and the same multimeter
 * samples, including refractoriness, V_min and a V_m set while a neuron is refractory, for a population
 * that starts its VP's neurons and one that does not, with and without Poisson input (which starts and
 * stops inside a slice).
 */
class UpdatePathsTest {
    /** A network of two populations of one model; {@code poissonWeight} 0: no Poisson input. */
    private record Net(String model, Map<String, Object> neuron, double exc, double inh, double poissonWeight) {
    }

    private static final Map<String, Object> CUBA = Map.of("C_m", 250.0, "tau_m", 20.0, "tau_syn_ex", 5.0,
            "tau_syn_in", 10.0, "V_th", -50.0, "V_reset", -60.0, "E_L", -49.0, "t_ref", 5.0);
    private static final Net EXP = new Net("iaf_psc_exp", CUBA, 20.25, -112.5, 0);
    private static final Net EXP_POISSON = new Net("iaf_psc_exp", CUBA, 10.0, -60.0, 80.0);
    private static final Net ALPHA_POISSON = new Net("iaf_psc_alpha", CUBA, 10.0, -60.0, 80.0);
    private static final Net DELTA_POISSON = new Net("iaf_psc_delta", Map.of("C_m", 1.0, "tau_m", 20.0, "V_th", -50.0,
            "V_reset", -60.0, "E_L", -49.0, "t_ref", 2.0, "V_min", -62.0), 0.4, -2.0, 0.6);

    /** What a run recorded. */
    private record Recorded(SpikeEvents spikes, MultimeterEvents samples) {
    }

    /**
     * Runs a network for 300 ms (V_m set on every neuron halfway), a multimeter on three neurons; with a
     * dc generator of 0 pA into neuron 1, that neuron's VP updates neuron by neuron. Adds to {@code paths}
     * the step-major steps and, of those, the listed ones (iaf_psc_exp).
     */
    private static Recorded run(Net net, boolean neuronMajor, int threads, long[] paths) {
        try (Kernel k = Kernel.builder().threads(threads).seed(11).build()) {
            NodeCollection exc = k.create(net.model, 320, net.neuron);
            // other parameters: a second population, which the step-major update reads at an offset
            Map<String, Object> inhibitory = new java.util.HashMap<>(net.neuron);
            inhibitory.put("t_ref", 4.0);
            inhibitory.remove("V_min");
            NodeCollection inh = k.create(net.model, 80, inhibitory);
            NodeCollection all = exc.plus(inh);
            k.set(all, "V_m", Distribution.uniform(-60.0, -50.0));
            k.connect(exc, all, ConnSpec.pairwiseBernoulli(0.05, true, true), SynSpec.of(net.exc, 0.1));
            k.connect(inh, all, ConnSpec.pairwiseBernoulli(0.05, true, true), SynSpec.of(net.inh, 0.1));
            if (net.poissonWeight != 0) {
                NodeCollection pg = k.create("poisson_generator", 1, Map.of("rate", 3000.0, "start", 13.4, "stop", 250.1));
                k.connect(pg, all, ConnSpec.allToAll(), SynSpec.of(net.poissonWeight, 0.3));
            }
            NodeCollection sr = k.create("spike_recorder");
            k.connect(all, sr);
            List<String> recordables = net.model.equals("iaf_psc_delta") ? List.of("V_m") : List.of("V_m", "I_syn_ex", "I_syn_in");
            NodeCollection mm = k.create("multimeter", 1, Map.of("interval", 0.5, "record_from", recordables));
            k.connect(mm, NodeCollection.of(2, 3, 330));
            if (neuronMajor) {
                NodeCollection dc = k.create("dc_generator", 1, Map.of("amplitude", 0.0));
                k.connect(dc, NodeCollection.of(1));
            }
            k.simulate(150.0);
            // V_m set on every neuron, some of them refractory: a refractory neuron keeps the set value
            k.set(all, "V_m", Distribution.uniform(-58.0, -51.0));
            k.simulate(150.0);
            java.util.Set<Population> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (int id : all.ids()) {
                IafPopulation p = (IafPopulation) k.population(id);
                if (seen.add(p)) {
                    paths[0] += p.stepMajorSteps;
                    paths[1] += p instanceof IafPscExp e ? e.listedSteps : 0;
                }
            }
            return new Recorded(k.spikes(sr), k.samples(mm));
        }
    }

    @Test
    void stepMajorAndNeuronMajorUpdatesGiveTheSameSpikesAndSamples() {
        for (Net net : new Net[] {EXP, EXP_POISSON, ALPHA_POISSON, DELTA_POISSON}) {
            for (int threads : new int[] {1, 2}) {
                String what = net.model + (net.poissonWeight != 0 ? " with Poisson input" : "") + ", " + threads + " threads";
                long[] paths = new long[2];
                Recorded stepMajor = run(net, false, threads, paths);
                assertTrue(stepMajor.spikes.size() > 1000, what + ": a network that spikes: " + stepMajor.spikes.size());
                assertEquals(2 * threads * 3000, paths[0], what + ": every step step-major");
                if (net == EXP) {
                    long full = paths[0] - paths[1];
                    assertTrue(paths[1] > 20 && full > 20, what + ": listed and full-row steps ran: " + paths[1] + ", " + full);
                }
                long[] others = new long[2];
                Recorded neuronMajor = run(net, true, threads, others);
                assertEquals(2 * (threads - 1) * 3000, others[0], what + ": the VP with dc input neuron-major");
                assertArrayEquals(neuronMajor.spikes.senders(), stepMajor.spikes.senders(), what);
                assertArrayEquals(neuronMajor.spikes.times(), stepMajor.spikes.times(), what);
                assertEquals(3 * 600, stepMajor.samples.size(), what + ": every 0.5 ms from 3 neurons");
                assertArrayEquals(neuronMajor.samples.senders(), stepMajor.samples.senders(), what);
                for (int r = 0; r < stepMajor.samples.values().length; r++) {
                    assertArrayEquals(neuronMajor.samples.values()[r], stepMajor.samples.values()[r], what + ": "
                            + stepMajor.samples.recordables().get(r));
                }
            }
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

    /**
     * A decaying inhibitory current underflows to -0.0 in the product I_in * P11 when P11 < 1/2 (with
     * P11 >= 1/2 it stays at the smallest subnormal); the full-row update then adds the empty slot's 0.0,
     * which makes it 0.0. The listed update adds 0.0 too, so the two read back the same bits (dropping the
     * "+ 0.0" would leave -0.0).
     */
    @Test
    void aDecayedCurrentEndsAsPositiveZeroInEveryUpdate() {
        for (boolean neuronMajor : new boolean[] {false, true}) {
            try (Kernel k = Kernel.builder().seed(3).build()) {
                NodeCollection n = k.create("iaf_psc_exp", 1, Map.of("tau_syn_in", 0.1)); // P11 = e^-1
                NodeCollection sg = k.create("spike_generator", 1, Map.of("spike_times", List.of(1.0)));
                k.connect(sg, n, ConnSpec.allToAll(), SynSpec.of(-100.0, 1.0));
                if (neuronMajor) {
                    k.connect(k.create("dc_generator", 1, Map.of("amplitude", 0.0)), n);
                }
                k.simulate(5.0);
                assertTrue(k.get(1, "I_syn_in") < 0, "the spike arrived: " + k.get(1, "I_syn_in"));
                k.simulate(200.0); // below the smallest double after about 75 ms
                double i = k.get(1, "I_syn_in");
                assertEquals(0L, Double.doubleToRawLongBits(i), (neuronMajor ? "neuron-major" : "step-major") + ": +0.0, not " + i);
            }
        }
    }
}
