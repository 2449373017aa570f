package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurosweep.simulator.Brian2Setup.Dc;
import org.neurosweep.simulator.Brian2Setup.Traces;
import org.neurosweep.simulator.Brian2Setup.Train;

/**
 * izhikevich, hh_psc_alpha, iaf_cond_exp and iaf_cond_alpha against Brian2 2.5 (Debian's python3-brian),
 * for which NEST's test suite has no reference traces. Each test runs one setup in our simulator and in a
 * Brian2 script of src/test/resources/brian2 that states NEST's equations, update order and timing of
 * input (NEST 3.10's models/*.cpp and nestkernel; docs/nest-validation.md), with Brian2's numpy target. The setups drive two
 * neurons (different I_e) through subthreshold responses to excitatory and inhibitory spikes from
 * spike_generators (delays 1 and 1.5 ms), a spike caused by a burst of them, and a dc step that makes them
 * fire repeatedly, with spikes arriving while they are refractory. Compared: V_m at every step of
 * h = 0.1 ms (NEST's end-of-step samples), and the spike times.
 * <ul>
 *   <li><b>izhikevich</b>: both take the same forward Euler step (consistent_integration), so they agree to
 *       rounding: V_m within 1e-9 mV, spike times identical. Inhibition pushes V_m to V_min = -75 mV.</li>
 *   <li><b>iaf_cond_exp, iaf_cond_alpha</b>: Brian2 integrates by RK4 at h/4, we by RKF45 with NEST's
 *       absolute tolerance 1e-3. V_m within that 1e-3 mV on every sample before the first spike that is
 *       not at the same step (a spike a step apart moves the reset and everything after it); spike times
 *       within one step h. Brian2's own error at h/4 is at most 5.5e-5 mV (against RK4 at h/20), so the
 *       comparison sees ours; against h/20 ours differ by 6e-6 (exp) and 1.1e-5 mV (alpha).</li>
 *   <li><b>hh_psc_alpha</b>: Brian2 by RK4 at h/5. V_m within 0.01 mV on every sample, spikes included
 *       (the model resets nothing, so a spike detected a step apart would not change V_m), where V_m moves
 *       at up to ~100 mV/ms: RK4 at h/5 is within 1.9e-3 mV of RK4 at h/20, and ours within 2.3e-3 mV of
 *       h/20; spike times within one step. Its f-I curve: the spike counts over 500 ms at I_e = 0, 200, 500,
 *       700 and 1000 pA equal within one (Brian2 at h/2, whose spike times are those at h/10).</li>
 * </ul>
 * A missing Brian2 skips these tests locally and fails them under CI.
 */
class Brian2ComparisonTest {
    private static final double H = 0.1;

    @BeforeEach
    void requireBrian2() {
        Brian2Setup.requireBrian2();
    }

    /** A train of spikes every 0.1 ms from {@code from}, {@code n} of them. */
    private static double[] burst(double from, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = Math.round((from + i * H) * 10) / 10.0;
        }
        return t;
    }

    /** A setup's excitatory and inhibitory trains: single spikes, a burst at 40 ms, spikes during the dc step. */
    private static List<Train> trains(double excitatory, double inhibitory) {
        double[] ex = new double[13];
        ex[0] = 10.0;
        System.arraycopy(burst(40.0, 10), 0, ex, 1, 10);
        ex[11] = 120.0;
        ex[12] = 120.1;
        return List.of(new Train(ex, excitatory, 1.0), new Train(new double[] {60.0, 150.0, 152.0}, inhibitory, 1.5));
    }

    @Test
    void izhikevichTakesTheSameEulerSteps() throws Exception {
        Brian2Setup s = new Brian2Setup("izhikevich.py", "izhikevich", H, 1, 300.0, Map.of("V_min", -75.0),
                new double[] {0.0, 4.0}, new Dc(10.0, 100.0, 250.0, 1.0), trains(6.0, -15.0));
        Traces[] t = both(s);
        boolean clamped = false;
        for (int i = 0; i < 2; i++) {
            assertTrue(t[0].spikes().get(i).length >= 4, "neuron " + i + " spikes: " + Arrays.toString(t[0].spikes().get(i)));
            assertArrayEquals(t[1].spikes().get(i), t[0].spikes().get(i), 1e-9, "neuron " + i + "'s spike times");
            double dv = maxDifference(t[0].vm().get(i), t[1].vm().get(i), t[0].vm().get(i).length);
            assertTrue(dv <= 1e-9, "neuron " + i + ": V_m differs by " + dv + " mV");
            clamped |= Arrays.stream(t[0].vm().get(i)).anyMatch(v -> v == -75.0);
        }
        assertTrue(clamped, "the inhibitory spikes push V_m to V_min");
    }

    @ParameterizedTest
    @ValueSource(strings = {"iaf_cond_exp", "iaf_cond_alpha"})
    void iafCondFollowsRungeKuttaAtAQuarterOfTheStep(String model) throws Exception {
        Brian2Setup s = new Brian2Setup("iaf_cond.py", model, H, 4, 200.0, Map.of(), new double[] {0.0, 200.0},
                new Dc(400.0, 100.0, 180.0, 1.0), trains(40.0, -15.0));
        Traces[] t = both(s);
        for (int i = 0; i < 2; i++) {
            double[] ours = t[0].spikes().get(i);
            assertTrue(ours.length >= 8, "neuron " + i + " spikes: " + Arrays.toString(ours));
            int agreeUntil = spikesWithinAStep(ours, t[1].spikes().get(i), i);
            double dv = maxDifference(t[0].vm().get(i), t[1].vm().get(i), agreeUntil);
            assertTrue(dv <= 1e-3, model + " neuron " + i + ": V_m differs by " + dv + " mV");
        }
    }

    @Test
    void hhPscAlphaFollowsRungeKuttaAtAFifthOfTheStep() throws Exception {
        Brian2Setup s = new Brian2Setup("hh_psc_alpha.py", "hh_psc_alpha", H, 5, 200.0, Map.of(), new double[] {0.0, 100.0},
                new Dc(700.0, 100.0, 180.0, 1.0), trains(300.0, -100.0));
        Traces[] t = both(s);
        for (int i = 0; i < 2; i++) {
            double[] ours = t[0].spikes().get(i);
            assertTrue(ours.length >= 4, "neuron " + i + " spikes: " + Arrays.toString(ours));
            spikesWithinAStep(ours, t[1].spikes().get(i), i);
            double dv = maxDifference(t[0].vm().get(i), t[1].vm().get(i), t[0].vm().get(i).length);
            assertTrue(dv <= 0.01, "neuron " + i + ": V_m differs by " + dv + " mV");
        }
    }

    @Test
    void hhPscAlphaFiresAsOftenAsBrian2() throws Exception {
        double[] currents = {0.0, 200.0, 500.0, 700.0, 1000.0};
        Brian2Setup s = new Brian2Setup("hh_psc_alpha.py", "hh_psc_alpha", H, 2, 500.0, Map.of(), currents, null, List.of());
        Traces[] t = both(s);
        int[] ours = new int[currents.length];
        for (int i = 0; i < currents.length; i++) {
            ours[i] = t[0].spikes().get(i).length;
            int theirs = t[1].spikes().get(i).length;
            assertTrue(Math.abs(ours[i] - theirs) <= 1, "I_e = " + currents[i] + " pA: " + ours[i] + " spikes, Brian2 " + theirs);
        }
        assertEquals(0, ours[0], "at rest");
        assertTrue(ours[4] > 20, "repetitive firing at 1000 pA: " + ours[4]);
    }

    /**
     * aeif_cond_exp at NEST's defaults (a = 4 nS, b = 80.5 pA, tau_w = 144 ms), which NEST's LSODAR trace
     * (b = 0) leaves out: a dc step makes both neurons fire repeatedly with spike-frequency adaptation, w
     * jumping by b at every spike. Brian2 by RK4 at h/10, V >= V_peak tested after every substep. Spike times
     * within one step (a b missed or doubled moves every later spike by many steps); V_m within 0.06 mV on
     * the samples below V_th before the first spike not at the same step (the upswing to V_peak takes under
     * a step). The difference is Brian2's: its reset falls on a substep, ours where the adaptive step finds
     * V_peak; measured 0.044 mV at h/10 and 0.0115 mV at h/40 (all 9 spikes then in the same step).
     */
    @Test
    void aeifAdaptsAsBrian2() throws Exception {
        Brian2Setup s = new Brian2Setup("aeif_cond_exp.py", "aeif_cond_exp", H, 10, 300.0, Map.of(), new double[] {0.0, 300.0},
                new Dc(1000.0, 50.0, 250.0, 1.0), trains(10.0, -15.0));
        Traces[] t = both(s);
        for (int i = 0; i < 2; i++) {
            double[] ours = t[0].spikes().get(i);
            assertTrue(ours.length >= 6, "neuron " + i + " spikes: " + Arrays.toString(ours));
            double firstIsi = ours[2] - ours[1];
            double lastIsi = ours[ours.length - 1] - ours[ours.length - 2];
            assertTrue(lastIsi > 1.5 * firstIsi, "neuron " + i + " adapts: ISIs " + firstIsi + " then " + lastIsi + " ms");
            int agreeUntil = spikesWithinAStep(ours, t[1].spikes().get(i), i);
            double[] a = t[0].vm().get(i);
            double[] b = t[1].vm().get(i);
            double max = 0;
            int compared = 0;
            for (int k = 0; k < Math.min(agreeUntil, a.length); k++) {
                if (a[k] < -50.4 && b[k] < -50.4) {
                    max = Math.max(max, Math.abs(a[k] - b[k]));
                    compared++;
                }
            }
            assertTrue(compared > 500, "samples compared: " + compared);
            assertTrue(max <= 0.06, "neuron " + i + ": V_m differs by " + max + " mV");
        }
    }

    /** Both simulators on one setup: [ours, Brian2's]. */
    private static Traces[] both(Brian2Setup s) throws Exception {
        return new Traces[] {s.ours(), s.brian2()};
    }

    /**
     * Asserts the same number of spikes, each within one step of Brian2's; returns the number of samples
     * before the first spike that is not at the same step (all of them if none).
     */
    private static int spikesWithinAStep(double[] ours, double[] brian2, int neuron) {
        assertEquals(brian2.length, ours.length, "neuron " + neuron + "'s spikes: ours " + Arrays.toString(ours)
                + ", Brian2's " + Arrays.toString(brian2));
        int samples = Integer.MAX_VALUE;
        for (int k = 0; k < ours.length; k++) {
            double d = Math.abs(ours[k] - brian2[k]);
            assertTrue(d <= H + 1e-9, "neuron " + neuron + "'s spike " + k + ": " + ours[k] + " ms, Brian2 " + brian2[k] + " ms");
            if (d > 1e-9) {
                samples = Math.min(samples, (int) Math.round(Math.min(ours[k], brian2[k]) / H) - 1);
            }
        }
        return samples;
    }

    /** The largest difference of the first {@code n} samples. */
    private static double maxDifference(double[] a, double[] b, int n) {
        assertEquals(a.length, b.length, "samples");
        double max = 0;
        for (int i = 0; i < Math.min(n, a.length); i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
