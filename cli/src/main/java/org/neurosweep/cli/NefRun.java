package org.neurosweep.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.neurosweep.exchange.Exchange;
import org.neurosweep.exchange.ExchangeException;
import org.neurosweep.nef.DecoderCache;
import org.neurosweep.nef.NefException;
import org.neurosweep.nef.NefStats;
import org.neurosweep.nef.networks.CommunicationChannel;
import org.neurosweep.nef.networks.RunOptions;
import org.neurosweep.samples.networks.NetworkProcesses;

/**
 * {@code simulate nef-channel|nef-convolution --set key=value... --t-sim MS [--seed S] [--cache DIR|off] [--optimize on|off]
 * [--threads T] [--processes P]}: a NEF reference network, one JSON line with neurons, build and simulate seconds, the
 * build's stages, RMSE, operators and memory. With P processes this JVM is rank 0 and starts P-1 helper JVMs
 * (this class's {@link #main}) that join over Aeron; rank 0 prints the line.
 */
final class NefRun {
    static final String CHANNEL = "nef-channel";
    static final String CONVOLUTION = "nef-convolution";

    /**
     * One run of a NEF network, as every process of it runs it.
     *
     * @param cache the decoder cache's directory, or "off"
     */
    record Job(String network, Map<String, Double> parameters, double tSimMs, long seed, boolean optimize, int threads, String cache) {
        List<String> toArgs() {
            List<String> a = new ArrayList<>(List.of("--nef", network, "--t-sim", Double.toString(tSimMs), "--seed", Long.toString(seed),
                    "--optimize", Boolean.toString(optimize), "--threads", Integer.toString(threads), "--cache", cache));
            parameters.forEach((k, v) -> a.addAll(List.of("--set", k + "=" + v)));
            return a;
        }

        static Job fromArgs(List<String> a) {
            Map<String, Double> p = new LinkedHashMap<>();
            for (int i = 0; i < a.size() - 1; i++) {
                if (a.get(i).equals("--set")) {
                    String[] kv = a.get(i + 1).split("=", 2);
                    p.put(kv[0], Double.parseDouble(kv[1]));
                }
            }
            return new Job(value(a, "--nef"), p, Double.parseDouble(value(a, "--t-sim")), Long.parseLong(value(a, "--seed")),
                    Boolean.parseBoolean(value(a, "--optimize")), Integer.parseInt(value(a, "--threads")), value(a, "--cache"));
        }

        private static String value(List<String> a, String name) {
            return a.get(a.indexOf(name) + 1);
        }

        /** Builds and runs the network on this process (collective with the others when {@code exchange} is given). */
        Outcome run(Exchange exchange) {
            DecoderCache c = cache.equals("off") ? null : new DecoderCache(java.nio.file.Path.of(cache), 512L << 20);
            RunOptions o = RunOptions.defaults().withCache(c).withOptimize(optimize).withThreads(threads).withExchange(exchange);
            double seconds = tSimMs / 1000.0;
            int d = (int) (double) parameters.get("d");
            int n = (int) (double) parameters.get("n");
            if (network.equals(CHANNEL)) {
                CommunicationChannel.Result r = CommunicationChannel.run(n, d, parameters.get("tau"), seconds, seed, o);
                return new Outcome(r.neurons(), r.rmse(), r.lagMs(), r.stats(), c, r.fingerprint());
            }
            org.neurosweep.nef.networks.CircularConvolution.Result r =
                    org.neurosweep.nef.networks.CircularConvolution.run(d, n, seconds, seed, o);
            return new Outcome(r.neurons(), r.rmse(), Double.NaN, r.stats(), c, r.fingerprint());
        }
    }

    /** What a run gave on this process. */
    record Outcome(long neurons, double rmse, double lagMs, NefStats stats, DecoderCache cache, long fingerprint) {
    }

    private NefRun() {
    }

    static boolean handles(String network) {
        return network.equals(CHANNEL) || network.equals(CONVOLUTION);
    }

    static int execute(String network, CommandLine line, PrintStream out) throws UsageException, IOException {
        for (String option : new String[] {"vps", "spikes", "cluster", "rank", "endpoints"}) {
            if (line.hasOption(option)) {
                throw new UsageException(network + " does not take --" + option + " (NEF networks run over threads and local processes)");
            }
        }
        Map<String, Double> p = network.equals(CHANNEL) ? new LinkedHashMap<>(Map.of("n", 100.0, "d", 1.0, "tau", 0.005))
                : new LinkedHashMap<>(Map.of("n", 200.0, "d", 8.0));
        for (String spec : line.getOptionValues("set") == null ? new String[0] : line.getOptionValues("set")) {
            int eq = spec.indexOf('=');
            String key = eq <= 0 ? spec : spec.substring(0, eq).trim();
            if (!p.containsKey(key)) {
                throw new UsageException("--set '" + spec + "': " + network + " has parameters " + (network.equals(CHANNEL)
                        ? "n (neurons per ensemble), d (dimensions) and tau (synapse, s)" : "n (neurons per product dimension) and d (dimensions)"));
            }
            try {
                p.put(key, Double.parseDouble(spec.substring(eq + 1).trim()));
            } catch (NumberFormatException e) {
                throw new UsageException("--set " + spec + ": '" + spec.substring(eq + 1) + "' is not a number");
            }
        }
        whole(p.get("n"), "n");
        whole(p.get("d"), "d");
        double tSim = 1000.0;
        if (line.hasOption("t-sim")) {
            try {
                tSim = Double.parseDouble(line.getOptionValue("t-sim").trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--t-sim '" + line.getOptionValue("t-sim") + "' is not a number");
            }
        }
        String optimize = line.getOptionValue("optimize", "on");
        if (!optimize.equals("on") && !optimize.equals("off")) {
            throw new UsageException("--optimize '" + optimize + "': give on or off");
        }
        int threads = SimulateCommand.positive(line, "threads", 1);
        int processes = SimulateCommand.positive(line, "processes", 1);
        long seed = RunCommand.parseSeed(line.getOptionValue("seed"));
        String where = line.getOptionValue("cache");
        String cache = where == null ? DecoderCache.userDefault().directory().toString() : where;
        Job job = new Job(network, p, tSim, seed, optimize.equals("on"), threads, cache);
        Outcome r;
        long t0 = System.nanoTime();
        try {
            if (processes == 1) {
                r = job.run(null);
            } else {
                try (NetworkProcesses helpers = NetworkProcesses.start(NefRun.class.getName(), job.toArgs(), processes)) {
                    try {
                        r = job.run(helpers.exchange());
                    } catch (ExchangeException e) {
                        String why = helpers.helperReport();
                        throw new UsageException(e.getMessage() + (why.isEmpty() ? "" : "; " + why));
                    }
                }
            }
        } catch (NefException e) {
            throw new UsageException(e.getMessage());
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        NefStats s = r.stats();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("network", network);
        j.put("neurons", r.neurons());
        j.put("dimensions", (long) whole(p.get("d"), "d"));
        j.put("seed", seed);
        j.put("t_sim_ms", tSim);
        j.put("optimize", optimize);
        j.put("threads", (long) threads);
        j.put("processes", (long) processes);
        j.put("build_s", s.buildSeconds());
        j.put("simulate_s", s.runSeconds());
        j.put("wall_s", wall);
        j.put("rmse", r.rmse());
        if (network.equals(CHANNEL)) {
            j.put("lag_ms", r.lagMs()); // null when the run is too short to score
        }
        j.put("eval_points_s", s.evalPointsSeconds());
        j.put("gain_bias_s", s.gainBiasSeconds());
        j.put("activities_s", s.activitiesSeconds());
        j.put("solve_s", s.solveSeconds());
        j.put("cache_s", s.cacheSeconds());
        j.put("cache_hits", r.cache() == null ? 0L : r.cache().hits());
        j.put("cache_misses", r.cache() == null ? 0L : r.cache().misses());
        j.put("operators", (long) s.operators());
        j.put("output_fingerprint", String.format("%016x", r.fingerprint()));
        j.put("peak_bytes", s.bytes());
        out.println(Json.object(j));
        return Command.OK;
    }

    private static int whole(double v, String name) throws UsageException {
        if (v < 1 || v != Math.rint(v) || v > 1e7) {
            throw new UsageException("--set " + name + "=" + v + " must be a whole number of at least 1");
        }
        return (int) v;
    }

    /** A helper process of a NEF run: joins rank 0's exchange and runs the same job; prints nothing. */
    public static void main(String[] args) {
        List<String> a = List.of(args);
        Job job = Job.fromArgs(a);
        NetworkProcesses.helperMain(a, job::run);
    }
}
