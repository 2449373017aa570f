package org.neurosweep.benchmarks;

import java.util.Map;
import org.neurosweep.samples.networks.Network;
import org.neurosweep.samples.networks.Networks;
import org.neurosweep.samples.networks.SpikeStatistics;
import org.neurosweep.simulator.Kernel;
import org.neurosweep.simulator.SimulationStats;
import org.neurosweep.simulator.devices.SpikeEvents;

/**
 * brunel and cuba for 1 s of biological time at 1 and 2 threads: build and simulate seconds (and the
 * simulation's phases: update, exchange, deliver; with several threads update includes the wait at the
 * slice barrier), spikes, rate, CV, events per second per thread. Each case runs REPETITIONS times in
 * this JVM (the first is also the JIT's warm-up).
 *
 * <pre>benchmarks/run simulator [REPETITIONS]   (default 3)</pre>
 */
public final class SimulatorBenchmark {
    private SimulatorBenchmark() {
    }

    private static final String USAGE = "benchmarks/run simulator [REPETITIONS]   (default 3)";

    public static void main(String[] args) {
        int repetitions = Arguments.positive(args, 0, 3, "REPETITIONS", USAGE);
        System.out.printf("simulator benchmark: %d cores, Java %s, max heap %d MB; 1 s of biological time%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("%-8s %7s %4s %8s %10s %8s %8s %8s %9s %8s %6s %12s %14s %8s%n", "network", "threads", "rep",
                "build s", "simulate s", "update", "exchange", "deliver", "spikes", "rate Hz", "CV", "events", "events/s/thr",
                "balance");
        for (String name : new String[] {"brunel", "cuba"}) {
            for (int threads : new int[] {1, 2}) {
                for (int rep = 1; rep <= repetitions; rep++) {
                    run(Networks.byName(name), threads, rep);
                }
            }
        }
    }

    private static void run(Network network, int threads, int rep) {
        try (Kernel k = Kernel.builder().threads(threads).seed(42).build()) {
            Network.Built b = network.build(k, Map.of());
            k.simulate(1000.0);
            SimulationStats s = k.stats();
            SpikeEvents spikes = k.spikes(b.recorder());
            SpikeStatistics st = SpikeStatistics.of(spikes, b.neurons(), 0, 1000.0, 1.0);
            System.out.printf("%-8s %7d %4d %8.3f %10.3f %8.3f %8.4f %8.3f %9d %8.2f %6.3f %12d %14.3g %8.3f%n", network.name(),
                    threads, rep, s.buildSeconds(), s.simulateSeconds(), s.updateSeconds(), s.exchangeSeconds(),
                    s.deliverSeconds(), spikes.size(), st.rateHz(), st.cvIsi(), s.events(), s.eventsPerSecond() / threads,
                    s.loadBalance());
        }
    }
}
