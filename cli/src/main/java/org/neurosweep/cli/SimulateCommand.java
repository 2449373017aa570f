package org.neurosweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.neurosweep.samples.networks.Network;
import org.neurosweep.samples.networks.Networks;
import org.neurosweep.samples.networks.SpikeStatistics;
import org.neurosweep.simulator.Kernel;
import org.neurosweep.exchange.AeronConfig;
import org.neurosweep.exchange.AeronExchange;
import org.neurosweep.exchange.Endpoint;
import org.neurosweep.exchange.Exchange;
import org.neurosweep.exchange.ExchangeException;
import org.neurosweep.samples.networks.NetworkJob;
import org.neurosweep.samples.networks.NetworkProcesses;
import org.neurosweep.simulator.ProcessStats;
import org.neurosweep.simulator.SimulationException;
import org.neurosweep.simulator.SimulationStats;
import org.neurosweep.simulator.devices.SpikeEvents;

/**
 * {@code neurosweep simulate NETWORK}: runs one network, optionally writes all spikes as lines
 * {@code sender time_ms} sorted by time then sender, and prints one JSON line of figures.
 */
final class SimulateCommand implements Command {
    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public String exitStatus() {
        return "Exit status: 0 done, 1 the simulation failed (a process died, the exchange between processes broke),"
                + " 2 bad arguments or an unusable input file, 3 an I/O or internal error.";
    }

    @Override
    public String synopsis() {
        return "NETWORK [--processes P [--cluster [--host H] [--port P]] | --rank R --endpoints HOST:PORT,...] [--threads N] [--vps N] [--seed S] [--t-sim MS] [--set key=value]... [--spikes FILE] [--optimize on|off] [--cache DIR|off]";
    }

    @Override
    public String summary() {
        return "run one spiking network (" + String.join(", ", Networks.all().stream().map(Network::name).toList())
                + "; " + NefRun.CHANNEL + " and " + NefRun.CONVOLUTION + ", NEF networks) and print its figures as JSON";
    }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("processes").hasArg().argName("P")
                .desc("JVMs that simulate the network together, this one and P-1 it starts (default 1); spikes are the same for any P").build());
        o.addOption(Option.builder().longOpt("rank").hasArg().argName("R")
                .desc("with --endpoints: this process's rank, 0..P-1 (e.g. $SLURM_PROCID); rank 0 prints the figures").build());
        o.addOption(Option.builder().longOpt("endpoints").hasArg().argName("HOST:PORT,...")
                .desc("the UDP endpoint of every rank, in rank order, for processes on several machines started by you"
                        + " (srun, mpirun, ssh): each binds its own; P is their number").build());
        o.addOption(Option.builder().longOpt("cluster").desc("run processes 1..P-1 on `neurosweep cluster worker` nodes that join"
                + " this one (--host, --port as a cluster coordinator's; workers give --seed HOST:PORT); they exchange spikes over UDP")
                .build());
        ClusterCoordinatorCommand.addNodeOptions(o, "127.0.0.1", "with --cluster: this node's port (default "
                + org.neurosweep.runners.ClusterSettings.DEFAULT_PORT + ")");
        o.addOption(Option.builder().longOpt("run-timeout").hasArg().argName("SECONDS")
                .desc("with --cluster: how long a worker's process may take (default "
                        + org.neurosweep.runners.ClusterSettings.DEFAULT_RUN_TIMEOUT.toSeconds() + ")").build());
        o.addOption(Option.builder().longOpt("cache").hasArg().argName("DIR|off")
                .desc("nef-*: where solved decoders are kept (default ~/.cache/neurosweep/decoders), or off").build());
        o.addOption(Option.builder().longOpt("optimize").hasArg().argName("on|off")
                .desc("nef-*: merge operations into blocks (default on); the output is the same bit for bit").build());
        o.addOption(Option.builder().longOpt("threads").hasArg().argName("N").desc("threads of each process (default 1)").build());
        o.addOption(Option.builder().longOpt("vps").hasArg().argName("N")
                .desc("virtual processes in all, a multiple of P (default: processes x threads)").build());
        o.addOption(Option.builder().longOpt("seed").hasArg().argName("S").desc("the seed of every random stream (default "
                + RunCommand.DEFAULT_SEED + ")").build());
        o.addOption(Option.builder().longOpt("t-sim").hasArg().argName("MS").desc("biological time to simulate (default 1000 ms)").build());
        o.addOption(Option.builder().longOpt("set").hasArg().argName("key=value").desc("a network parameter, e.g. scale=0.1").build());
        o.addOption(Option.builder().longOpt("spikes").hasArg().argName("FILE")
                .desc("write every spike as 'sender time_ms', sorted by time then sender").build());
        return o;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException, IOException {
        if (line.getArgList().size() != 1) {
            throw new UsageException("expected exactly one NETWORK, got " + line.getArgList());
        }
        if (NefRun.handles(line.getArgList().get(0))) {
            return NefRun.execute(line.getArgList().get(0), line, out);
        }
        Network network;
        try {
            network = Networks.byName(line.getArgList().get(0));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + ", " + NefRun.CHANNEL + ", " + NefRun.CONVOLUTION);
        }
        List<Endpoint> endpoints = endpoints(line);
        int processes = positive(line, "processes", endpoints == null ? 1 : endpoints.size());
        int rank = 0;
        if (endpoints != null) {
            if (processes != endpoints.size()) {
                throw new UsageException("--processes " + processes + " but --endpoints names " + endpoints.size()
                        + "; give one endpoint per process");
            }
            if (!line.hasOption("rank")) {
                throw new UsageException("--endpoints needs --rank, this process's place in the list (0.." + (processes - 1) + ")");
            }
            rank = nonNegative(line, "rank");
            if (rank >= processes) {
                throw new UsageException("--rank " + rank + " is not in 0.." + (processes - 1) + " (one per endpoint)");
            }
        } else if (line.hasOption("rank")) {
            throw new UsageException("--rank needs --endpoints; to run P processes on this machine give --processes P alone");
        }
        int threads = positive(line, "threads", 1);
        int vps = positive(line, "vps", threads * processes);
        long seed = RunCommand.parseSeed(line.getOptionValue("seed"));
        double tSim = number(line, "t-sim", 1000.0);
        Path spikesFile = line.hasOption("spikes") ? Args.outputFile(line.getOptionValue("spikes"), "--spikes") : null;
        if (!(tSim >= 0)) {
            throw new UsageException("--t-sim " + tSim + " must not be negative");
        }
        Map<String, Double> params = new LinkedHashMap<>();
        for (String spec : line.getOptionValues("set") == null ? new String[0] : line.getOptionValues("set")) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--set '" + spec + "': expected key=value");
            }
            try {
                params.put(spec.substring(0, eq).trim(), Double.parseDouble(spec.substring(eq + 1).trim()));
            } catch (NumberFormatException e) {
                throw new UsageException("--set " + spec + ": '" + spec.substring(eq + 1) + "' is not a number");
            }
        }
        try {
            Network.withOverrides(network, params);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--set: " + e.getMessage());
        }
        NetworkJob job = new NetworkJob(network.name(), params, seed, threads, vps, tSim);
        try {
            Kernel.builder().threads(threads).virtualProcesses(vps).seed(seed); // each value checked alone
        } catch (SimulationException e) {
            throw new UsageException(e.getMessage());
        }
        if (vps % processes != 0 || vps / processes < threads) {
            throw new UsageException(vps % processes != 0
                    ? "--vps " + vps + " must be a multiple of --processes " + processes + " (VP v runs on process v % P)"
                    : "--vps " + vps + " gives each of the " + processes + " processes " + vps / processes
                            + " VPs; each needs at least local_num_threads = --threads " + threads);
        }
        if (line.hasOption("cluster")) {
            if (endpoints != null || processes < 2) {
                throw new UsageException("--cluster runs --processes P (2 or more) on cluster workers; not with --endpoints");
            }
            return ClusterSimulation.run(line, job, processes, network, tSim, spikesFile, out, err);
        }
        NetworkProcesses helpers = null;
        Exchange exchange = null;
        try {
            if (endpoints != null) {
                exchange = AeronExchange.udp(AeronConfig.of(rank, processes), endpoints);
            } else if (processes > 1) {
                helpers = NetworkProcesses.start(job, processes);
                exchange = helpers.exchange();
            }
            try (Kernel kernel = job.kernel(exchange)) {
                NetworkJob.Outcome outcome;
                try {
                    outcome = job.run(kernel);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                } catch (org.neurosweep.simulator.BadParameterException | org.neurosweep.simulator.BadConnectionException e) {
                    throw new UsageException(e.getMessage());
                }
                if (rank == 0) {
                    if (spikesFile != null) {
                        writeSpikes(spikesFile, outcome.spikes());
                    }
                    out.println(json(network, kernel, outcome.built(), outcome.spikes(), tSim));
                }
            }
        } catch (SimulationException | ExchangeException e) {
            String why = helpers == null ? "" : helpers.helperReport();
            err.println("neurosweep simulate: " + e.getMessage() + (why.isEmpty() ? "" : "; " + why));
            return FAILURE;
        } finally {
            if (helpers != null) {
                helpers.close();
            } else if (exchange != null) {
                exchange.close();
            }
        }
        return OK;
    }

    static void writeSpikes(Path file, SpikeEvents spikes) throws IOException {
        WholeFile.write(file, w -> {
            for (int i = 0; i < spikes.size(); i++) {
                w.write(spikes.senders()[i] + " " + String.format(Locale.ROOT, "%.3f", spikes.times()[i]) + "\n");
            }
        });
    }

    static String json(Network network, Kernel kernel, Network.Built built, SpikeEvents spikes, double tSim) {
        SimulationStats s = kernel.stats();
        SpikeStatistics st = SpikeStatistics.of(spikes, built.neurons(), 0, tSim, 1.0);
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("network", network.name());
        j.put("processes", kernel.processes());
        j.put("threads", kernel.threads());
        j.put("vps", kernel.virtualProcesses());
        j.put("seed", kernel.seed());
        j.put("t_sim_ms", tSim);
        j.put("neurons", built.neurons().size());
        j.put("spikes", spikes.size());
        j.put("rate_hz", st.rateHz());
        j.put("cv_isi", st.cvIsi());
        j.put("sync", st.sync(10.0));
        j.put("build_s", s.buildSeconds());
        j.put("simulate_s", s.simulateSeconds());
        j.put("events", s.events());
        j.put("events_per_s", s.eventsPerSecond());
        j.put("create_s", s.createSeconds());
        j.put("connect_s", s.connectSeconds());
        j.put("prepare_s", s.prepareSeconds());
        j.put("update_s", s.updateSeconds());
        j.put("exchange_s", s.exchangeSeconds());
        j.put("deliver_s", s.deliverSeconds());
        j.put("load_balance", s.loadBalance());
        j.put("vp_compute_s", s.vpComputeSeconds());
        j.put("min_delay_ms", kernel.minDelay());
        j.put("slices", s.slices());
        j.put("spikes_per_exchange_histogram", s.spikeHistogram());
        ProcessStats p = s.processes();
        j.put("process_update_s", p.updateSeconds());
        j.put("process_deliver_s", p.deliverSeconds());
        j.put("process_exchange_s", p.exchangeSeconds());
        j.put("process_send_s", p.sendSeconds());
        j.put("process_wait_s", p.waitSeconds());
        j.put("process_merge_s", p.mergeSeconds());
        j.put("process_load_balance", p.loadBalance());
        j.put("exchange_time_s", p.exchangeTimeSeconds());
        j.put("process_bytes_sent", p.bytesSent());
        j.put("process_spikes_sent", p.spikesSent());
        j.put("bytes_per_spike", p.bytesPerSpike());
        j.put("process_connection_bytes", p.connectionBytes());
        j.put("connection_bytes", s.connectionBytes());
        j.put("recording_bytes", s.recordingBytes());
        return Json.object(j);
    }

    private static List<Endpoint> endpoints(CommandLine line) throws UsageException {
        String v = line.getOptionValue("endpoints");
        if (v == null) {
            return null;
        }
        List<Endpoint> list = new ArrayList<>();
        for (String each : v.split(",")) {
            try {
                list.add(Endpoint.parse(each.trim()));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--endpoints: '" + each.trim() + "': " + e.getMessage());
            }
        }
        if (list.size() < 2) {
            throw new UsageException("--endpoints '" + v + "' names " + list.size() + " endpoint; give one per process, 2 or more");
        }
        return list;
    }

    private static int nonNegative(CommandLine line, String option) throws UsageException {
        String v = line.getOptionValue(option);
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // the error below
        }
        throw new UsageException("--" + option + " '" + v + "' must be a whole number of at least 0");
    }

    static int positive(CommandLine line, String option, int defaultValue) throws UsageException {
        String v = line.getOptionValue(option);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // the error below
        }
        throw new UsageException("--" + option + " '" + v + "' must be a whole number of at least 1");
    }

    private static double number(CommandLine line, String option, double defaultValue) throws UsageException {
        String v = line.getOptionValue(option);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + " '" + v + "' is not a number");
        }
    }
}
