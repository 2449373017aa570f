package org.neurosweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.neurosweep.samples.networks.Network;
import org.neurosweep.samples.networks.Networks;
import org.neurosweep.samples.networks.SpikeStatistics;
import org.neurosweep.simulator.Kernel;
import org.neurosweep.simulator.KernelBuilder;
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
    public String synopsis() {
        return "NETWORK [--threads N] [--vps N] [--seed S] [--t-sim MS] [--set key=value]... [--spikes FILE]";
    }

    @Override
    public String summary() {
        return "run one spiking network (" + String.join(", ", Networks.all().stream().map(Network::name).toList())
                + ") and print its figures as JSON";
    }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("threads").hasArg().argName("N").desc("threads (default 1)").build());
        o.addOption(Option.builder().longOpt("vps").hasArg().argName("N").desc("virtual processes (default: threads)").build());
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
        Network network;
        try {
            network = Networks.byName(line.getArgList().get(0));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int threads = positive(line, "threads", 1);
        int vps = positive(line, "vps", threads);
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
        KernelBuilder builder;
        try {
            builder = Kernel.builder().threads(threads).virtualProcesses(vps).seed(seed);
        } catch (SimulationException e) {
            throw new UsageException(e.getMessage());
        }
        Kernel made;
        try {
            made = builder.build();
        } catch (SimulationException e) {
            throw new UsageException("--threads/--vps: " + e.getMessage());
        }
        try (Kernel kernel = made) {
            Network.Built built;
            try {
                built = network.build(kernel, params);
                kernel.simulate(tSim);
            } catch (SimulationException | IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            SpikeEvents spikes = kernel.spikes(built.recorder());
            if (spikesFile != null) {
                writeSpikes(spikesFile, spikes);
            }
            out.println(json(network, kernel, built, spikes, tSim));
        }
        return OK;
    }

    private static void writeSpikes(Path file, SpikeEvents spikes) throws IOException {
        WholeFile.write(file, w -> {
            for (int i = 0; i < spikes.size(); i++) {
                w.write(spikes.senders()[i] + " " + String.format(Locale.ROOT, "%.3f", spikes.times()[i]) + "\n");
            }
        });
    }

    private static String json(Network network, Kernel kernel, Network.Built built, SpikeEvents spikes, double tSim) {
        SimulationStats s = kernel.stats();
        SpikeStatistics st = SpikeStatistics.of(spikes, built.neurons(), 0, tSim, 1.0);
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("network", network.name());
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
        j.put("connection_bytes", s.connectionBytes());
        j.put("recording_bytes", s.recordingBytes());
        return Json.object(j);
    }

    private static int positive(CommandLine line, String option, int defaultValue) throws UsageException {
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
