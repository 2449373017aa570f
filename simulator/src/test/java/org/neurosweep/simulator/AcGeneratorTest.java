package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurosweep.simulator.devices.MultimeterEvents;

/**
 * NEST 3.10's test_ac_generator: an ac_generator (amplitude 550, offset 1000 pA, 100 Hz, phase 0, start
 * 5.0, stop 6.0 ms) drives an iaf_psc_alpha exactly as a step_current_generator with the values
 * 1000 + 550 sin(2 pi 100 Hz t) switched in at t = 5.0, 5.1, ..., 5.9 ms does (rel 1e-6).
 */
class AcGeneratorTest {
    @Test
    void anAcGeneratorIsTheStepCurrentOfItsSamples() {
        try (Kernel k = Kernel.builder().build()) {
            NodeCollection n = k.create("iaf_psc_alpha", 2);
            NodeCollection ac = k.create("ac_generator", 1, Map.of("amplitude", 550.0, "offset", 1000.0, "frequency", 100.0,
                    "phase", 0.0, "start", 5.0, "stop", 6.0));
            double[] times = new double[10];
            double[] values = new double[10];
            for (int i = 0; i < 10; i++) {
                times[i] = 5.0 + i / 10.0;
                values[i] = 1000 + 550 * Math.sin(2 * Math.PI * 100 / 1000 * times[i]);
            }
            NodeCollection step = k.create("step_current_generator", 1, Map.of("amplitude_times", times,
                    "amplitude_values", values, "start", 5.0, "stop", 6.0));
            NodeCollection vm = k.create("voltmeter", 1, Map.of("interval", 0.1));
            k.connect(ac, n.slice(0, 1));
            k.connect(step, n.slice(1, 2));
            k.connect(vm, n);
            k.simulate(10.0);
            MultimeterEvents e = k.samples(vm);
            double[] v = e.values("V_m");
            int compared = 0;
            double maxDeparture = 0;
            for (int i = 0; i + 1 < e.size(); i += 2) {
                assertEquals(e.times()[i], e.times()[i + 1], 0.0);
                assertEquals(v[i + 1], v[i], 1e-6 * Math.abs(v[i + 1]), "V_m at " + e.times()[i] + " ms");
                maxDeparture = Math.max(maxDeparture, v[i] + 70);
                compared++;
            }
            assertEquals(100, compared);
            assertTrue(maxDeparture > 1, "the current moved the membrane: " + maxDeparture + " mV");
        }
    }

    @Test
    void aPhaseInDegreesAndBadValues() {
        try (Kernel k = Kernel.builder().build()) {
            // phase 90 degrees: the value stamped t is offset + amplitude cos(2 pi f t); at f = 0 a constant
            NodeCollection n = k.create("iaf_psc_delta", 1, Map.of("V_th", Double.POSITIVE_INFINITY));
            NodeCollection ac = k.create("ac_generator", 1, Map.of("amplitude", 100.0, "frequency", 0.0, "phase", 90.0));
            NodeCollection dc = k.create("dc_generator", 1, Map.of("amplitude", 100.0));
            NodeCollection m = k.create("iaf_psc_delta", 1, Map.of("V_th", Double.POSITIVE_INFINITY));
            NodeCollection vm = k.create("voltmeter", 1, Map.of("interval", 0.1));
            k.connect(ac, n);
            k.connect(dc, m);
            k.connect(vm, n.plus(m));
            k.simulate(5.0);
            double[] v = k.samples(vm).values("V_m");
            for (int i = 0; i + 1 < v.length; i += 2) {
                assertEquals(v[i + 1], v[i], 1e-12, "sin(90 degrees) = 1: the same as a dc_generator");
            }
            BadParameterException bad = assertThrows(BadParameterException.class,
                    () -> k.create("ac_generator", 1, Map.of("frequency", Double.POSITIVE_INFINITY)));
            assertTrue(bad.getMessage().contains("frequency (Hz) = Infinity must be finite"), bad.getMessage());
        }
    }
}
