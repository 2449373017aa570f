package org.neurosweep.samples.networks;

import java.time.Duration;
import java.util.List;
import org.neurosweep.exchange.AeronConfig;
import org.neurosweep.exchange.AeronExchange;
import org.neurosweep.exchange.Endpoint;
import org.neurosweep.exchange.Exchange;
import org.neurosweep.explore.Sweep;
import org.neurosweep.simulator.Kernel;
import org.neurosweep.trajectory.RunContext;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.Trajectory;

/**
 * One simulation whose ranks 1..P-1 run on the worker nodes of a cluster: the cluster (Pekko, as for
 * sweeps) starts them as the runs of a small sweep, one per rank, and carries the job (network, parameters,
 * seed) to them; each rank joins rank 0's {@link Rendezvous} to learn every rank's UDP endpoint, then the
 * processes exchange spikes over Aeron UDP. Rank 0 is the process that started it (the {@code simulate}
 * command), which prints the figures.
 */
public final class ClusterRanks {
    /** How long ranks wait for each other at the rendezvous. */
    public static final Duration JOIN_WAIT = Duration.ofSeconds(60);

    private ClusterRanks() {
    }

    /** The sweep of ranks 1..P-1 of {@code job}, whose rank 0 listens at {@code rendezvous}. */
    public static Trajectory trajectory(NetworkJob job, int processes, String rendezvous) {
        Trajectory t = new Trajectory("simulate_" + job.network().replace("-", "_"), job.seed());
        t.setComment("ranks 1.." + (processes - 1) + " of one simulation of " + job.network() + " over " + processes + " processes");
        t.addParameter("job.args", String.join("\n", job.toArgs()), "the network job, as NetworkProcesses takes it");
        t.addParameter("job.rendezvous", rendezvous, "where rank 0 tells the ranks each other's endpoints");
        t.addParameter("job.processes", processes, "processes of the simulation");
        t.addParameter("job.rank", 1, "this run's rank");
        Integer[] ranks = new Integer[processes - 1];
        for (int r = 1; r < processes; r++) {
            ranks[r - 1] = r;
        }
        t.explore(Sweep.values("rank", (Object[]) ranks));
        return t;
    }

    /** What each run does: one rank of the simulation. */
    public static RunFunction rank() {
        return new Rank();
    }

    /** The class of {@link #rank()}, which the cluster's Kryo registry must know. */
    public static Class<?> rankClass() {
        return Rank.class;
    }

    /**
     * Rank 0's side, in the process that started the sweep: waits for the ranks, then runs the job with them;
     * {@code whenDone} sees the kernel and the outcome before the kernel closes.
     */
    public static NetworkJob.Outcome runRankZero(NetworkJob job, int processes, Rendezvous rendezvous, String host,
                                                 java.util.function.BooleanSupplier abandoned,
                                                 java.util.function.BiConsumer<Kernel, NetworkJob.Outcome> whenDone) throws java.io.IOException {
        int port;
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, java.net.InetAddress.getByName(host))) {
            port = probe.getLocalPort();
        }
        List<Endpoint> endpoints = rendezvous.gather(processes, Endpoint.of(host, port), JOIN_WAIT, abandoned);
        try (Exchange e = AeronExchange.udp(AeronConfig.of(0, processes), endpoints); Kernel k = job.kernel(e)) {
            NetworkJob.Outcome o = job.run(k);
            whenDone.accept(k, o);
            return o;
        }
    }

    private static final class Rank implements RunFunction {
        private static final long serialVersionUID = 1L;

        @Override
        public void run(RunContext run) throws Exception {
            NetworkJob job = NetworkJob.fromArgs(List.of(run.getString("args").split("\n")));
            int processes = run.getInt("processes");
            int rank = run.getInt("rank");
            List<Endpoint> endpoints = Rendezvous.join(run.getString("rendezvous"), rank, JOIN_WAIT);
            try (Exchange e = AeronExchange.udp(AeronConfig.of(rank, processes), endpoints); Kernel k = job.kernel(e)) {
                NetworkJob.Outcome o = job.run(k);
                run.addResult("spikes", o.spikes().size(), "spikes of every process");
                run.addResult("simulate_s", k.stats().simulateSeconds(), "s", "this rank's simulation loop");
            }
        }
    }
}
