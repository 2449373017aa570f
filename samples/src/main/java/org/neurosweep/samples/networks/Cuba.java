package org.neurosweep.samples.networks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.neurosweep.simulator.ConnSpec;
import org.neurosweep.simulator.Distribution;
import org.neurosweep.simulator.Kernel;
import org.neurosweep.simulator.NodeCollection;
import org.neurosweep.simulator.SynSpec;

/**
 * The Vogels-Abbott CUBA benchmark as in Brian2's example: 4,000 neurons (80% excitatory), connection
 * probability 0.02, tau_m 20 ms, tau_e 5 ms, tau_i 10 ms, V_t -50 mV, V_r -60 mV, E_l -49 mV, t_ref 5 ms,
 * initial V uniform in [V_r, V_t). With iaf_psc_exp, Brian's {@code ge += 1.62 mV} on a voltage-like
 * synaptic variable is a current jump of C_m 1.62 mV / tau_m (and -9 mV likewise); synaptic currents go
 * on decaying while refractory; the delay is one step.
 */
public final class Cuba implements Network {
    @Override
    public String name() {
        return "cuba";
    }

    @Override
    public Map<String, Double> defaults() {
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("N", 4000.0);
        d.put("p", 0.02);
        d.put("w_e", 1.62);
        d.put("w_i", -9.0);
        d.put("C_m", 250.0);
        return d;
    }

    @Override
    public Built build(Kernel kernel, Map<String, Double> parameters) {
        Map<String, Double> p = Network.withOverrides(this, parameters);
        int n = (int) Math.round(p.get("N"));
        int ne = (int) Math.round(0.8 * n);
        if (ne < 1 || n - ne < 1) {
            throw new IllegalArgumentException("cuba needs N >= 5 neurons, got " + n);
        }
        double cM = p.get("C_m");
        double tauM = 20.0;
        Map<String, Object> neuron = Map.of("C_m", cM, "tau_m", tauM, "tau_syn_ex", 5.0, "tau_syn_in", 10.0,
                "V_th", -50.0, "V_reset", -60.0, "E_L", -49.0, "t_ref", 5.0);
        NodeCollection exc = kernel.create("iaf_psc_exp", ne, neuron);
        NodeCollection inh = kernel.create("iaf_psc_exp", n - ne, neuron);
        NodeCollection all = exc.plus(inh);
        kernel.set(all, "V_m", Distribution.uniform(-60.0, -50.0));
        double delay = kernel.resolution();
        double prob = p.get("p");
        kernel.connect(exc, all, ConnSpec.pairwiseBernoulli(prob, true, true), SynSpec.of(cM * p.get("w_e") / tauM, delay));
        kernel.connect(inh, all, ConnSpec.pairwiseBernoulli(prob, true, true), SynSpec.of(cM * p.get("w_i") / tauM, delay));
        NodeCollection recorder = kernel.create("spike_recorder");
        kernel.connect(all, recorder);
        Map<String, NodeCollection> pops = new LinkedHashMap<>();
        pops.put("E", exc);
        pops.put("I", inh);
        return new Built(all, pops, recorder);
    }
}
