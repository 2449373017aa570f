package org.neurosweep.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the hpc_benchmark network in Brian2: the script hpc_benchmark.py (a resource beside this class, copied
 * to a working directory) under /usr/bin/python3, with the same sizes, weights, rate and times as our run.
 * The script prints one flat JSON object as its last line; its numbers are read here by name.
 */
final class Brian2Hpc {
    static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = "hpc_benchmark.py";
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\": (null|-?[0-9.eE+-]+|\"[^\"]*\")");

    private final Path work;

    /** {@code work}: where the script, Brian2's logs and its C++ standalone projects (kept: rebuilt only when changed) go. */
    Brian2Hpc(Path work) {
        this.work = work;
    }

    /** Brian2's version, or empty with the reason printed when python3 or brian2 is missing. */
    static Optional<String> version() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-W", "ignore", "-c", "import brian2; print(brian2.__version__)")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() == 0) {
                return Optional.of(out);
            }
            String[] lines = out.split("\n");
            System.out.println("Brian2: not available (" + PYTHON + " -c 'import brian2': " + lines[lines.length - 1]
                    + "); skipping the Brian2 runs");
        } catch (IOException e) {
            System.out.println("Brian2: not available (" + e.getMessage() + "); skipping the Brian2 runs");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /**
     * One run: {@code target} is Brian2's code generation target (cython, numpy or cpp_standalone),
     * {@code threads} OpenMP threads (cpp_standalone only). Returns its figures, or empty with the reason
     * printed if the run failed.
     */
    Optional<HpcRow> run(HpcNetwork net, String target, int threads, double presimMs, double simMs) {
        try {
            Files.createDirectories(work);
            Path script = work.resolve(SCRIPT);
            try (InputStream in = Brian2Hpc.class.getResourceAsStream(SCRIPT)) {
                Files.write(script, in.readAllBytes());
            }
            Path log = work.resolve(target + "-" + threads + ".log");
            List<String> cmd = new ArrayList<>(List.of(PYTHON, "-W", "ignore", script.toString(),
                    "--ne", "" + net.ne, "--ni", "" + net.ni, "--ce", "" + HpcNetwork.CE, "--ci", "" + HpcNetwork.CI,
                    "--je", "" + HpcNetwork.JE_PA, "--g", "" + HpcNetwork.G, "--rate", "" + HpcNetwork.POISSON_RATE_HZ,
                    "--presim", "" + presimMs, "--simtime", "" + simMs, "--target", target, "--threads", "" + threads,
                    "--directory", work.resolve("standalone-" + threads).toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("PYTHONWARNINGS", "ignore");
            int status = pb.start().waitFor();
            List<String> lines = Files.readAllLines(log);
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            if (status != 0 || !last.startsWith("{")) {
                System.out.println("Brian2 " + target + ": failed (exit status " + status + "); the end of " + log + ":");
                lines.subList(Math.max(0, lines.size() - 8), lines.size()).forEach(l -> System.out.println("  " + l));
                return Optional.empty();
            }
            Map<String, String> f = new LinkedHashMap<>();
            Matcher m = FIELD.matcher(last);
            while (m.find()) {
                f.put(m.group(1), m.group(2).replace("\"", ""));
            }
            return Optional.of(new HpcRow("Brian2 " + target, threads, num(f, "build_s"), num(f, "compile_s"),
                    num(f, "presim_s"), num(f, "simulate_s"), (long) num(f, "spikes"), (long) num(f, "events"),
                    num(f, "rate_e_hz"), num(f, "rate_i_hz"), f.get("rate_e_trace"), (long) num(f, "plastic_synapses"),
                    num(f, "array_bytes_per_plastic_synapse"), num(f, "rss_bytes_per_synapse"), num(f, "w_mean"),
                    num(f, "w_min"), num(f, "w_max")));
        } catch (IOException e) {
            System.out.println("Brian2 " + target + ": cannot run " + PYTHON + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private static double num(Map<String, String> fields, String name) {
        String v = fields.get(name);
        return v == null || v.equals("null") ? Double.NaN : Double.parseDouble(v);
    }
}
