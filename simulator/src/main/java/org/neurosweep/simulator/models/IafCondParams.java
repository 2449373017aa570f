package org.neurosweep.simulator.models;

import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.BadParameterException;
import org.neurosweep.simulator.Params;

/**
 * The parameters iaf_cond_exp and iaf_cond_alpha share, with NEST's names, units, defaults and checks.
 *
 * @param vTh      threshold V_th (mV), default -55
 * @param vReset   reset potential V_reset (mV), default -60
 * @param tRef     refractory period t_ref (ms), default 2
 * @param gL       leak conductance g_L (nS), default 16.6667
 * @param cM       capacitance C_m (pF), default 250
 * @param eEx      excitatory reversal potential E_ex (mV), default 0
 * @param eIn      inhibitory reversal potential E_in (mV), default -85
 * @param eL       leak reversal potential E_L (mV), default -70
 * @param tauSynEx excitatory synaptic time constant tau_syn_ex (ms), default 0.2
 * @param tauSynIn inhibitory synaptic time constant tau_syn_in (ms), default 2
 * @param iE       constant current I_e (pA), default 0
 */
public record IafCondParams(double vTh, double vReset, double tRef, double gL, double cM, double eEx, double eIn, double eL,
                     double tauSynEx, double tauSynIn, double iE) {
    static final List<String> NAMES = List.of("V_th", "V_reset", "t_ref", "g_L", "C_m", "E_ex", "E_in", "E_L",
            "tau_syn_ex", "tau_syn_in", "I_e");

    public static IafCondParams parse(String model, Params p) {
        IafCondParams q = new IafCondParams(p.number("V_th", -55), p.number("V_reset", -60), p.number("t_ref", 2),
                p.number("g_L", 16.6667), p.number("C_m", 250), p.number("E_ex", 0), p.number("E_in", -85),
                p.number("E_L", -70), p.number("tau_syn_ex", 0.2), p.number("tau_syn_in", 2), p.number("I_e", 0));
        if (!(q.vReset < q.vTh)) {
            throw new BadParameterException(model + ": V_reset = " + q.vReset + " mV must be below V_th = " + q.vTh + " mV");
        }
        Params.positive(model, "C_m", q.cM, "pF");
        Params.nonNegative(model, "t_ref", q.tRef, "ms");
        Params.positive(model, "tau_syn_ex", q.tauSynEx, "ms");
        Params.positive(model, "tau_syn_in", q.tauSynIn, "ms");
        return q;
    }

    public Map<String, Object> toMap() {
        return Params.named(NAMES, vTh, vReset, tRef, gL, cM, eEx, eIn, eL, tauSynEx, tauSynIn, iE);
    }

    /** dV/dt (mV/ms) at potential v with conductances gEx, gIn (nS): 0 while refractory, V taken as at most V_th. */
    double dVdt(double v, double gEx, double gIn, OdeStep step) {
        if (step.r > 0) {
            return 0;
        }
        double vv = Math.min(v, vTh);
        return (-gL * (vv - eL) + step.current + iE - gEx * (vv - eEx) - gIn * (vv - eIn)) / cM;
    }

    /** After a step's integration: V clamped while refractory, else the threshold; true if the neuron fires. */
    boolean thresholdAndRefractoriness(double[] y, int vIndex, OdeStep step) {
        if (step.r > 0) {
            step.r--;
            y[vIndex] = vReset;
        } else if (y[vIndex] >= vTh) {
            step.r = OdeModel.refractorySteps(tRef, step.h);
            y[vIndex] = vReset;
            step.spike();
            return true;
        }
        return false;
    }
}
