package org.neurosweep.simulator.models;

import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.Params;

/**
 * hh_psc_alpha: Hodgkin-Huxley sodium, potassium and leak channels with alpha-shaped synaptic currents
 * (a spike of weight w pA gives a current peaking at w after tau_syn; inhibitory weights stay negative).
 * A spike is reported in the step after the voltage peak: V_m at or above 0 mV and falling; t_ref only
 * keeps it from being detected again. Integrated with NEST's RKF45 (absolute tolerance 1e-3).
 */
public final class HhPscAlpha extends OdeModel<HhPscAlpha.P> {
    public static final String NAME = "hh_psc_alpha";
    private static final List<String> NAMES = List.of("t_ref", "g_Na", "g_K", "g_L", "C_m", "E_Na", "E_K", "E_L",
            "tau_syn_ex", "tau_syn_in", "I_e");
    public static final HhPscAlpha MODEL = new HhPscAlpha(); // after NAMES, which its constructor reads
    private static final int V = 0;
    private static final int M = 1;
    private static final int H = 2;
    private static final int N = 3;
    private static final int DI_EX = 4;
    private static final int I_EX = 5;
    private static final int DI_IN = 6;
    private static final int I_IN = 7;

    /** Part 1, NEST's defaults: t_ref 2 ms, g_Na 12000 nS, g_K 3600 nS, g_L 30 nS, C_m 100 pF, E_Na 50, E_K -77, E_L -54.402 mV. */
    public record P(double tRef, double gNa, double gK, double gL, double cM, double eNa, double eK, double eL, double tauSynEx,
             double tauSynIn, double iE) {
    }

    private HhPscAlpha() {
        super(NAME, NAMES, List.of("V_m", "Act_m", "Inact_h", "Act_n", "dI_syn_ex", "I_syn_ex", "dI_syn_in", "I_syn_in"));
    }

    @Override
    public List<String> recordables() {
        return List.of("V_m", "I_syn_ex", "I_syn_in", "Act_m", "Inact_h", "Act_n");
    }

    @Override
    public P parse(Params p) {
        P q = new P(p.number("t_ref", 2), p.number("g_Na", 12000), p.number("g_K", 3600), p.number("g_L", 30),
                p.number("C_m", 100), p.number("E_Na", 50), p.number("E_K", -77), p.number("E_L", -54.402),
                p.number("tau_syn_ex", 0.2), p.number("tau_syn_in", 2), p.number("I_e", 0));
        Params.positive(NAME, "C_m", q.cM, "pF");
        Params.nonNegative(NAME, "t_ref", q.tRef, "ms");
        Params.positive(NAME, "tau_syn_ex", q.tauSynEx, "ms");
        Params.positive(NAME, "tau_syn_in", q.tauSynIn, "ms");
        Params.nonNegative(NAME, "g_Na", q.gNa, "nS");
        Params.nonNegative(NAME, "g_K", q.gK, "nS");
        Params.nonNegative(NAME, "g_L", q.gL, "nS");
        return q;
    }

    @Override
    public Map<String, Object> toMap(P q) {
        return Params.named(NAMES, q.tRef, q.gNa, q.gK, q.gL, q.cM, q.eNa, q.eK, q.eL, q.tauSynEx, q.tauSynIn, q.iE);
    }

    /** Part 2: V_m = -65 mV (NEST's, whatever E_L), each gate at its steady state there. */
    @Override
    public void initialize(P p, double[] y) {
        double v = -65.0;
        y[V] = v;
        y[M] = alphaM(v) / (alphaM(v) + betaM(v));
        y[H] = alphaH(v) / (alphaH(v) + betaH(v));
        y[N] = alphaN(v) / (alphaN(v) + betaN(v));
    }

    @Override
    public void checkState(P p, String variable, double value) {
        if (variable.startsWith("Act_") || variable.startsWith("Inact_")) {
            Params.nonNegative(NAME, variable, value, "");
        }
    }

    // rates (1/ms) at V (mV)
    private static double alphaN(double v) {
        return 0.01 * (v + 55.0) / (1.0 - Math.exp(-(v + 55.0) / 10.0));
    }

    private static double betaN(double v) {
        return 0.125 * Math.exp(-(v + 65.0) / 80.0);
    }

    private static double alphaM(double v) {
        return 0.1 * (v + 40.0) / (1.0 - Math.exp(-(v + 40.0) / 10.0));
    }

    private static double betaM(double v) {
        return 4.0 * Math.exp(-(v + 65.0) / 18.0);
    }

    private static double alphaH(double v) {
        return 0.07 * Math.exp(-(v + 65.0) / 20.0);
    }

    private static double betaH(double v) {
        return 1.0 / (1.0 + Math.exp(-(v + 35.0) / 10.0));
    }

    /** Part 3. */
    @Override
    public void derivatives(P p, double[] y, double[] dydt, OdeStep step) {
        double v = y[V];
        double m = y[M];
        double h = y[H];
        double n = y[N];
        double iNa = p.gNa * m * m * m * h * (v - p.eNa);
        double iK = p.gK * n * n * n * n * (v - p.eK);
        double iL = p.gL * (v - p.eL);
        dydt[V] = (-(iNa + iK + iL) + step.current + p.iE + y[I_EX] + y[I_IN]) / p.cM;
        dydt[M] = alphaM(v) * (1 - m) - betaM(v) * m;
        dydt[H] = alphaH(v) * (1 - h) - betaH(v) * h;
        dydt[N] = alphaN(v) * (1 - n) - betaN(v) * n;
        dydt[DI_EX] = -y[DI_EX] / p.tauSynEx;
        dydt[I_EX] = y[DI_EX] - y[I_EX] / p.tauSynEx;
        dydt[DI_IN] = -y[DI_IN] / p.tauSynIn;
        dydt[I_IN] = y[DI_IN] - y[I_IN] / p.tauSynIn;
    }

    /** Part 4: integrate; the step's spikes into the currents; a spike when V_m is at or above 0 mV and falling. */
    @Override
    public void update(P p, double[] y, OdeStep step) {
        double before = y[V];
        step.integrate(y);
        y[DI_EX] += step.ex * Math.E / p.tauSynEx;
        y[DI_IN] += step.in * Math.E / p.tauSynIn;
        if (step.r > 0) {
            step.r--;
        } else if (y[V] >= 0 && before > y[V]) {
            step.r = refractorySteps(p.tRef, step.h);
            step.spike();
        }
    }
}
