package org.neurosweep.simulator;

import java.util.List;
import java.util.Map;

/**
 * The parameters the three iaf_psc models share, with NEST's names, units and defaults. Each model adds
 * its synaptic time constants.
 *
 * @param eL       resting potential E_L (mV), default -70
 * @param cM       capacitance C_m (pF), default 250
 * @param tauM     membrane time constant tau_m (ms), default 10
 * @param tRef     refractory period t_ref (ms), default 2
 * @param vTh      threshold V_th (mV), default -55
 * @param vReset   reset potential V_reset (mV), default -70
 * @param iE       constant input current I_e (pA), default 0
 * @param vMin     lower bound of the membrane potential V_min (mV), default -inf
 * @param tauSynEx excitatory synaptic time constant tau_syn_ex (ms), default 2 (exp, alpha)
 * @param tauSynIn inhibitory synaptic time constant tau_syn_in (ms), default 2 (exp, alpha)
 * @param refractoryInput iaf_psc_delta: whether spikes arriving while refractory are kept (default false)
 * @param vM       initial membrane potential V_m (mV), default E_L
 */
record NeuronParams(double eL, double cM, double tauM, double tRef, double vTh, double vReset, double iE, double vMin,
                    double tauSynEx, double tauSynIn, boolean refractoryInput, double vM) {

    static final List<String> COMMON = List.of("E_L", "C_m", "tau_m", "t_ref", "V_th", "V_reset", "I_e", "V_min", "V_m");

    /** The parameter names of an iaf_psc model. */
    static List<String> names(String model) {
        List<String> known = new java.util.ArrayList<>(COMMON);
        if (model.equals(IafPscDelta.NAME)) {
            known.add("refractory_input");
        } else {
            known.addAll(List.of("tau_syn_ex", "tau_syn_in"));
        }
        return known;
    }

    static NeuronParams parse(String model, Map<String, ?> given) {
        Params p = new Params(model, given, names(model));
        double eL = p.number("E_L", -70);
        NeuronParams n = new NeuronParams(eL, p.number("C_m", 250), p.number("tau_m", 10), p.number("t_ref", 2),
                p.number("V_th", -55), p.number("V_reset", -70), p.number("I_e", 0),
                p.number("V_min", Double.NEGATIVE_INFINITY), p.number("tau_syn_ex", 2), p.number("tau_syn_in", 2),
                p.bool("refractory_input", false), p.number("V_m", eL));
        n.validate(model);
        return n;
    }

    /** The parameters as NEST names them (V_m, the initial value, left out: it is state once created). */
    Map<String, Object> toMap(String model) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (String name : names(model)) {
            if (!name.equals("V_m")) {
                m.put(name, name.equals("refractory_input") ? (Object) refractoryInput : (Object) value(model, name));
            }
        }
        return m;
    }

    /** A parameter's value by NEST name (refractory_input as 1 or 0). */
    double value(String model, String name) {
        return switch (name) {
            case "E_L" -> eL;
            case "C_m" -> cM;
            case "tau_m" -> tauM;
            case "t_ref" -> tRef;
            case "V_th" -> vTh;
            case "V_reset" -> vReset;
            case "I_e" -> iE;
            case "V_min" -> vMin;
            case "tau_syn_ex" -> tauSynEx;
            case "tau_syn_in" -> tauSynIn;
            case "refractory_input" -> refractoryInput ? 1 : 0;
            default -> throw new UnknownNameException(model + " has no parameter or state '" + name + "'; parameters: "
                    + names(model));
        };
    }

    /** These parameters with NEST-named changes (V_m skipped: it is state), checked as at create. */
    NeuronParams with(String model, Map<String, ?> changes) {
        Map<String, Object> m = toMap(model);
        for (Map.Entry<String, ?> e : changes.entrySet()) {
            if (!e.getKey().equals("V_m")) {
                m.put(e.getKey(), e.getValue());
            }
        }
        m.put("V_m", vM);
        return parse(model, m);
    }

    /** Checks every value, naming the bad one. */
    void validate(String model) {
        Params.positive(model, "C_m", cM, "pF");
        Params.positive(model, "tau_m", tauM, "ms");
        Params.positive(model, "tau_syn_ex", tauSynEx, "ms");
        Params.positive(model, "tau_syn_in", tauSynIn, "ms");
        Params.nonNegative(model, "t_ref", tRef, "ms");
        if (!(vReset < vTh)) {
            throw new BadParameterException(model + ": V_reset = " + vReset + " mV must be below V_th = " + vTh + " mV");
        }
        if (vReset < vMin) {
            throw new BadParameterException(model + ": V_reset = " + vReset + " mV must not be below V_min = " + vMin + " mV");
        }
        for (double v : new double[] {eL, vReset, iE, vM}) {
            if (!Double.isFinite(v)) {
                throw new BadParameterException(model + ": potentials and currents must be finite, got " + v);
            }
        }
        if (Double.isNaN(vTh) || vTh == Double.NEGATIVE_INFINITY) {
            throw new BadParameterException(model + ": V_th = " + vTh + " mV; allowed: a number, or +inf for a neuron that"
                    + " never spikes (as in NEST)");
        }
    }
}
