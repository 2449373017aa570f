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
 * voltmeter every 0.1 ms for 25 ms; NEST's 240 samples agree to 5 decimals.
 */
class StepCurrentGeneratorTest {
    private static final double[][] NEST = {{6.0, 0.0}, {6.1, 0.0951626}, {6.2, 0.181269}, {6.3, 0.259182}, {6.4, 0.32968},
        {6.5, 0.393469}, {6.6, 0.165701}, {6.7, -0.040393}, {6.8, -0.226874}, {8.5, -1.67608}, {8.6, -1.13593},
        {8.7, -0.647181}, {11.0, 3.53408}, {11.1, 2.43647}, {11.2, 1.44331}, {15.9, -7.91411}, {16.0, -5.63838},
        {16.1, -5.10182}, {16.2, -4.61632}, {23.6, -0.00282174}, {23.7, -0.00255321}, {23.8, -0.00231024},
        {23.9, -0.00209039}, {24.0, -0.00189147}};

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
            for (int i = 0; i < 60; i++) {
                assertEquals(0.0, v[i], 0.0, "no current before 6.0 ms: sample " + (i + 1));
            }
            for (double[] row : NEST) {
                assertEquals(row[1], v[(int) Math.round(row[0] * 10) - 1], 1e-5, "V_m(" + row[0] + ")");
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
