package org.neurosweep.simulator.models;

import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.BadParameterException;
import org.neurosweep.simulator.Params;
import org.neurosweep.simulator.SimulationException;

/**
 * The adaptive exponential integrate-and-fire neurons (AdEx; Brette and Gerstner 2005) NEST calls
 * aeif_cond_exp and aeif_cond_alpha: what they share. The membrane
 * C dV/dt = -g_L (V - E_L) + g_L Delta_T e^{(V - V_th)/Delta_T} - I_syn - w + I_e + I_stim with
 * tau_w dw/dt = a (V - E_L) - w, V taken as at most V_peak. A spike is found after every accepted
 * integration step inside a resolution step (so several may fall in one step with t_ref = 0): V is reset
 * and w grows by b. Integrated with NEST's RKF45 and its y' error control at {@code gsl_error_tol}.
 * The synapse part (exponential or alpha conductances) is each model's.
 */
public abstract class AeifModel extends OdeModel<AeifModel.P> {
    static final List<String> NAMES = List.of("C_m", "g_L", "E_L", "V_th", "Delta_T", "V_peak", "V_reset", "t_ref", "a",
            "b", "tau_w", "E_ex", "E_in", "tau_syn_ex", "tau_syn_in", "I_e", "gsl_error_tol");
    /** ln(DBL_MAX / 1e20): the largest exponent NEST lets the spike current reach. */
    private static final double MAX_EXPONENT = Math.log(Double.MAX_VALUE / 1e20);

    /** Part 1, with NEST's defaults: C_m 281 pF, g_L 30 nS, E_L -70.6 mV, V_th -50.4 mV, Delta_T 2 mV, ... */
    public record P(double cM, double gL, double eL, double vTh, double deltaT, double vPeak, double vReset, double tRef, double a,
             double b, double tauW, double eEx, double eIn, double tauSynEx, double tauSynIn, double iE, double tolerance) {
        /** Where a spike is detected: V_peak, or V_th when Delta_T is 0 (an integrate-and-fire neuron). */
        double detection() {
            return deltaT > 0 ? vPeak : vTh;
        }
    }

    private final int v;
    private final int gEx;
    private final int gIn;
    private final int w;

    /** @param state the state vector's names, which must include V_m, g_ex, g_in and w */
    protected AeifModel(String name, List<String> state) {
        super(name, NAMES, state);
        v = state.indexOf("V_m");
        gEx = state.indexOf("g_ex");
        gIn = state.indexOf("g_in");
        w = state.indexOf("w");
    }

    @Override
    public List<String> recordables() {
        return List.of("V_m", "g_ex", "g_in", "w");
    }

    @Override
    public P parse(Params p) {
        String m = name();
        P q = new P(p.number("C_m", 281), p.number("g_L", 30), p.number("E_L", -70.6), p.number("V_th", -50.4),
                p.number("Delta_T", 2), p.number("V_peak", 0), p.number("V_reset", -60), p.number("t_ref", 0),
                p.number("a", 4), p.number("b", 80.5), p.number("tau_w", 144), p.number("E_ex", 0), p.number("E_in", -85),
                p.number("tau_syn_ex", 0.2), p.number("tau_syn_in", 2), p.number("I_e", 0), p.number("gsl_error_tol", 1e-6));
        if (!(q.vPeak >= q.vTh)) {
            throw new BadParameterException(m + ": V_peak = " + q.vPeak + " mV must be at least V_th = " + q.vTh + " mV");
        }
        Params.nonNegative(m, "Delta_T", q.deltaT, "mV");
        if (q.deltaT > 0 && (q.vPeak - q.vTh) / q.deltaT >= MAX_EXPONENT) {
            throw new BadParameterException(m + ": (V_peak - V_th) / Delta_T = " + (q.vPeak - q.vTh) / q.deltaT
                    + " would overflow the exponential; it must be below " + MAX_EXPONENT);
        }
        if (!(q.vReset < q.vPeak)) {
            throw new BadParameterException(m + ": V_reset = " + q.vReset + " mV must be below V_peak = " + q.vPeak + " mV");
        }
        Params.positive(m, "C_m", q.cM, "pF");
        Params.nonNegative(m, "t_ref", q.tRef, "ms");
        Params.positive(m, "tau_syn_ex", q.tauSynEx, "ms");
        Params.positive(m, "tau_syn_in", q.tauSynIn, "ms");
        Params.positive(m, "tau_w", q.tauW, "ms");
        Params.positive(m, "gsl_error_tol", q.tolerance, "");
        return q;
    }

    @Override
    public Map<String, Object> toMap(P q) {
        return Params.named(NAMES, q.cM, q.gL, q.eL, q.vTh, q.deltaT, q.vPeak, q.vReset, q.tRef, q.a, q.b, q.tauW, q.eEx, q.eIn,
                q.tauSynEx, q.tauSynIn, q.iE, q.tolerance);
    }

    /** Part 2: V_m at E_L's default, no conductance, no adaptation. */
    @Override
    public void initialize(P p, double[] y) {
        y[v] = -70.6;
    }

    @Override
    public void checkState(P p, String variable, double value) {
        if ((variable.equals("g_ex") || variable.equals("g_in")) && value < 0) {
            throw new BadParameterException(name() + ": " + variable + " = " + value + " nS; conductances must not be negative");
        }
    }

    /** Part 3, the membrane and adaptation (the model adds its synapses'). */
    protected final void membrane(P p, double[] y, double[] dydt, OdeStep step) {
        boolean refractory = step.r > 0;
        double vv = refractory ? p.vReset : Math.min(y[v], p.vPeak);
        double iSpike = p.deltaT == 0 ? 0 : p.gL * p.deltaT * Math.exp((vv - p.vTh) / p.deltaT);
        double iSyn = y[gEx] * (vv - p.eEx) + y[gIn] * (vv - p.eIn);
        dydt[v] = refractory ? 0 : (-p.gL * (vv - p.eL) + iSpike - iSyn - y[w] + p.iE + step.current) / p.cM;
        dydt[w] = (p.a * (vv - p.eL) - y[w]) / p.tauW;
    }

    /** Part 4: integration steps with spike detection after each; then the refractory count and the step's input. */
    @Override
    public final void update(P p, double[] y, OdeStep step) {
        double vPeak = p.detection();
        int counts = refractorySteps(p.tRef, step.h);
        double t = 0;
        while (t < step.h) {
            t = step.evolve(y, t);
            if (y[v] < -1e3 || y[w] < -1e6 || y[w] > 1e6) {
                throw new SimulationException(name() + ": numerical instability, V_m = " + y[v] + " mV, w = " + y[w]
                        + " pA (check a, b, tau_w and the input)");
            }
            if (step.r > 0) {
                y[v] = p.vReset;
            } else if (y[v] >= vPeak) {
                y[v] = p.vReset;
                y[w] += p.b;
                step.r = counts > 0 ? counts + 1 : 0; // the +1 is counted down at the end of this step
                step.spike();
            }
        }
        if (step.r > 0) {
            step.r--;
        }
        addInput(p, y, step);
    }

    /** The step's arriving spikes into the synapses (weights in nS; inhibitory ones negative). */
    protected abstract void addInput(P p, double[] y, OdeStep step);

    @Override
    public final Rkf45 integrator(P p) {
        return Rkf45.dydtControl(state().size(), p.tolerance, p.tolerance);
    }
}
