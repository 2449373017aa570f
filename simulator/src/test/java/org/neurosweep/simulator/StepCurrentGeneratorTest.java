package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * NEST 3.10's test_step_current_generator: iaf_psc_alpha with V_th 1e10, C_m 1 pF, tau_m 1 ms, E_L 0,
 * V_reset 0, V_m 0; a step_current_generator from start 5.0 to stop 15.0 ms with amplitude_times
 * [1.5, 5.5, 7.5, 10.0, 14.9, 15.0, 20.0] ms and values [1, -2, 4, -8, 16, -32, 64] pA, delay 1.0 ms, a
 * voltmeter every 0.1 ms for 25 ms; all 240 of NEST's samples (resources nest/step_current_generator_vm.txt)
 * agree to 5 decimals, as NEST asserts.
 */
class StepCurrentGeneratorTest {

    private static double[] nestTrace() {
        try (var in = StepCurrentGeneratorTest.class.getResourceAsStream("/nest/step_current_generator_vm.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).mapToDouble(Double::parseDouble).toArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
    @Test
    void nestsReferenceTrace() {
        try (Kernel k = Kernel.builder().build()) {
            NodeCollection n = k.create("iaf_psc_alpha", 1, Map.of("V_th", 1e10, "C_m", 1.0, "tau_m", 1.0, "E_L", 0.0,
                    "V_reset", 0.0, "V_m", 0.0));
            NodeCollection g = k.create("step_current_generator", 1, Map.of("start", 5.0, "stop", 15.0,
                    "amplitude_times", new double[] {1.5, 5.5, 7.5, 10.0, 14.9, 15.0, 20.0},
                    "amplitude_values", new double[] {1, -2, 4, -8, 16, -32, 64}));
            NodeCollection vm = k.create("voltmeter", 1, Map.of("interval", 0.1));
            k.connect(g, n, ConnSpec.allToAll(), SynSpec.of(1.0, 1.0));
            k.connect(vm, n);
            k.simulate(25.0);
            double[] v = k.samples(vm).values("V_m");
            double[] nest = nestTrace();
            assertEquals(240, nest.length);
            // NEST's voltmeter holds 0.1 .. 24.0 ms after Simulate(25): the samples of the last min_delay (1 ms)
            // reach it with the next Simulate call. Ours holds them all at once: 250 samples, the first 240 NEST's.
            assertEquals(250, v.length, "samples at 0.1 .. 25.0 ms");
            for (int i = 0; i < nest.length; i++) {
                // numpy's assert_almost_equal(decimal=5): |expected - actual| < 1.5e-5
                assertTrue(Math.abs(nest[i] - v[i]) < 1.5e-5, "V_m(" + (i + 1) / 10.0 + ") = " + v[i] + ", NEST " + nest[i]);
            }
        }
    }

    @Test
    void badAmplitudesAreRefusedNamingThem() {
        try (Kernel k = Kernel.builder().build()) {
            BadParameterException e = assertThrows(BadParameterException.class, () -> k.create("step_current_generator", 1,
                    Map.of("amplitude_times", new double[] {1, 2}, "amplitude_values", new double[] {1})));
            assertTrue(e.getMessage().contains("amplitude_times has 2 entries and amplitude_values 1"), e.getMessage());
            e = assertThrows(BadParameterException.class, () -> k.create("step_current_generator", 1,
                    Map.of("amplitude_times", new double[] {1, 2, 2}, "amplitude_values", new double[] {1, 2, 3})));
            assertTrue(e.getMessage().contains("strictly increasing; 2.0 ms follows 2.0 ms"), e.getMessage());
            e = assertThrows(BadParameterException.class, () -> k.create("step_current_generator", 1,
                    Map.of("amplitude_times", new double[] {1.25}, "amplitude_values", new double[] {1})));
            assertTrue(e.getMessage().contains("1.25 ms is not on the grid"), e.getMessage());
        }
    }
}
