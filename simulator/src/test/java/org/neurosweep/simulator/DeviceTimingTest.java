package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurosweep.simulator.devices.MultimeterEvents;
import org.neurosweep.simulator.devices.SpikeEvents;

/**
 * NEST's timing of a current generator: with {@code start}, {@code stop} and delay d, the current acts on
 * the membrane during [start + d, stop + d). NEST's reference (iaf_psc_alpha at its defaults, a
 * dc_generator of 1000 pA from 2.0 ms, delay 1.0 ms, h = 0.1 ms): V_m(3.0) = -70.0 mV and
 * V_m(3.1) = -69.602 mV.
 */
class DeviceTimingTest {
    @ParameterizedTest
    @ValueSource(strings = {"iaf_psc_delta", "iaf_psc_exp", "iaf_psc_alpha"})
    void aDcGeneratorActsFromStartPlusDelayUntilStopPlusDelay(String model) {
        try (Kernel k = Kernel.builder().build()) {
            NodeCollection n = k.create(model, 1);
            NodeCollection dc = k.create("dc_generator", 1, Map.of("amplitude", 1000.0, "start", 2.0, "stop", 5.0));
            NodeCollection mm = k.create("multimeter", 1, Map.of("interval", 0.1));
            k.connect(dc, n, ConnSpec.allToAll(), SynSpec.of(1.0, 1.0));
            k.connect(mm, n);
            k.simulate(8.0);
            MultimeterEvents e = k.samples(mm);
            double[] v = e.values("V_m");
            for (int i = 0; i < e.size(); i++) {
                double t = e.times()[i];
                double expected;
                if (t <= 3.0 + 1e-9) {
                    expected = -70.0;
                } else if (t <= 6.0 + 1e-9) {
                    expected = -70 + 1000.0 * 10 / 250 * (1 - Math.exp(-(t - 3.0) / 10));
                } else {
                    expected = -70 + 1000.0 * 10 / 250 * (1 - Math.exp(-0.3)) * Math.exp(-(t - 6.0) / 10);
                }
                assertEquals(expected, v[i], 1e-12, model + " at " + t + " ms");
            }
            assertEquals(3.1, e.times()[30], 1e-12);
            assertEquals(-69.602, v[30], 5e-4, "NEST's V_m(3.1)");
            assertEquals(-70.0, v[29], 0.0, "NEST's V_m(3.0)");
        }
    }

    /** NEST rounds a spike time within half a tic (0.5 µs) of the grid onto it, and refuses one farther off. */
    @org.junit.jupiter.api.Test
    void spikeTimesWithinHalfATicOfTheGridAreRoundedOntoIt() {
        try (Kernel k = Kernel.builder().build()) {
            NodeCollection g = k.create("spike_generator", 1, Map.of("spike_times", new double[] {2.9999, 8.0004}));
            NodeCollection n = k.create("iaf_psc_delta", 1);
            NodeCollection rec = k.create("spike_recorder");
            k.connect(g, n, ConnSpec.allToAll(), SynSpec.of(100.0, 1.0));
            k.connect(n, rec);
            k.simulate(12.0);
            double[] times = k.spikes(rec).times();
            assertEquals(2, times.length, "each generator spike makes the neuron fire");
            assertEquals(4.0, times[0], 1e-12, "2.9999 ms is 3.0 ms, + 1 ms delay");
            assertEquals(9.0, times[1], 1e-12, "8.0004 ms is 8.0 ms, + 1 ms delay");
        }
        try (Kernel k = Kernel.builder().build()) {
            BadParameterException e = org.junit.jupiter.api.Assertions.assertThrows(BadParameterException.class,
                    () -> k.create("spike_generator", 1, Map.of("spike_times", new double[] {2.995})));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("2.995 ms is not on the grid"), e.getMessage());
        }
    }

    /** V_th = +inf is NEST's neuron that never spikes: its membrane follows the input without bound. */
    @ParameterizedTest
    @ValueSource(strings = {"iaf_psc_delta", "iaf_psc_exp", "iaf_psc_alpha"})
    void aNeuronWithAnInfiniteThresholdNeverSpikes(String model) {
        try (Kernel k = Kernel.builder().build()) {
            NodeCollection n = k.create(model, 1, Map.of("V_th", Double.POSITIVE_INFINITY, "I_e", 1000.0));
            NodeCollection rec = k.create("spike_recorder");
            NodeCollection mm = k.create("multimeter", 1, Map.of("interval", 1.0));
            k.connect(n, rec);
            k.connect(mm, n);
            k.simulate(50.0);
            assertEquals(0, k.spikes(rec).size());
            double[] v = k.samples(mm).values("V_m");
            assertEquals(-70 + 1000.0 * 10 / 250 * (1 - Math.exp(-5.0)), v[v.length - 1], 1e-9, "far above -55 mV, no spike");
        }
        try (Kernel k = Kernel.builder().build()) {
            BadParameterException e = org.junit.jupiter.api.Assertions.assertThrows(BadParameterException.class,
                    () -> k.create(model, 1, Map.of("V_th", Double.NaN)));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("V_th is NaN"),
                    e.getMessage());
        }
    }

    /** Several recorders may watch one neuron; a voltmeter is a multimeter of V_m; offset shifts the samples. */
    @org.junit.jupiter.api.Test
    void severalRecordersPerNeuronAVoltmeterAndAnOffset() {
        try (Kernel k = Kernel.builder().threads(2).build()) {
            NodeCollection n = k.create("iaf_psc_alpha", 2, Map.of("I_e", 400.0));
            NodeCollection r1 = k.create("spike_recorder");
            NodeCollection r2 = k.create("spike_recorder");
            NodeCollection mm = k.create("multimeter", 1, Map.of("interval", 1.0, "record_from", new String[] {"V_m", "I_syn_ex"}));
            NodeCollection vm = k.create("voltmeter", 1, Map.of("interval", 1.0, "offset", 0.5));
            k.connect(n, r1);
            k.connect(n, r2);
            k.connect(mm, n);
            k.connect(vm, n);
            k.simulate(100.0);
            SpikeEvents a = k.spikes(r1);
            SpikeEvents b = k.spikes(r2);
            org.junit.jupiter.api.Assertions.assertTrue(a.size() > 4, "the neurons fire: " + a.size());
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.times(), b.times(), 0.0, "both recorders see every spike");
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.senders(), b.senders());
            MultimeterEvents m = k.samples(mm);
            MultimeterEvents v = k.samples(vm);
            assertEquals(200, m.size(), "2 neurons x 100 samples at 1, 2, ..., 100 ms");
            assertEquals(200, v.size(), "2 neurons x 100 samples at 0.5, 1.5, ..., 99.5 ms");
            assertEquals(0.5, v.times()[0], 1e-12);
            assertEquals(99.5, v.times()[v.size() - 1], 1e-12);
            assertEquals(1.0, m.times()[0], 1e-12);
            org.junit.jupiter.api.Assertions.assertThrows(BadConnectionException.class, () -> k.connect(n, r1),
                    "the same recorder twice");
        }
    }

    /** An interval or offset off the resolution's grid is refused when the device is created, naming it. */
    @org.junit.jupiter.api.Test
    void aMultimeterIntervalOffTheGridIsRefusedAtCreate() {
        try (Kernel k = Kernel.builder().build()) {
            BadParameterException e = org.junit.jupiter.api.Assertions.assertThrows(BadParameterException.class,
                    () -> k.create("multimeter", 1, Map.of("interval", 0.25)));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("multimeter interval 0.25 ms is not a multiple of the resolution 0.1 ms"),
                    e.getMessage());
            e = org.junit.jupiter.api.Assertions.assertThrows(BadParameterException.class,
                    () -> k.create("voltmeter", 1, Map.of("offset", 0.05)));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("voltmeter offset 0.05 ms"), e.getMessage());
            org.junit.jupiter.api.Assertions.assertThrows(UnknownNameException.class,
                    () -> k.create("voltmeter", 1, Map.of("record_from", new String[] {"I_syn_ex"})), "a voltmeter records V_m only");
        }
    }

    /**
     * NEST 3.9's test_iaf_psc_alpha_dc tables: iaf_psc_alpha at its defaults, a 1000 pA dc_generator, a
     * voltmeter every step. "aligned" (start 2.0, delay 1.0) and "stop" (start 2.0, stop 4.0, delay 1.0) are
     * the same at h = 0.1, 0.2, 0.5 and 1.0 ms; "dc" is start 0, delay 0.1 at h = 0.1.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.2, 0.5, 1.0})
    void nestsDcTablesAtEveryResolution(double h) {
        double[][] stop = {{2.5, -70}, {3.0, -70}, {3.1, -69.602}, {3.2, -69.2079}, {3.3, -68.8178}, {3.4, -68.4316},
            {3.5, -68.0492}, {3.6, -67.6706}, {3.7, -67.2958}, {3.8, -66.9247}, {3.9, -66.5572}, {4.0, -66.1935},
            {4.1, -65.8334}, {4.2, -65.4768}, {4.3, -65.1238}, {4.4, -64.7743}, {4.5, -64.4283}, {4.6, -64.0858},
            {4.7, -63.7466}, {4.8, -63.4108}, {4.9, -63.0784}, {5.0, -62.7492}, {5.1, -62.8214}, {5.2, -62.8928},
            {5.3, -62.9635}, {5.4, -63.0335}, {5.5, -63.1029}, {5.6, -63.1715}, {5.7, -63.2394}, {5.8, -63.3067},
            {5.9, -63.3733}, {6.0, -63.4392}};
        double[] v = alphaUnderDc(h, 2.0, 4.0, 1.0, 10.0);
        int compared = 0;
        for (double[] row : stop) {
            double steps = row[0] / h;
            if (Math.abs(steps - Math.rint(steps)) < 1e-9) {
                assertEquals(row[1], v[(int) Math.rint(steps) - 1], 5e-5, "V_m(" + row[0] + ") at h = " + h);
                compared++;
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(compared >= 4, compared + " rows at h = " + h);
        if (h == 0.1) {
            double[] dc = alphaUnderDc(0.1, 0.0, Double.POSITIVE_INFINITY, 0.1, 2.0);
            double[] expected = {-70, -70, -69.602, -69.2079, -68.8178, -68.4316, -68.0492, -67.6706, -67.2958, -66.9247,
                -66.5572, -66.1935, -65.8334, -65.4768, -65.1238, -64.7743};
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], dc[i], 5e-5, "test_dc: V_m(" + (i + 1) / 10.0 + ")");
            }
        }
    }

    /** V_m of an iaf_psc_alpha under a 1000 pA dc_generator, sampled every step from h. */
    private static double[] alphaUnderDc(double h, double start, double stop, double delay, double tSim) {
        try (Kernel k = Kernel.builder().resolution(h).build()) {
            NodeCollection n = k.create("iaf_psc_alpha", 1);
            java.util.Map<String, Object> p = new java.util.HashMap<>(Map.of("amplitude", 1000.0, "start", start));
            if (Double.isFinite(stop)) {
                p.put("stop", stop);
            }
            NodeCollection dc = k.create("dc_generator", 1, p);
            NodeCollection vm = k.create("voltmeter", 1, Map.of("interval", h));
            k.connect(dc, n, ConnSpec.allToAll(), SynSpec.of(1.0, delay));
            k.connect(vm, n);
            k.simulate(tSim);
            return k.samples(vm).values("V_m");
        }
    }
}
