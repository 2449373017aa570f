package org.neurosweep.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.neurosweep.samples.networks.NetworkJob;
import org.neurosweep.samples.networks.NetworkProcesses;
import org.neurosweep.simulator.Kernel;
import org.neurosweep.simulator.ProcessStats;
import org.neurosweep.simulator.SimulationStats;

/**
 * One Brunel network simulated by several JVMs of this machine (Aeron over shared memory), against one
 * JVM: per process count, the simulation loop's wall clock (the slowest process's update + exchange +
 * deliver; the slowest process's compute, update and delivery), NEURON's exchange time (wall minus the longest compute) and load balance, the phases of the
 * exchange (send, wait, merge), and the bytes a spike takes on the wire (8 in the VPs' own form). The
 * spikes must be the same for every process count; the harness checks it.
 *
 * <pre>benchmarks/run processes [--scale S] [--t-sim MS] [--processes 1,2] [--threads T] [--repetitions N] [--warmup MS]</pre>
 *
 * Defaults: Brunel at full scale (12,500 neurons), 1000 ms timed after a 500 ms warm-up in the same processes
 * (the helpers are new JVMs each time: their JIT must warm first), processes 1 and 2, 1 thread each, 2 repetitions. {@code --scale 10} is the 125,000-neuron network: it reports the
 * connection memory of each process.
 */
public final class ProcessesBenchmark {
    private static final String USAGE = "benchmarks/run processes [--scale S] [--t-sim MS] [--processes 1,2] [--threads T]"
            + " [--repetitions N]";

    private ProcessesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Arguments.options(args, Set.of("scale", "t-sim", "processes", "threads", "repetitions", "warmup"), USAGE);
        double scale = Arguments.positiveDecimal(o.getOrDefault("scale", "1"), "--scale", USAGE);
        double tSim = Arguments.positiveDecimal(o.getOrDefault("t-sim", "1000"), "--t-sim", USAGE);
        int threads = Arguments.positive(o.getOrDefault("threads", "1"), "--threads", USAGE);
        int repetitions = Arguments.positive(o.getOrDefault("repetitions", "2"), "--repetitions", USAGE);
        double warmup = Arguments.positiveDecimal(o.getOrDefault("warmup", "500"), "--warmup", USAGE);
        String[] counts = o.getOrDefault("processes", "1,2").split(",");
        String usage = USAGE;
        System.out.printf("processes benchmark: %d cores, Java %s, max heap %d MB per JVM; brunel scale %s, %s ms, %d thread(s)"
                        + " per process%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, scale, tSim, threads);
        System.out.printf("%9s %4s %8s %9s %8s %8s %8s %8s %8s %8s %8s %8s %8s %10s %12s %14s%n", "processes", "rep", "build s",
                "wall s", "compute", "update", "deliver", "exch", "send", "wait", "merge", "balance", "B/spike", "spikes",
                "conn MB/proc", "rank-0 peak MB");
        long[] reference = null;
        for (String c : counts) {
            int processes = Arguments.positive(c.trim(), "--processes", USAGE);
            for (int rep = 1; rep <= repetitions; rep++) {
                NetworkJob job = new NetworkJob("brunel", Map.of("scale", scale), 42, threads, 0, tSim, warmup);
                try (NetworkProcesses helpers = processes > 1 ? NetworkProcesses.start(job, processes) : null;
                     Kernel k = job.kernel(helpers == null ? null : helpers.exchange())) {
                    NetworkJob.Outcome out = job.run(k);
                    SimulationStats s = k.stats();
                    ProcessStats p = s.processes().minus(out.afterWarmup().processes()); // the timed part only
                    long[] fingerprint = {out.spikes().size(), java.util.Arrays.hashCode(out.spikes().senders()),
                            java.util.Arrays.hashCode(out.spikes().times())};
                    if (reference == null) {
                        reference = fingerprint;
                    } else if (!java.util.Arrays.equals(reference, fingerprint)) {
                        throw new IllegalStateException(processes + " processes gave other spikes than the first case");
                    }
                    double computeMax = java.util.Arrays.stream(p.computeSeconds()).max().orElse(0);
                    System.out.printf("%9d %4d %8.3f %9.3f %8.3f %8.3f %8.3f %8.4f %8.4f %8.4f %8.4f %8.3f %8.3f %10d %12.1f %14d%n",
                            processes, rep, s.buildSeconds(), p.wallSeconds(), computeMax, max(p.updateSeconds()),
                            max(p.deliverSeconds()), p.exchangeTimeSeconds(),
                            max(p.sendSeconds()), max(p.waitSeconds()), max(p.mergeSeconds()), p.loadBalance(),
                            processes > 1 ? p.bytesPerSpike() : 8.0, out.spikes().size(),
                            java.util.Arrays.stream(p.connectionBytes()).max().orElse(0) / 1e6, peakMegabytes());
                    if (processes > 1) {
                        System.out.printf("%15s compute by process %s, wait by process %s%n", "",
                                java.util.Arrays.toString(round(p.computeSeconds())), java.util.Arrays.toString(round(p.waitSeconds())));
                    }
                }
            }
        }
    }

    private static String[] round(double[] a) {
        return java.util.Arrays.stream(a).mapToObj(x -> String.format(java.util.Locale.ROOT, "%.3f", x)).toArray(String[]::new);
    }

    private static double max(double[] a) {
        return java.util.Arrays.stream(a).max().orElse(0);
    }

    /** This JVM's peak resident memory (VmHWM), or -1 where /proc is missing. */
    private static long peakMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }
}
