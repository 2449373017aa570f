package org.neurosweep.samples.networks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurosweep.exchange.Exchange;
import org.neurosweep.simulator.Kernel;
import org.neurosweep.simulator.KernelBuilder;
import org.neurosweep.simulator.SimulationStats;
import org.neurosweep.simulator.devices.SpikeEvents;

/**
 * One simulation of a named network, as every process of a distributed run repeats it: the network, its
 * parameters, the kernel's settings and the time to simulate. The launcher hands it to the helper
 * processes on their command lines ({@link #toArgs}), so each builds the same network with the same calls.
 *
 * @param network    a name of {@link Networks}
 * @param parameters the network's parameters (overrides of its defaults)
 * @param seed       rng_seed
 * @param threads    local_num_threads of each process
 * @param vps        total_num_virtual_procs, or 0 for processes x threads
 * @param tSim       biological time to simulate (ms)
 * @param warmup     biological time simulated first (ms), so that a benchmark can time {@code tSim} with every
 *                   process's JIT warm; 0 for none
 */
public record NetworkJob(String network, Map<String, Double> parameters, long seed, int threads, int vps, double tSim,
                         double warmup) {
    public NetworkJob {
        Networks.byName(network);
        parameters = new LinkedHashMap<>(parameters);
    }

    /** A job without warm-up. */
    public NetworkJob(String network, Map<String, Double> parameters, long seed, int threads, int vps, double tSim) {
        this(network, parameters, seed, threads, vps, tSim, 0);
    }

    /**
     * What a process returns: the network as built here, the spikes of every process, and the kernel's
     * figures after the warm-up (null without one).
     */
    public record Outcome(Network.Built built, SpikeEvents spikes, SimulationStats afterWarmup) {
    }

    /** A kernel with this job's settings, joined to the other processes by {@code exchange} (null: alone). */
    public Kernel kernel(Exchange exchange) {
        KernelBuilder b = Kernel.builder().threads(threads).seed(seed);
        if (vps > 0) {
            b.virtualProcesses(vps);
        }
        if (exchange != null) {
            b.processes(exchange);
        }
        return b.build();
    }

    /**
     * Builds and simulates the network and gathers every process's spikes: the sequence of collective calls
     * every process of the run makes, in this order.
     */
    public Outcome run(Kernel kernel) {
        Network n = Networks.byName(network);
        Network.Built built = n.build(kernel, parameters);
        SimulationStats afterWarmup = null;
        if (warmup > 0) {
            kernel.simulate(warmup);
            afterWarmup = kernel.stats();
        }
        kernel.simulate(tSim);
        return new Outcome(built, kernel.spikesOfAllProcesses(built.recorder()), afterWarmup);
    }

    /** The job as command-line arguments of {@link NetworkProcesses#main}. */
    List<String> toArgs() {
        List<String> a = new ArrayList<>(List.of("--network", network, "--seed", Long.toString(seed), "--threads",
                Integer.toString(threads), "--vps", Integer.toString(vps), "--t-sim", Double.toString(tSim), "--warmup",
                Double.toString(warmup)));
        for (Map.Entry<String, Double> e : parameters.entrySet()) {
            a.add("--set");
            a.add(e.getKey() + "=" + e.getValue());
        }
        return a;
    }

    /** The job from {@link #toArgs} (other arguments are skipped). */
    static NetworkJob fromArgs(List<String> args) {
        String network = null;
        long seed = 0;
        int threads = 1;
        int vps = 0;
        double tSim = 0;
        double warmup = 0;
        Map<String, Double> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            String v = args.get(i + 1);
            switch (args.get(i)) {
                case "--network" -> network = v;
                case "--seed" -> seed = Long.parseLong(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--vps" -> vps = Integer.parseInt(v);
                case "--t-sim" -> tSim = Double.parseDouble(v);
                case "--warmup" -> warmup = Double.parseDouble(v);
                case "--set" -> params.put(v.substring(0, v.indexOf('=')), Double.parseDouble(v.substring(v.indexOf('=') + 1)));
                default -> {
                    // another layer's argument
                }
            }
        }
        return new NetworkJob(network, params, seed, threads, vps, tSim, warmup);
    }
}
