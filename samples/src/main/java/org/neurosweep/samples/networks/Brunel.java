package org.neurosweep.samples.networks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.neurosweep.simulator.ConnSpec;
import org.neurosweep.simulator.Kernel;
import org.neurosweep.simulator.NodeCollection;
import org.neurosweep.simulator.SynSpec;

/**
 * Brunel (2000), model A, with iaf_psc_delta as in NEST's brunel_delta example but V_reset = 10 mV:
 * NE = 4 NI excitatory and inhibitory neurons (10,000 and 2,500 at scale 1), fixed in-degrees CE = 1,000
 * and CI = 250 (autapses and multapses allowed), weights J = 0.1 mV and -g J, delay 1.5 ms, and one
 * poisson_generator at eta theta / (J tau_m) into every neuron with weight J (20,000 Hz for eta = 2).
 * Neurons: tau_m 20 ms, theta 20 mV, E_L 0, V_reset 10 mV, t_ref 2 ms, C_m 1 pF, V_m starting at 0.
 * {@code scale} scales the population sizes, not the in-degrees.
 */
public final class Brunel implements Network {
    @Override
    public String name() {
        return "brunel";
    }

    @Override
    public Map<String, Double> defaults() {
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("scale", 1.0);
        d.put("g", 5.0);
        d.put("eta", 2.0);
        d.put("J", 0.1);
        d.put("CE", 1000.0);
        d.put("delay", 1.5);
        d.put("tau_m", 20.0);
        d.put("theta", 20.0);
        d.put("V_reset", 10.0);
        d.put("t_ref", 2.0);
        return d;
    }

    @Override
    public Built build(Kernel kernel, Map<String, Double> parameters) {
        Map<String, Double> p = Network.withOverrides(this, parameters);
        double scale = p.get("scale");
        int ne = (int) Math.round(10_000 * scale);
        int ni = (int) Math.round(2_500 * scale);
        if (ne < 1 || ni < 1) {
            throw new IllegalArgumentException("scale " + scale + " leaves no neurons; use a scale of at least 0.001");
        }
        int ce = (int) Math.round(p.get("CE"));
        int ci = ce / 4;
        double j = p.get("J");
        double g = p.get("g");
        double tauM = p.get("tau_m");
        double theta = p.get("theta");
        double delay = p.get("delay");
        Map<String, Object> neuron = Map.of("C_m", 1.0, "tau_m", tauM, "t_ref", p.get("t_ref"), "E_L", 0.0,
                "V_reset", p.get("V_reset"), "V_m", 0.0, "V_th", theta);
        NodeCollection exc = kernel.create("iaf_psc_delta", ne, neuron);
        NodeCollection inh = kernel.create("iaf_psc_delta", ni, neuron);
        NodeCollection all = exc.plus(inh);
        double nuThreshold = theta / (j * ce * tauM);
        double rate = 1000.0 * p.get("eta") * nuThreshold * ce;
        NodeCollection noise = kernel.create("poisson_generator", 1, Map.of("rate", rate));
        NodeCollection recorder = kernel.create("spike_recorder");
        kernel.connect(noise, all, ConnSpec.allToAll(), SynSpec.of(j, delay));
        kernel.connect(exc, all, ConnSpec.fixedIndegree(ce, true, true), SynSpec.of(j, delay));
        kernel.connect(inh, all, ConnSpec.fixedIndegree(ci, true, true), SynSpec.of(-g * j, delay));
        kernel.connect(all, recorder);
        Map<String, NodeCollection> pops = new LinkedHashMap<>();
        pops.put("E", exc);
        pops.put("I", inh);
        return new Built(all, pops, recorder);
    }
}
