package org.neurosweep.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.neurosweep.nef.DecoderCache;
import org.neurosweep.nef.EnsembleArray;
import org.neurosweep.nef.NefStats;
import org.neurosweep.nef.Network;
import org.neurosweep.nef.Node;
import org.neurosweep.nef.Probe;
import org.neurosweep.nef.Simulator;
import org.neurosweep.nef.networks.CommunicationChannel;
import org.neurosweep.nef.networks.RunOptions;

/**
 * The NEF engine against Nengo 4.1's figures on this kind of machine (../shared/notes/nef.md): the
 * communication channel at (n, d) = (100, 1), (250, 1), (500, 10), (1000, 50) for 10 s with the optimizer on
 * and off; two EnsembleArrays in series with the optimizer on and off (operators, build, run, memory);
 * the decoder cache cold and warm on a 1,000-neuron ensemble; threads. Every case runs once to warm the JIT,
 * then {@code --repetitions} times; the table gives each timed run.
 *
 * <pre>benchmarks/run nef [--repetitions N] [--t-sim S] [--threads T] [--only channel|convolution|array|cache|threads]</pre>
 */
public final class NefBenchmark {
    private static final String USAGE = "benchmarks/run nef [--repetitions N] [--t-sim S] [--threads T] [--only channel|convolution|array|cache|threads]";
    /** Nengo 4.1's run seconds per 10 s of the channel, one BLAS thread, medians (notes/nef.md). */
    private static final Map<String, Double> NENGO_RUN = Map.of("100x1", 0.44, "250x1", 0.53, "500x10", 0.71, "1000x50", 1.73);
    private static final Map<String, Double> NENGO_BUILD = Map.of("100x1", 0.025, "250x1", 0.065, "500x10", 0.21, "1000x50", 0.52);

    private NefBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Arguments.options(args, Set.of("repetitions", "t-sim", "threads", "only"), USAGE);
        int repetitions = Arguments.positive(o.getOrDefault("repetitions", "2"), "--repetitions", USAGE);
        double tSim = Arguments.positiveDecimal(o.getOrDefault("t-sim", "10"), "--t-sim", USAGE);
        int threads = Arguments.positive(o.getOrDefault("threads", "2"), "--threads", USAGE);
        String only = o.getOrDefault("only", "");
        System.out.printf("nef benchmark: %d cores, Java %s; dt 1 ms, %s s simulated; %d timed run(s) after one to warm the JIT%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), tSim, repetitions);
        if (only.isEmpty() || only.equals("channel")) {
            channel(tSim, repetitions);
        }
        if (only.isEmpty() || only.equals("convolution")) {
            convolution(repetitions);
        }
        if (only.isEmpty() || only.equals("array")) {
            arrays(repetitions);
        }
        if (only.isEmpty() || only.equals("cache")) {
            cache(repetitions);
        }
        if (only.isEmpty() || only.equals("threads")) {
            threads(tSim, repetitions, threads);
        }
    }

    private static void channel(double tSim, int repetitions) {
        System.out.printf("%ncommunication channel (Bekolay et al. 2014), cache off%n");
        System.out.printf("%-8s %-8s %4s %8s %9s %8s %8s %9s %9s %10s %8s%n", "n x d", "optimize", "rep", "build s", "run s", "rmse",
                "ops", "peak MB", "vs Nengo", "GMAC/s", "lag ms");
        int[][] sizes = {{100, 1}, {250, 1}, {500, 10}, {1000, 50}};
        for (int[] nd : sizes) {
            String key = nd[0] + "x" + nd[1];
            for (boolean optimize : new boolean[] {true, false}) {
                RunOptions opts = RunOptions.defaults().withOptimize(optimize);
                CommunicationChannel.run(nd[0], nd[1], 0.005, tSim, 7, opts); // warms the JIT
                for (int rep = 1; rep <= repetitions; rep++) {
                    CommunicationChannel.Result r = CommunicationChannel.run(nd[0], nd[1], 0.005, tSim, 7 + rep, opts);
                    NefStats s = r.stats();
                    double nengo = NENGO_RUN.get(key) * tSim / 10;
                    System.out.printf("%-8s %-8s %4d %8.3f %9.4f %8.4f %8d %9.2f %8.1fx %10.2f %8.0f%n", key, optimize ? "on" : "off", rep,
                            s.buildSeconds(), s.runSeconds(), r.rmse(), s.operators(), s.bytes() / 1e6, nengo / s.runSeconds(),
                            multiplyAdds(nd[0], nd[1]) * (tSim / 0.001) / s.runSeconds() / 1e9, r.lagMs());
                }
            }
            System.out.printf("%-8s Nengo 4.1: build %.3f s, run %.2f s per 10 s%n", key, NENGO_BUILD.get(key), NENGO_RUN.get(key));
        }
        System.out.println("GMAC/s: the dense multiply-adds of a step (both ensembles' encoders, the two decoders with every neuron, the"
                + " transforms) per second of run; the engine skips silent neurons when decoding, so it does fewer.");
    }

    private static void convolution(int repetitions) {
        System.out.printf("%ncircular convolution of two fixed unit vectors, 200 neurons per product dimension, 1 s, cache off"
                + " (Nengo 4.1: d = 8 4,000 neurons, build 0.83 s, run 0.16 s, RMSE 0.040-0.096; d = 16 7,200 neurons, build 1.2 s,"
                + " run 0.21 s)%n");
        System.out.printf("%-4s %-8s %4s %8s %8s %9s %8s %8s %9s%n", "d", "optimize", "rep", "neurons", "build s", "run s", "rmse", "ops",
                "peak MB");
        for (int d : new int[] {8, 16}) {
            for (boolean optimize : new boolean[] {true, false}) {
                RunOptions opts = RunOptions.defaults().withOptimize(optimize);
                org.neurosweep.nef.networks.CircularConvolution.run(d, 200, 1.0, 1, opts);
                for (int rep = 1; rep <= repetitions; rep++) {
                    var r = org.neurosweep.nef.networks.CircularConvolution.run(d, 200, 1.0, 1 + rep, opts);
                    System.out.printf("%-4d %-8s %4d %8d %8.3f %9.4f %8.4f %8d %9.2f%n", d, optimize ? "on" : "off", rep, r.neurons(),
                            r.stats().buildSeconds(), r.stats().runSeconds(), r.rmse(), r.stats().operators(), r.stats().bytes() / 1e6);
                }
            }
        }
    }

    /** Dense multiply-adds of one step of the channel: encoders n x d twice, decoders n x d twice (A to B, the probe), transforms d x d twice. */
    private static double multiplyAdds(int n, int d) {
        return 2.0 * n * d + 2.0 * n * d + 2.0 * d * d;
    }

    /** Nengo's optimizer figure: two EnsembleArrays of 64 ensembles x 50 neurons in series, 1 s. */
    private static void arrays(int repetitions) {
        System.out.printf("%ntwo EnsembleArrays of 64 x 50 neurons in series, 1 s (Nengo 4.1: on 22 operators, build 0.59 s, run 0.19 s;"
                + " off 1,037 operators, build 0.44 s, run 2.75 s)%n");
        System.out.printf("%-8s %4s %8s %9s %8s %9s %14s%n", "optimize", "rep", "build s", "run s", "ops", "peak MB", "heap used MB");
        for (boolean optimize : new boolean[] {true, false}) {
            arrayNetwork(optimize, 1);
            for (int rep = 1; rep <= repetitions; rep++) {
                System.gc();
                long before = usedHeap();
                NefStats s = arrayNetwork(optimize, 1 + rep);
                System.out.printf("%-8s %4d %8.3f %9.4f %8d %9.2f %14.1f%n", optimize ? "on" : "off", rep, s.buildSeconds(), s.runSeconds(),
                        s.operators(), s.bytes() / 1e6, (usedHeap() - before) / 1e6);
            }
        }
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    static NefStats arrayNetwork(boolean optimize, long seed) {
        Network net = new Network(seed);
        int count = 64;
        Node u = net.node("u", count, t -> {
            double[] v = new double[count];
            for (int i = 0; i < count; i++) {
                v[i] = 0.8 * Math.sin(2 * Math.PI * t + i);
            }
            return v;
        });
        EnsembleArray a = net.ensembleArray("a", 50, count, 1, 1.0);
        EnsembleArray b = net.ensembleArray("b", 50, count, 1, 1.0);
        net.connect(u, a.input());
        net.connect(a.output(), b.input());
        Probe p = net.probe(b.output(), 0.01, 0);
        Simulator sim = Simulator.builder(net).optimize(optimize).build();
        sim.run(1.0);
        if (sim.data(p).length != 1000) {
            throw new IllegalStateException("the probe took " + sim.data(p).length + " samples");
        }
        return sim.stats();
    }

    private static void cache(int repetitions) throws Exception {
        System.out.printf("%ndecoder cache, a channel's build (cold: an empty cache; warm: the same network again), n = 1000"
                + " (Nengo 4.1: d = 1 0.313 / 0.047 s, 6.7x; d = 16 0.412 / 0.072 s, 5.7x)%n");
        System.out.printf("%-4s %4s %10s %10s %8s%n", "d", "rep", "cold s", "warm s", "ratio");
        for (int d : new int[] {1, 16}) {
            for (int rep = 0; rep <= repetitions; rep++) {
                Path dir = Files.createTempDirectory("neurosweep-bench-decoders");
                try {
                    DecoderCache c = new DecoderCache(dir, 512L << 20);
                    RunOptions opts = RunOptions.defaults().withCache(c);
                    double cold = CommunicationChannel.run(1000, d, 0.005, 0.001, 11 + rep, opts).stats().buildSeconds();
                    double warm = CommunicationChannel.run(1000, d, 0.005, 0.001, 11 + rep, opts).stats().buildSeconds();
                    if (rep > 0) {
                        System.out.printf("%-4d %4d %10.4f %10.4f %7.1fx%n", d, rep, cold, warm, cold / warm);
                    }
                } finally {
                    try (var files = Files.walk(dir)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    }
                }
            }
        }
    }

    private static void threads(double tSim, int repetitions, int threads) {
        System.out.printf("%nthreads: the channel (1000, 50), %s s, optimizer on; identical output checked%n", tSim);
        System.out.printf("%-8s %4s %8s %9s %8s%n", "threads", "rep", "build s", "run s", "rmse");
        double want = Double.NaN;
        for (int t : new int[] {1, threads}) {
            RunOptions opts = RunOptions.defaults().withThreads(t);
            CommunicationChannel.run(1000, 50, 0.005, 1.0, 3, opts);
            for (int rep = 1; rep <= repetitions; rep++) {
                CommunicationChannel.Result r = CommunicationChannel.run(1000, 50, 0.005, tSim, 5, opts);
                if (Double.isNaN(want)) {
                    want = r.rmse();
                } else if (Double.doubleToLongBits(want) != Double.doubleToLongBits(r.rmse())) {
                    throw new IllegalStateException(t + " threads gave RMSE " + r.rmse() + ", 1 thread " + want);
                }
                System.out.printf("%-8d %4d %8.3f %9.4f %8.4f%n", t, rep, r.stats().buildSeconds(), r.stats().runSeconds(), r.rmse());
            }
        }
    }
}
