package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurosweep.simulator.devices.MultimeterEvents;

/** Membrane potentials and spike times against closed forms (NEST defaults unless stated). */
class AnalyticTest {
    private static final double H = 0.1;

    /** V(t) = E_L + I_e tau_m / C_m (1 - e^{-t/tau_m}) below threshold, for every model. */
    @ParameterizedTest
    @ValueSource(strings = {"iaf_psc_delta", "iaf_psc_exp", "iaf_psc_alpha"})
    void membranePotentialUnderDcFollowsTheClosedForm(String model) {
        try (Kernel k = Kernel.builder().build()) {
            NodeCollection n = k.create(model, 1, Map.of("I_e", 200.0));
            NodeCollection mm = k.create("multimeter", 1, Map.of("interval", H));
            k.connect(mm, n);
            k.simulate(100.0);
            MultimeterEvents e = k.samples(mm);
            assertEquals(1000, e.size());
            for (int i = 0; i < e.size(); i++) {
                double t = e.times()[i];
                double expected = -70 + 200.0 * 10 / 250 * (1 - Math.exp(-t / 10));
                assertEquals(expected, e.values("V_m")[i], 1e-12, model + " at " + t + " ms");
            }
        }
    }

    /** First spike at the first step where V >= V_th; then t_ref clamped; then the same climb again. */
    @ParameterizedTest
    @ValueSource(strings = {"iaf_psc_delta", "iaf_psc_exp", "iaf_psc_alpha"})
    void firstSpikeAndRefractorinessUnderDc(String model) {
        double iE = 400;
        double tStar = -10 * Math.log(1 - 15.0 * 250 / (iE * 10)); // time to climb from E_L to V_th
        long firstStamp = (long) Math.ceil(tStar / H - 1e-9);
        try (Kernel k = Kernel.builder().build()) {
            NodeCollection n = k.create(model, 1, Map.of("I_e", iE, "t_ref", 3.0));
            NodeCollection sr = k.create("spike_recorder");
            NodeCollection mm = k.create("multimeter", 1, Map.of("interval", H));
            k.connect(n, sr);
            k.connect(mm, n);
            k.simulate(200.0);
            double[] times = k.spikes(sr).times();
            assertTrue(times.length >= 3, "spikes: " + times.length);
            assertEquals(firstStamp * H, times[0], 1e-9, "first spike time, t* = " + tStar);
            assertEquals(times[0] + 3.0 + times[0], times[1], 1e-9, "interval = t_ref + climb from V_reset = E_L");
            MultimeterEvents e = k.samples(mm);
            int spikeSample = (int) Math.round(times[0] / H) - 1; // the sample at the spike time
            for (int s = 0; s <= 30; s++) {
                assertEquals(-70.0, e.values("V_m")[spikeSample + s], 1e-12, "at V_reset from t1 to t1 + t_ref, step " + s);
            }
            assertTrue(e.values("V_m")[spikeSample + 31] > -70.0, "free again after t_ref");
        }
    }

    /** A single spike's PSP: V(t - t0) of the closed forms, sampled every step. */
    private static double[] psp(String model, Map<String, ?> neuron, double weight) {
        try (Kernel k = Kernel.builder().build()) {
            NodeCollection sg = k.create("spike_generator", 1, Map.of("spike_times", new double[] {10.0}));
            NodeCollection n = k.create(model, 1, neuron);
            NodeCollection mm = k.create("multimeter", 1, Map.of("interval", H));
            k.connect(sg, n, ConnSpec.allToAll(), SynSpec.of(weight, 1.0));
            k.connect(mm, n);
            k.simulate(60.0);
            return k.samples(mm).values("V_m");
        }
    }

    /**
     * The input arrives at t0 = spike time + delay = 11 ms (NEST's semantics); sample i is at time (i+1) h.
     * Before t0 the neuron rests; from t0 on V follows the closed form of s = t - t0.
     */
    private static void assertPsp(double[] v, java.util.function.DoubleUnaryOperator expected, double eL, String what) {
        for (int i = 0; i < v.length; i++) {
            double t = (i + 1) * H;
            double s = t - 11.0;
            double want = eL + (s < -1e-9 ? 0 : expected.applyAsDouble(Math.max(0, s)));
            assertEquals(want, v[i], 1e-11, what + " at " + t + " ms");
        }
    }

    @Test
    void deltaPspJumpsByTheWeightAndDecays() {
        double[] v = psp("iaf_psc_delta", Map.of(), 2.0);
        assertPsp(v, s -> 2.0 * Math.exp(-s / 10), -70, "delta");
    }

    @Test
    void exponentialPspShapeAndPeak() {
        double w = 100;
        double tauS = 2;
        double a = 1.0 / 10 - 1.0 / tauS;
        double[] v = psp("iaf_psc_exp", Map.of(), w);
        assertPsp(v, u -> w / 250 * Math.exp(-u / 10) * Math.expm1(a * u) / a, -70, "exp");
        double peak = Math.log(10 / tauS) * 10 * tauS / (10 - tauS); // argmax of the difference of exponentials
        assertEquals(11.0 + peak, peakTime(v), H, "exp PSP peak time");
    }

    @Test
    void alphaPspShapeAndPeak() {
        double w = 100;
        double tauS = 2;
        double a = 1.0 / 10 - 1.0 / tauS;
        double[] v = psp("iaf_psc_alpha", Map.of(), w);
        assertPsp(v, u -> w * Math.E / tauS / 250 * Math.exp(-u / 10) * (Math.exp(a * u) * (a * u - 1) + 1) / (a * a),
                -70, "alpha");
        double peak = peakOfAlpha(tauS, 10);
        assertEquals(11.0 + peak, peakTime(v), H, "alpha PSP peak time");
    }

    @Test
    void equalTimeConstantsAreExactToo() {
        double w = 100;
        double tau = 10;
        double[] exp = psp("iaf_psc_exp", Map.of("tau_syn_ex", tau), w);
        assertPsp(exp, u -> w / 250 * u * Math.exp(-u / tau), -70, "exp, tau_syn = tau_m");
        double[] alpha = psp("iaf_psc_alpha", Map.of("tau_syn_ex", tau), w);
        assertPsp(alpha, u -> w * Math.E / tau / 250 * u * u / 2 * Math.exp(-u / tau), -70, "alpha, tau_syn = tau_m");
        double[] nearlyEqual = psp("iaf_psc_alpha", Map.of("tau_syn_ex", tau * (1 + 1e-9)), w);
        assertArrayEquals(alpha, nearlyEqual, 1e-7, "no jump between the equal and the nearly equal case");
    }

    @Test
    void inhibitoryWeightsGoToTheInhibitoryCurrent() {
        double[] ex = psp("iaf_psc_exp", Map.of("tau_syn_in", 5.0), 100);
        double[] in = psp("iaf_psc_exp", Map.of("tau_syn_ex", 5.0), -100);
        for (int i = 0; i < ex.length; i++) {
            assertEquals(-70 - (ex[i] + 70), in[i], 1e-11, "an inhibitory PSP mirrors an excitatory one of the same time constant");
        }
    }

    private static double peakTime(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return (best + 1) * H;
    }

    /** The alpha PSP's peak: where d/dt of e^{-t/tm}(e^{at}(at-1)+1) vanishes, by bisection. */
    private static double peakOfAlpha(double tauS, double tauM) {
        double a = 1 / tauM - 1 / tauS;
        java.util.function.DoubleUnaryOperator f = t -> Math.exp(-t / tauM) * (Math.exp(a * t) * (a * t - 1) + 1);
        double lo = 0.1;
        double hi = 30;
        for (int i = 0; i < 200; i++) {
            double m1 = lo + (hi - lo) / 3;
            double m2 = hi - (hi - lo) / 3;
            if (f.applyAsDouble(m1) < f.applyAsDouble(m2)) {
                lo = m1;
            } else {
                hi = m2;
            }
        }
        return (lo + hi) / 2;
    }
}
