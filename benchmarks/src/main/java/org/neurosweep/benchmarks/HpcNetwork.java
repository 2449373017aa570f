package org.neurosweep.benchmarks;

import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.ConnSpec;
import org.neurosweep.simulator.Connection;
import org.neurosweep.simulator.Distribution;
import org.neurosweep.simulator.Kernel;
import org.neurosweep.simulator.NodeCollection;
import org.neurosweep.simulator.SimulationStats;
import org.neurosweep.simulator.SynSpec;
import org.neurosweep.simulator.devices.SpikeEvents;

/**
 * NEST's hpc_benchmark network (nest-simulator 3.10,
 * pynest/examples/hpc_benchmark.py) built with our simulator: NE = 9000 scale excitatory and NI = 2250 scale inhibitory
 * iaf_psc_alpha neurons, each receiving CE = 9000 excitatory and CI = 2250 inhibitory connections
 * (fixed_indegree, no autapses, multapses allowed, so below scale 1 a pair is often connected several
 * times, as in NEST), all delays 1.5 ms; E to E through stdp_pl_synapse_hom, the rest static; one
 * poisson_generator into every neuron.
 */
final class HpcNetwork {
    /** The PSC amplitude (pA) of a 0.14 mV PSP, derived in hpc_benchmark.py through the Lambert W function. */
    static final double JE_PA = 45.609600316540956;
    static final double G = 5.0;
    /** nu_ext CE 1000 Hz with eta 1.685: each neuron's Poisson input. */
    static final double POISSON_RATE_HZ = 20856.037200898867;
    static final double DELAY_MS = 1.5;
    static final int CE = 9000;
    static final int CI = 2250;
    static final String STDP = "stdp_pl_synapse_hom";
    private static final double TAU_SYN = 0.32582722403722841;

    final int ne;
    final int ni;

    HpcNetwork(double scale) {
        ne = (int) Math.round(9000 * scale);
        ni = (int) Math.round(2250 * scale);
    }

    long plasticSynapses() {
        return (long) ne * CE;
    }

    long staticSynapses() {
        return (long) ni * CE + (long) (ne + ni) * CI;
    }

    /** Builds the network on {@code threads} threads, simulates presim then simtime ms, and measures. */
    HpcRow run(int threads, double presimMs, double simMs) {
        try (Kernel k = Kernel.builder().resolution(0.1).threads(threads).seed(42).build()) {
            Map<String, Object> neuron = Map.of("E_L", 0.0, "C_m", 250.0, "tau_m", 10.0, "t_ref", 0.5, "V_th", 20.0,
                    "V_reset", 0.0, "tau_syn_ex", TAU_SYN, "tau_syn_in", TAU_SYN, "tau_minus", 30.0);
            NodeCollection e = k.create("iaf_psc_alpha", ne, neuron);
            NodeCollection i = k.create("iaf_psc_alpha", ni, neuron);
            NodeCollection all = e.plus(i);
            k.set(all, "V_m", Distribution.normal(5.7, 7.2));
            NodeCollection poisson = k.create("poisson_generator", 1, Map.of("rate", POISSON_RATE_HZ));
            NodeCollection recorder = k.create("spike_recorder");
            SynSpec ex = SynSpec.of(JE_PA, DELAY_MS);
            SynSpec in = SynSpec.of(-G * JE_PA, DELAY_MS);
            k.connect(poisson, all, ConnSpec.allToAll(), ex);
            k.connect(e, e, ConnSpec.fixedIndegree(CE, false, true), SynSpec.of(STDP, JE_PA, DELAY_MS,
                    Map.of("alpha", 0.0513, "lambda", 0.1, "mu", 0.4, "tau_plus", 15.0)));
            k.connect(i, e, ConnSpec.fixedIndegree(CI, false, true), in);
            k.connect(e, i, ConnSpec.fixedIndegree(CE, false, true), ex);
            k.connect(i, i, ConnSpec.fixedIndegree(CI, false, true), in);
            k.connect(all, recorder);

            k.simulate(presimMs); // also lays the connections out (prepare): counted in the build time
            SimulationStats afterPresim = k.stats();
            long t0 = System.nanoTime();
            k.simulate(simMs);
            double simulateSeconds = (System.nanoTime() - t0) / 1e9;
            SimulationStats s = k.stats();

            SpikeEvents spikes = k.spikes(recorder);
            int lastE = e.id(ne - 1);
            int inWindow = 0;
            int fromE = 0;
            int[] bins = new int[(int) Math.ceil(simMs / 25)];
            for (int n = 0; n < spikes.size(); n++) {
                double t = spikes.times()[n];
                if (t > presimMs) {
                    inWindow++;
                    if (spikes.senders()[n] <= lastE) {
                        fromE++;
                        bins[Math.min(bins.length - 1, (int) ((t - presimMs - 1e-9) / 25))]++;
                    }
                }
            }
            StringBuilder trace = new StringBuilder();
            for (int b : bins) {
                trace.append(trace.length() > 0 ? " " : "").append(String.format("%.1f", b / (ne * 0.025)));
            }
            double[] w = plasticWeights(k, e);
            return new HpcRow("neurosweep", threads, s.buildSeconds(), Double.NaN, afterPresim.simulateSeconds(),
                    simulateSeconds, inWindow, s.events() - afterPresim.events(), fromE / (ne * simMs / 1000),
                    (inWindow - fromE) / (ni * simMs / 1000), trace.toString(), s.plasticSynapses(),
                    (double) s.plasticBytes() / s.plasticSynapses(), Double.NaN, w[0], w[1], w[2]);
        }
    }

    /** Mean, min and max of the E to E weights, read a few sources at a time to keep the memory small. */
    private static double[] plasticWeights(Kernel k, NodeCollection e) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long n = 0;
        for (int from = 0; from < e.size(); from += 64) {
            List<Connection> chunk = k.connections(e.slice(from, Math.min(e.size(), from + 64)), e);
            for (Connection c : chunk) {
                if (c.synapseModel().equals(STDP)) {
                    sum += c.weight();
                    min = Math.min(min, c.weight());
                    max = Math.max(max, c.weight());
                    n++;
                }
            }
        }
        return new double[] {sum / n, min, max};
    }
}
