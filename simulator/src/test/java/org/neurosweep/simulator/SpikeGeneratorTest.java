package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * spike_generator as NEST's (notes §13; NEST 3.10's test_spike_generator.py and
 * test_neurons_handle_multiplicity.py). A spike_recorder connected to the generator records its spike
 * times (the delay is not added).
 */
class SpikeGeneratorTest {
    /** NEST's rounding table: origin 0, start 0, stop 6, Simulate(10); the recorded times in steps. */
    @Test
    void nestsRoundingTable() {
        assertArrayEquals(new long[] {30, 43}, recordedSteps(Map.of("spike_times", List.of(2.9999, 4.3001))),
                "within half a tic of the grid: onto it");
        assertArrayEquals(new long[] {10, 20, 30}, recordedSteps(Map.of("spike_times", List.of(1.0, 1.9999, 3.0001))));
        assertArrayEquals(new long[] {10, 11, 30}, recordedSteps(Map.of("spike_times", List.of(1.0, 1.05, 3.0001),
                "allow_offgrid_times", true)), "1.05 ms is off the grid: rounded up to the end of its step");
        for (double t : new double[] {4.33, 1.05}) {
            BadParameterException e = assertThrows(BadParameterException.class,
                    () -> recordedSteps(Map.of("spike_times", List.of(t))));
            assertTrue(e.getMessage().contains("spike time " + t + " ms is not on the grid"), e.getMessage());
        }
        BadParameterException e = assertThrows(BadParameterException.class, () -> recordedSteps(Map.of("spike_times", List.of(0.0))));
        assertTrue(e.getMessage().contains("a spike time cannot be set to 0"), e.getMessage());
    }

    private static long[] recordedSteps(Map<String, Object> params) {
        try (Kernel k = Kernel.builder().build()) {
            Map<String, Object> p = new HashMap<>(params);
            p.put("stop", 6.0);
            NodeCollection sg = k.create("spike_generator", 1, p);
            NodeCollection sr = k.create("spike_recorder");
            k.connect(sg, sr, ConnSpec.allToAll(), SynSpec.of(1.0, 1.0));
            k.simulate(10.0);
            return java.util.Arrays.stream(k.spikes(sr).times()).mapToLong(t -> Math.round(t / 0.1)).toArray();
        }
    }

    /**
     * NEST's window test (start 5, stop 6: times in (5, 6] only, start excluded, stop included) at four
     * resolutions. NEST runs it with precise_times and records the precise times; here allow_offgrid_times
     * puts each time at the end of its step, and the recorder shows that grid time.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.2, 0.5, 1.0})
    void onlyTimesInStartExclusiveStopInclusiveAreSent(double h) {
        Map<Double, double[]> expected = Map.of(0.1, new double[] {5.3, 5.3, 5.4, 5.9, 6.0}, 0.2, new double[] {5.4, 5.4, 5.4, 6.0, 6.0},
                0.5, new double[] {5.5, 5.5, 5.5, 6.0, 6.0}, 1.0, new double[] {6.0, 6.0, 6.0, 6.0, 6.0});
        try (Kernel k = Kernel.builder().resolution(h).build()) {
            NodeCollection sg = k.create("spike_generator", 1, Map.of("spike_times",
                    List.of(0.1, 5.0, 5.3, 5.300001, 5.399999, 5.9, 6.0, 9.3), "allow_offgrid_times", true, "origin", 0.0,
                    "start", 5.0, "stop", 6.0));
            NodeCollection sr = k.create("spike_recorder");
            k.connect(sg, sr);
            k.simulate(7.0);
            assertArrayEquals(expected.get(h), k.spikes(sr).times(), 1e-12, "h = " + h);
        }
    }

    /** Times are relative to origin; the window is origin + (start, stop]; a neuron gets the spike a delay later. */
    @Test
    void originShiftsTheTimesAndTheWindow() {
        try (Kernel k = Kernel.builder().build()) {
            NodeCollection sg = k.create("spike_generator", 1, Map.of("spike_times", List.of(1.0, 2.0, 3.0), "origin", 10.0,
                    "start", 1.0, "stop", 2.0));
            NodeCollection n = k.create("iaf_psc_delta", 1, Map.of("V_th", 1e10));
            NodeCollection sr = k.create("spike_recorder");
            NodeCollection vm = k.create("voltmeter", 1, Map.of("interval", 0.1));
            k.connect(sg, sr);
            k.connect(sg, n, ConnSpec.allToAll(), SynSpec.of(5.0, 1.5));
            k.connect(vm, n);
            k.simulate(20.0);
            assertArrayEquals(new double[] {12.0}, k.spikes(sr).times(), 1e-12, "only 10 + 2.0 lies in (11, 12]");
            double[] v = k.samples(vm).values("V_m");
            assertEquals(-70.0, v[133], 0.0, "V_m(13.4)");
            assertEquals(-65.0, v[134], 1e-12, "V_m(13.5): the 5 mV jump, 12.0 + 1.5 ms");
        }
    }

    /**
     * spike_weights multiply the connection weight, spike by spike: a generator with weights [2, -3] on a
     * connection of weight 1.5 acts as two plain generators with weights 3 and -4.5, on a model that sums its
     * input (iaf_psc_delta) and on one that parts it by sign (iaf_psc_alpha); spike_weights [] clears them
     * (then both act with 1.5). A parrot ignores the weights.
     */
    @ParameterizedTest
    @ValueSource(strings = {"iaf_psc_delta", "iaf_psc_alpha"})
    void spikeWeightsMultiplyTheConnectionWeight(String model) {
        try (Kernel k = Kernel.builder().build()) {
            NodeCollection n = k.create(model, 2, Map.of("V_th", 1e10));
            NodeCollection weighted = k.create("spike_generator", 1, Map.of("spike_times", List.of(2.0, 4.0),
                    "spike_weights", List.of(2.0, -3.0)));
            NodeCollection first = k.create("spike_generator", 1, Map.of("spike_times", List.of(2.0)));
            NodeCollection second = k.create("spike_generator", 1, Map.of("spike_times", List.of(4.0)));
            NodeCollection later = k.create("spike_generator", 1, Map.of("spike_times", List.of()));
            NodeCollection parrot = k.create("parrot_neuron");
            NodeCollection sr = k.create("spike_recorder");
            NodeCollection vm = k.create("voltmeter", 1, Map.of("interval", 0.1));
            k.connect(weighted, n.slice(0, 1), ConnSpec.allToAll(), SynSpec.of(1.5, 1.0));
            k.connect(first, n.slice(1, 2), ConnSpec.allToAll(), SynSpec.of(3.0, 1.0));
            k.connect(second, n.slice(1, 2), ConnSpec.allToAll(), SynSpec.of(-4.5, 1.0));
            k.connect(later, n.slice(1, 2), ConnSpec.allToAll(), SynSpec.of(1.5, 1.0));
            k.connect(weighted, parrot);
            k.connect(parrot, sr);
            k.connect(vm, n);
            k.simulate(10.0);
            k.set(weighted, Map.of("spike_times", List.of(12.0, 14.0), "spike_weights", List.of()));
            k.set(later, Map.of("spike_times", List.of(12.0, 14.0)));
            k.simulate(10.0);
            double[] a = NoiseGeneratorTest.trace(k.samples(vm), n.id(0));
            double[] b = NoiseGeneratorTest.trace(k.samples(vm), n.id(1));
            assertEquals(200, a.length);
            assertArrayEquals(b, a, 0.0, "weights 2 and -3 times 1.5, then 1 and 1");
            assertEquals(-70.0, a[28], 0.0, "nothing before the first spike arrives at 3.0 ms");
            assertTrue(a[38] > -70.0, "the spike of weight 3 raised V_m: " + a[38]);
            if (model.equals("iaf_psc_delta")) {
                double[] jumps = {jump(a, 29), jump(a, 49), jump(a, 129), jump(a, 149)};
                assertArrayEquals(new double[] {3.0, -4.5, 1.5, 1.5}, jumps, 1e-9, "the jumps (mV) at 3, 5, 13 and 15 ms");
            }
            assertArrayEquals(new double[] {3.0, 5.0, 13.0, 15.0}, k.spikes(sr).times(), 1e-12, "the parrot repeats every spike");
        }
    }

    @Test
    void spikeWeightsAndMultiplicitiesNeedOnePerSpikeTime() {
        try (Kernel k = Kernel.builder().build()) {
            BadParameterException e = assertThrows(BadParameterException.class, () -> k.create("spike_generator", 1,
                    Map.of("spike_times", List.of(1.0, 2.0), "spike_weights", List.of(1.0, 2.0, 3.0))));
            assertTrue(e.getMessage().contains("spike_weights has 3 elements and spike_times 2"), e.getMessage());
            e = assertThrows(BadParameterException.class, () -> k.create("spike_generator", 1,
                    Map.of("spike_times", List.of(1.0, 2.0), "spike_multiplicities", List.of(2.0))));
            assertTrue(e.getMessage().contains("spike_multiplicities has 1 elements and spike_times 2"), e.getMessage());
            e = assertThrows(BadParameterException.class, () -> k.create("spike_generator", 1,
                    Map.of("spike_times", List.of(1.0), "spike_multiplicities", List.of(1.5))));
            assertTrue(e.getMessage().contains("spike_multiplicities[0] = 1.5 must be a whole number of at least 1"), e.getMessage());
            NodeCollection sg = k.create("spike_generator", 1, Map.of("spike_times", List.of(1.0, 2.0),
                    "spike_weights", List.of(1.0, 2.0)));
            e = assertThrows(BadParameterException.class, () -> k.set(sg, Map.of("spike_times", List.of(3.0))));
            assertTrue(e.getMessage().contains("spike_weights has 2 elements and spike_times 1"), e.getMessage());
            e = assertThrows(BadParameterException.class, () -> k.create("spike_generator", 1, Map.of("spike_times", List.of(5.0, 2.0))));
            assertTrue(e.getMessage().contains("non-descending order"), e.getMessage());
            e = assertThrows(BadParameterException.class, () -> k.create("spike_generator", 1, Map.of("precise_times", true)));
            assertTrue(e.getMessage().contains("precise_times = true is not supported"), e.getMessage());
            e = assertThrows(BadParameterException.class, () -> k.set(sg, Map.of("allow_offgrid_times", true)));
            assertTrue(e.getMessage().contains("only be set together with spike_times or while no spike times are set"), e.getMessage());
            k.set(sg, Map.of("allow_offgrid_times", true, "spike_times", List.of(1.05, 2.0)));
            assertArrayEquals(new long[] {11, 20}, steps(k, sg.first()));
        }
    }

    /** NEST's stored times: rounded onto the grid, or up with allow_offgrid_times, or 0 shifted with shift_now_spikes. */
    @Test
    void nestsStoredSpikeTimes() {
        try (Kernel k = Kernel.builder().build()) {
            assertArrayEquals(new long[] {1, 100, 105, 105}, steps(k, Map.of("spike_times", List.of(0.1, 10.0, 10.5, 10.50001))));
            assertArrayEquals(new long[] {1, 100, 105, 105, 106}, steps(k, Map.of("spike_times",
                    List.of(0.1, 10.0, 10.5, 10.50001, 10.55), "allow_offgrid_times", true)));
            assertArrayEquals(new long[] {1, 100, 105, 105}, steps(k, Map.of("spike_times", List.of(0.0, 10.0, 10.5, 10.50001),
                    "shift_now_spikes", true)));
        }
    }

    private static long[] steps(Kernel k, Map<String, Object> params) {
        return steps(k, k.create("spike_generator", 1, params).first());
    }

    /** The spike times a spike_generator stored (GetStatus: on the grid), in steps. */
    private static long[] steps(Kernel k, int generator) {
        double[] ms = (double[]) k.status(generator).get("spike_times");
        return Arrays.stream(ms).mapToLong(t -> Math.round(t / k.resolution())).toArray();
    }

    /**
     * A spike at the current time cannot be sent any more: after Simulate(10), [10.0001] (10.0 ms: now) sends
     * nothing; with shift_now_spikes, [10.0001, 11.0001] sends at steps 101 and 110 (NEST's test).
     */
    @Test
    void aSpikeAtTheCurrentTimeIsDroppedOrShifted() {
        for (boolean shift : new boolean[] {false, true}) {
            try (Kernel k = Kernel.builder().build()) {
                NodeCollection sg = k.create("spike_generator");
                NodeCollection sr = k.create("spike_recorder");
                k.connect(sg, sr);
                k.simulate(10.0);
                Map<String, Object> p = new HashMap<>(Map.of("spike_times", shift ? List.of(10.0001, 11.0001) : List.of(10.0001),
                        "stop", 16.0));
                if (shift) {
                    p.put("shift_now_spikes", true);
                }
                k.set(sg, p);
                k.simulate(10.0);
                assertArrayEquals(shift ? new double[] {10.1, 11.0} : new double[0], k.spikes(sr).times(), 1e-12, "shift " + shift);
            }
        }
    }

    /** Equal times are separate spikes; a spike already sent still arrives after the times are replaced. */
    @Test
    void equalTimesAreSeparateSpikesAndSentSpikesStillArrive() {
        try (Kernel k = Kernel.builder().build()) {
            NodeCollection sg = k.create("spike_generator", 1, Map.of("spike_times", List.of(3.0, 3.0, 10.0)));
            NodeCollection n = k.create("iaf_psc_delta", 1, Map.of("V_th", 1e10));
            NodeCollection sr = k.create("spike_recorder");
            NodeCollection vm = k.create("voltmeter", 1, Map.of("interval", 0.1));
            k.connect(sg, sr);
            k.connect(sg, n, ConnSpec.allToAll(), SynSpec.of(2.0, 5.0));
            k.connect(vm, n);
            k.simulate(12.0);
            k.set(sg, Map.of("spike_times", List.of()));
            k.simulate(8.0);
            assertArrayEquals(new double[] {3.0, 3.0, 10.0}, k.spikes(sr).times(), 1e-12);
            double[] v = k.samples(vm).values("V_m");
            assertEquals(4.0, jump(v, 79), 1e-9, "two 2 mV spikes sent at 3.0 ms arrive at 8.0 ms");
            assertEquals(2.0, jump(v, 149), 1e-9, "the spike sent at 10.0 ms arrives at 15.0 ms though the times were cleared at 12.0 ms");
            assertEquals(0.0, jump(v, 150), 1e-9);
        }
    }

    /** What iaf_psc_delta (E_L -70 mV, tau_m 10 ms) got in sample i besides decaying from sample i - 1 (h = 0.1 ms). */
    private static double jump(double[] v, int i) {
        return v[i] - (-70 + (v[i - 1] + 70) * Math.exp(-0.01));
    }

    /** The parrot repeats a spike of multiplicity m m times (NEST's test_spike_multiplicity_parrot_neuron). */
    @Test
    void aParrotRepeatsEachSpikeItsMultiplicityTimes() {
        try (Kernel k = Kernel.builder().build()) {
            NodeCollection sg = k.create("spike_generator", 1, Map.of("spike_times", List.of(1.0, 2.0, 3.0),
                    "spike_multiplicities", List.of(1, 3, 2)));
            NodeCollection parrot = k.create("parrot_neuron");
            NodeCollection sr = k.create("spike_recorder");
            NodeCollection direct = k.create("spike_recorder");
            k.connect(sg, parrot);
            k.connect(parrot, sr);
            k.connect(sg, direct);
            k.simulate(10.0);
            assertArrayEquals(new double[] {2.0, 3.0, 3.0, 3.0, 4.0, 4.0}, k.spikes(sr).times(), 1e-12);
            assertArrayEquals(new double[] {1.0, 2.0, 2.0, 2.0, 3.0, 3.0}, k.spikes(direct).times(), 1e-12,
                    "a recorder records a spike of multiplicity m m times");
        }
    }

    static Stream<String> neuronModels() {
        return Models.neuronNames().stream().filter(m -> !m.equals("parrot_neuron"));
    }

    /**
     * NEST's test_neurons_handle_multiplicity: two generators with a spike at 5.0 ms into n1, one with
     * multiplicity 2 into n2: the same V_m after 8 ms, moved by the input; a single spike moves it less.
     */
    @ParameterizedTest
    @MethodSource("neuronModels")
    void neuronsHandleMultiplicity(String model) {
        try (Kernel k = Kernel.builder().build()) {
            NodeCollection n = k.create(model, 3);
            NodeCollection sg1 = k.create("spike_generator", 1, Map.of("spike_times", List.of(5.0)));
            NodeCollection sg2 = k.create("spike_generator", 1, Map.of("spike_times", List.of(5.0)));
            NodeCollection sg3 = k.create("spike_generator", 1, Map.of("spike_times", List.of(5.0), "spike_multiplicities", List.of(2)));
            k.connect(sg1, n.slice(0, 1));
            k.connect(sg2, n.slice(0, 1));
            k.connect(sg3, n.slice(1, 2));
            k.connect(sg1, n.slice(2, 3));
            double before = k.get(n.id(0), "V_m");
            assertEquals(before, k.get(n.id(1), "V_m"), 0.0);
            k.simulate(8.0);
            double v1 = k.get(n.id(0), "V_m");
            double v2 = k.get(n.id(1), "V_m");
            assertEquals(v1, v2, 0.0, model + ": weight x 2 is weight + weight");
            assertNotEquals(before, v1, model + ": the spikes moved V_m");
            assertNotEquals(v2, k.get(n.id(2), "V_m"), model + ": one spike is not two");
        }
    }

    /** Spike generators' input is the same for any number of threads or VPs. */
    @Test
    void theSameForAnyThreadsAndVps() {
        double[] one = weightedInput(Kernel.builder().threads(1));
        assertArrayEquals(one, weightedInput(Kernel.builder().threads(2)), 0.0);
        assertArrayEquals(one, weightedInput(Kernel.builder().threads(1).virtualProcesses(3)), 0.0);
    }

    private static double[] weightedInput(KernelBuilder b) {
        try (Kernel k = b.build()) {
            NodeCollection n = k.create("iaf_psc_alpha", 5, Map.of("V_th", -60.0));
            NodeCollection sg = k.create("spike_generator", 2, Map.of("spike_times", List.of(1.0, 1.0, 2.5, 7.0),
                    "spike_weights", List.of(300.0, -100.0, 500.0, 800.0), "spike_multiplicities", List.of(1, 2, 3, 1)));
            NodeCollection vm = k.create("voltmeter", 1, Map.of("interval", 0.1));
            k.connect(sg, n, ConnSpec.allToAll(), SynSpec.of(Distribution.uniform(0.5, 1.5), Distribution.constant(0.3)));
            k.connect(n, n, ConnSpec.fixedIndegree(2, true, true), SynSpec.of(50.0, 0.5));
            k.connect(vm, n);
            k.simulate(20.0);
            return k.samples(vm).values("V_m");
        }
    }
}
