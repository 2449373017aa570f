package org.neurosweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.cli.CommandLine;
import org.neurosweep.exchange.ExchangeException;
import org.neurosweep.runners.ClusterSettings;
import org.neurosweep.runners.Environment;
import org.neurosweep.runners.Mode;
import org.neurosweep.samples.networks.ClusterRanks;
import org.neurosweep.samples.networks.Network;
import org.neurosweep.samples.networks.NetworkJob;
import org.neurosweep.samples.networks.Rendezvous;
import org.neurosweep.simulator.SimulationException;
import org.neurosweep.trajectory.InMemorySink;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;

/**
 * {@code simulate NETWORK --processes P --cluster}: this process is a cluster coordinator and rank 0;
 * ranks 1..P-1 run as the runs of a small sweep on the worker nodes that join it (Pekko carries the job
 * to them, as a sweep's frozen input); they meet at rank 0's {@link Rendezvous} and exchange spikes over
 * Aeron UDP.
 */
final class ClusterSimulation {
    private ClusterSimulation() {
    }

    static int run(CommandLine line, NetworkJob job, int processes, Network network, double tSim, Path spikesFile,
                   PrintStream out, PrintStream err) throws UsageException, IOException {
        ClusterSettings settings = ClusterCoordinatorCommand.settings(line);
        try (Rendezvous rendezvous = Rendezvous.open(settings.host(), settings.bindHost())) {
            InMemorySink sink = new InMemorySink();
            Environment env = Environment.builder(ClusterRanks.trajectory(job, processes, rendezvous.address())).sink(sink)
                    .register(ClusterRanks.rankClass()).mode(Mode.CLUSTER).cluster(settings).build();
            err.println("neurosweep simulate: waiting for " + (processes - 1) + " worker slots; start workers with"
                    + " `neurosweep cluster worker --seed " + settings.host() + ":" + settings.port() + "`");
            CompletableFuture<?> ranks = CompletableFuture.runAsync(() -> env.run(ClusterRanks.rank()));
            String[] figures = new String[1];
            NetworkJob.Outcome outcome;
            try {
                outcome = ClusterRanks.runRankZero(job, processes, rendezvous, settings.host(), ranks::isDone,
                        (k, o) -> figures[0] = SimulateCommand.json(network, k, o.built(), o.spikes(), tSim));
            } catch (SimulationException | ExchangeException | IOException e) {
                err.println("neurosweep simulate: " + e.getMessage() + failures(ranks, sink));
                return Command.FAILURE;
            }
            String failed = failures(ranks, sink);
            if (!failed.isEmpty()) {
                err.println("neurosweep simulate: the simulation completed here, but" + failed);
                return Command.FAILURE;
            }
            if (spikesFile != null) {
                SimulateCommand.writeSpikes(spikesFile, outcome.spikes());
            }
            out.println(figures[0]);
            return Command.OK;
        }
    }

    /** Waits for the workers' runs to end (a minute at most) and names those that failed; empty when all completed. */
    private static String failures(CompletableFuture<?> ranks, InMemorySink sink) {
        try {
            ranks.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            return "; the workers' runs did not end: " + e;
        }
        List<String> bad = new ArrayList<>();
        for (RunRecord r : sink.records()) {
            if (r.status() != RunStatus.COMPLETED) {
                bad.add("rank " + (r.index() + 1) + ": " + r.error());
            }
        }
        return bad.isEmpty() ? "" : "; on the workers: " + String.join("; ", bad);
    }
}
