package org.neurosweep.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.neurosweep.nef.DecoderCache;
import org.neurosweep.nef.NefException;
import org.neurosweep.nef.NefStats;
import org.neurosweep.nef.networks.CommunicationChannel;

/**
 * {@code simulate nef-channel --set n=N --set d=D --t-sim MS [--seed S] [--cache DIR|off]}: the NEF communication channel
 * (n neurons per ensemble, d dimensions), one JSON line with neurons, build and simulate seconds, the
 * build's stages, RMSE and memory.
 */
final class NefChannelRun {
    static final String NAME = "nef-channel";

    private NefChannelRun() {
    }

    static int execute(CommandLine line, PrintStream out) throws UsageException {
        for (String option : new String[] {"processes", "threads", "vps", "spikes", "cluster", "rank", "endpoints"}) {
            if (line.hasOption(option)) {
                throw new UsageException(NAME + " does not take --" + option + " yet (it runs in one thread)");
            }
        }
        Map<String, Double> p = new LinkedHashMap<>(Map.of("n", 100.0, "d", 1.0));
        for (String spec : line.getOptionValues("set") == null ? new String[0] : line.getOptionValues("set")) {
            int eq = spec.indexOf('=');
            String key = eq <= 0 ? spec : spec.substring(0, eq).trim();
            if (!p.containsKey(key)) {
                throw new UsageException("--set '" + spec + "': " + NAME + " has parameters n (neurons per ensemble) and d (dimensions)");
            }
            try {
                p.put(key, Double.parseDouble(spec.substring(eq + 1).trim()));
            } catch (NumberFormatException e) {
                throw new UsageException("--set " + spec + ": '" + spec.substring(eq + 1) + "' is not a number");
            }
        }
        int n = whole(p.get("n"), "n");
        int d = whole(p.get("d"), "d");
        double tSim = 1000.0;
        if (line.hasOption("t-sim")) {
            try {
                tSim = Double.parseDouble(line.getOptionValue("t-sim").trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--t-sim '" + line.getOptionValue("t-sim") + "' is not a number");
            }
        }
        long seed = RunCommand.parseSeed(line.getOptionValue("seed"));
        String where = line.getOptionValue("cache");
        CommunicationChannel.Result r;
        DecoderCache cache;
        try {
            cache = where == null ? DecoderCache.userDefault()
                    : where.equals("off") ? null : new DecoderCache(java.nio.file.Path.of(where), 512L << 20);
            r = CommunicationChannel.run(n, d, tSim / 1000.0, seed, cache);
        } catch (NefException e) {
            throw new UsageException(e.getMessage());
        }
        NefStats s = r.stats();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("network", NAME);
        j.put("neurons", (long) r.neurons());
        j.put("dimensions", (long) d);
        j.put("seed", seed);
        j.put("t_sim_ms", tSim);
        j.put("build_s", s.buildSeconds());
        j.put("simulate_s", s.runSeconds());
        j.put("rmse", r.rmse());
        j.put("lag_ms", r.lagMs());
        j.put("eval_points_s", s.evalPointsSeconds());
        j.put("gain_bias_s", s.gainBiasSeconds());
        j.put("activities_s", s.activitiesSeconds());
        j.put("solve_s", s.solveSeconds());
        j.put("cache_s", s.cacheSeconds());
        j.put("cache_hits", cache == null ? 0L : cache.hits());
        j.put("cache_misses", cache == null ? 0L : cache.misses());
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
}
