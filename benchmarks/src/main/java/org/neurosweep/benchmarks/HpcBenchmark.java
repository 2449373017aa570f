package org.neurosweep.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * NEST's hpc_benchmark network (a Brunel E/I network of iaf_psc_alpha neurons with power-law STDP,
 * stdp_pl_synapse_hom, on the E to E synapses; {@link HpcNetwork}) simulated with our simulator at 1 and 2
 * threads and with Brian2 on the same network, then compared.
 *
 * <pre>benchmarks/run hpc [--scale 0.2] [--presim 50] [--simtime 100] [--warmup 0] [--brian2 cython,cpp_standalone:1,cpp_standalone:2|none]</pre>
 *
 * <p>{@code --warmup N} runs our network N times untimed first (1 thread), so that the timed runs measure
 * the JIT-compiled engine, as Brian2's runs use its cached compiled code and report compilation apart.
 * Default 0: measured here, a warm-up run left its 16 million synapses to the garbage collector and the
 * timed 1-thread run was slower (2.8 s against 1.8-2.4 s without).
 *
 * <p>Scale 0.2 (NE 1800, NI 450) keeps NEST's in-degrees (CE 9000, CI 2250; multapses make up for the
 * smaller populations): 16.2 million plastic and 9.1 million static synapses, a few seconds to build and a
 * few hundred MB here (a few GB in Brian2). At this scale the network synchronises and STDP grows the E to E
 * weights until, some 150 to 250 ms in, E bursts take over (NEST's docs warn of this below scale 10); where
 * that starts depends on the random draws, so the default window, 50 ms of presim (timed apart) and then
 * 100 ms, ends before it and both simulators are compared in the same regime. NEST's example simulates
 * 250 ms: {@code --simtime 250}.
 *
 * <p>Printed: a header with the network; then one line per run, ours at 1 and 2 threads and Brian2's
 * (by default its Cython runtime target and its C++ standalone build with 1 and 2 OpenMP threads):
 * build seconds (ours: create, connect and laying the connections out; Brian2: its objects and connect, for
 * C++ standalone the binary's own timing of creating the synapses), compile seconds (Brian2's code
 * generation and compilation: Cython's are cached in ~/.cython, the standalone projects are kept under the
 * system's temporary directory and rebuilt only when the generated code changes), presim and simulate
 * seconds (wall clock), spikes, mean E and I rates in the window, wall-clock nanoseconds per synaptic event
 * (the cost at equal activity), plastic synapses, bytes per plastic synapse (ours:
 * {@code SimulationStats.plasticBytes}: targets, weights, delays and per-source STDP state; Brian2: its
 * per-synapse arrays, then after a slash the growth of the resident memory per synapse of any kind, spike
 * queues included), and the mean, min and max E to E weight (pA) at the end; then each run's E rate in
 * 25 ms bins; then the comparison: Brian2's simulate time over ours at the same thread count, per event too,
 * bytes per plastic synapse, build times, and whether the E rates agree within a factor of 1.5.
 *
 * <p>The Brian2 script is {@code hpc_benchmark.py} beside this class in the resources (runnable by hand); it
 * says how it matches NEST's semantics. If /usr/bin/python3 cannot import brian2, the Brian2 runs are
 * skipped with a line saying so.
 */
public final class HpcBenchmark {
    private HpcBenchmark() {
    }

    private static final String USAGE = "benchmarks/run hpc [--scale 0.2] [--presim 50] [--simtime 100] [--warmup 0]"
            + " [--brian2 cython,cpp_standalone:1,cpp_standalone:2|none]";
    private static final String BRIAN2_DEFAULT = "cython,cpp_standalone:1,cpp_standalone:2";
    private static final List<String> TARGETS = List.of("cython", "numpy", "cpp_standalone");

    /** A Brian2 run: code generation target and threads. */
    private record Brian2Case(String target, int threads) {
    }

    public static void main(String[] args) {
        Map<String, String> o = Arguments.options(args, Set.of("scale", "presim", "simtime", "warmup", "brian2"),
                USAGE);
        double scale = Arguments.positiveDecimal(o.getOrDefault("scale", "0.2"), "--scale", USAGE);
        double presim = Arguments.positiveDecimal(o.getOrDefault("presim", "50"), "--presim", USAGE);
        double simtime = Arguments.positiveDecimal(o.getOrDefault("simtime", "100"), "--simtime", USAGE);
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "0"));
        if (warmup < 0) {
            refuse("--warmup " + warmup + " must not be negative");
        }
        List<Brian2Case> brian2 = brian2Cases(o.getOrDefault("brian2", BRIAN2_DEFAULT));
        HpcNetwork net = new HpcNetwork(scale);
        if (net.ni < 2) {
            refuse("--scale " + scale + " leaves " + net.ni + " inhibitory neurons; it must be at least 0.001");
        }
        if (presim <= HpcNetwork.DELAY_MS) {
            refuse("--presim " + presim + " must be longer than the " + HpcNetwork.DELAY_MS + " ms delay");
        }

        System.out.printf("hpc benchmark: NEST's hpc_benchmark network at scale %s: NE %d, NI %d, CE %d, CI %d (NEST's"
                        + " in-degrees, multapses allowed), %,d plastic (stdp_pl_synapse_hom) + %,d static synapses, delays"
                        + " %.1f ms, Poisson %.2f Hz into each neuron; dt 0.1 ms, presim %s ms, then %s ms%n", fmt(scale),
                net.ne, net.ni, HpcNetwork.CE, HpcNetwork.CI, net.plasticSynapses(), net.staticSynapses(),
                HpcNetwork.DELAY_MS, HpcNetwork.POISSON_RATE_HZ, fmt(presim), fmt(simtime));
        System.out.printf("machine: %d cores, Java %s, max heap %d MB%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("%-26s %7s %8s %9s %8s %10s %8s %7s %7s %8s %12s %9s %7s %7s %7s%n", "simulator", "threads",
                "build s", "compile s", "presim s", "simulate s", "spikes", "E Hz", "I Hz", "ns/event", "plastic syn",
                "B/plastic", "w mean", "w min", "w max");

        List<HpcRow> rows = new ArrayList<>();
        // discarded runs first, so that the JIT has compiled the engine before the timed ones (as Brian2's
        // compiled code is cached and its compile time reported apart)
        for (int w = 0; w < warmup; w++) {
            net.run(1, presim, simtime);
        }
        for (int threads : new int[] {1, 2}) {
            rows.add(print(net.run(threads, presim, simtime)));
        }
        Optional<String> version = brian2.isEmpty() ? Optional.empty() : Brian2Hpc.version();
        if (version.isPresent()) {
            Brian2Hpc runner = new Brian2Hpc(Path.of(System.getProperty("java.io.tmpdir"), "neurosweep-brian2-hpc"));
            for (Brian2Case c : brian2) {
                runner.run(net, c.target(), c.threads(), presim, simtime).ifPresent(r -> rows.add(print(r)));
            }
        }
        System.out.println();
        System.out.println("E rate in 25 ms bins of the window (Hz)" + version.map(v -> "; Brian2 " + v + " under "
                + Brian2Hpc.PYTHON).orElse(""));
        for (HpcRow r : rows) {
            System.out.printf("  %-26s %s%n", r.simulator() + " " + r.threads(), r.rateETrace());
        }
        compare(rows);
    }

    private static HpcRow print(HpcRow r) {
        System.out.printf("%-26s %7d %8.2f %9s %8s %10.3f %8d %7.2f %7.2f %8.2f %,12d %9s %7.2f %7.2f %7.2f%n",
                r.simulator(), r.threads(), r.buildSeconds(), orDash(r.compileSeconds(), 2), orDash(r.presimSeconds(), 3),
                r.simulateSeconds(), r.spikes(), r.rateE(), r.rateI(), r.nsPerEvent(), r.plasticSynapses(),
                String.format("%.2f", r.bytesPerPlastic()) + (Double.isNaN(r.rssBytesPerSynapse()) ? ""
                        : "/" + Math.round(r.rssBytesPerSynapse())), r.wMean(), r.wMin(), r.wMax());
        return r;
    }

    private static void compare(List<HpcRow> rows) {
        System.out.println();
        System.out.println("comparison over the same window (Brian2 against ours at the same number of threads)");
        List<HpcRow> ours = rows.stream().filter(r -> r.simulator().equals("neurosweep")).toList();
        for (HpcRow b : rows) {
            if (ours.contains(b)) {
                continue;
            }
            HpcRow r = ours.get(Math.min(b.threads(), ours.size()) - 1);
            double speed = b.simulateSeconds() / r.simulateSeconds();
            double perEvent = b.nsPerEvent() / r.nsPerEvent();
            double rates = b.rateE() / r.rateE();
            System.out.printf("  %s, %d thread%s: simulate %.3f s vs %.3f s: %.1fx ours, %.1fx per event (aim: at least 10x:"
                            + " %s); build %.2f s (+ compile %.2f s) vs %.2f s; %.0f vs %.2f bytes per plastic synapse (%.1fx);"
                            + " E rate %.2f vs %.2f Hz (%s)%n", b.simulator(), b.threads(), b.threads() == 1 ? "" : "s",
                    b.simulateSeconds(), r.simulateSeconds(), speed, perEvent, Math.min(speed, perEvent) >= 10 ? "met"
                            : "not met", b.buildSeconds(), b.compileSeconds(), r.buildSeconds(), b.bytesPerPlastic(),
                    r.bytesPerPlastic(), b.bytesPerPlastic() / r.bytesPerPlastic(), b.rateE(), r.rateE(),
                    rates > 1 / 1.5 && rates < 1.5 ? "same range" : "DIFFERENT: not the same regime");
        }
        for (HpcRow r : ours) {
            System.out.printf("  neurosweep, %d thread%s: %.2f bytes per plastic synapse (aim: under 16: %s)%n", r.threads(),
                    r.threads() == 1 ? "" : "s", r.bytesPerPlastic(), r.bytesPerPlastic() < 16 ? "met" : "not met");
        }
    }

    /** "cython,cpp_standalone:2" as cases; threads default to 1; "none" for no Brian2 run. */
    private static List<Brian2Case> brian2Cases(String text) {
        List<Brian2Case> cases = new ArrayList<>();
        if (text.equals("none")) {
            return cases;
        }
        for (String part : text.split(",")) {
            String[] tt = part.split(":", 2);
            if (!TARGETS.contains(tt[0])) {
                refuse("--brian2 target '" + tt[0] + "' is not one of " + String.join(", ", TARGETS) + " (or none)");
            }
            int threads = tt.length == 1 ? 1 : Arguments.positive(tt[1], "--brian2 threads of " + tt[0], USAGE);
            if (threads > 1 && !tt[0].equals("cpp_standalone")) {
                refuse("--brian2 " + part + ": only cpp_standalone runs on several threads (OpenMP)");
            }
            cases.add(new Brian2Case(tt[0], threads));
        }
        return cases;
    }

    private static void refuse(String message) {
        System.err.println("benchmark: " + message + "\nusage: " + USAGE);
        System.exit(2);
    }

    private static String orDash(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format("%." + decimals + "f", v);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
