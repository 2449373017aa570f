package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest extends CliCase {
    @TempDir
    Path dir;


    private double field(String name) {
        String marker = "\"" + name + "\": ";
        int at = out.indexOf(marker);
        assertTrue(at >= 0, name + " in " + out);
        String rest = out.substring(at + marker.length());
        return Double.parseDouble(rest.substring(0, rest.indexOf(rest.contains(",") ? "," : "}")).trim());
    }

    @Test
    void oneNeuronWritesItsSpikesAndFigures() throws Exception {
        Path spikes = dir.resolve("one.txt");
        assertEquals(0, run("simulate", "one-neuron", "--spikes", spikes.toString()));
        List<String> lines = Files.readAllLines(spikes);
        assertEquals(16, lines.size());
        assertEquals("1 59.300", lines.get(0));
        assertEquals("1 120.600", lines.get(1));
        assertEquals(16.0, field("spikes"));
        assertEquals(16.0, field("rate_hz"));
        for (String key : List.of("cv_isi", "build_s", "simulate_s", "events", "events_per_s", "load_balance")) {
            assertTrue(out.contains("\"" + key + "\": "), key);
        }
    }

    @Test
    void scaledBrunelGivesIdenticalSpikeFilesForAnyThreadsAndVps() throws Exception {
        String reference = null;
        for (String[] layout : new String[][] {{"1", "1"}, {"2", "2"}, {"4", "4"}, {"1", "3"}, {"2", "8"}}) {
            Path file = dir.resolve("brunel-" + layout[0] + "-" + layout[1] + ".txt");
            assertEquals(0, run("simulate", "brunel", "--set", "scale=0.05", "--t-sim", "300", "--threads", layout[0],
                    "--vps", layout[1], "--spikes", file.toString()), err);
            String content = Files.readString(file);
            assertTrue(content.lines().count() > 100, "the network spikes");
            if (reference == null) {
                reference = content;
            } else {
                assertEquals(reference, content, layout[0] + " threads, " + layout[1] + " VPs");
            }
        }
        for (String line : reference.lines().limit(200).toList()) {
            String[] parts = line.split(" ");
            assertEquals(2, parts.length, line);
        }
    }

    @Test
    void theNefChannelPrintsItsFigures() {
        String cache = dir.resolve("decoders").toString();
        assertEquals(0, run("simulate", "nef-channel", "--set", "n=100", "--set", "d=1", "--t-sim", "2000", "--seed", "3",
                "--cache", cache), err);
        assertEquals(0.0, field("cache_hits"));
        assertEquals(2.0, field("cache_misses"), "the connection's decoders and the probe's");
        String cold = out;
        assertEquals(0, run("simulate", "nef-channel", "--set", "n=100", "--set", "d=1", "--t-sim", "2000", "--seed", "3",
                "--cache", cache), err);
        assertEquals(2.0, field("cache_hits"));
        assertEquals(cold.substring(cold.indexOf("\"rmse\"")).split(",")[0], out.substring(out.indexOf("\"rmse\"")).split(",")[0],
                "the same RMSE from cached decoders");
        assertEquals(200.0, field("neurons"));
        double rmse = field("rmse");
        assertTrue(rmse > 0.001 && rmse < 0.03, "Nengo's range is 0.020-0.025: " + rmse);
        for (String key : List.of("build_s", "simulate_s", "solve_s", "activities_s", "peak_bytes", "lag_ms", "operators")) {
            assertTrue(out.contains("\"" + key + "\": "), key + " in " + out);
        }
        assertEquals(2, run("simulate", "nef-channel", "--set", "n=0", "--cache", "off"));
        assertTrue(err.contains("n=0.0 must be a whole number"), err);
        assertEquals(2, run("simulate", "nef-channel", "--set", "beta=3", "--cache", "off"));
        assertTrue(err.contains("parameters n") && err.contains("tau"), err);
        assertEquals(2, run("simulate", "nef-channel", "--set", "tau=-0.01", "--cache", "off"));
        assertTrue(err.contains("-0.01"), err);
        assertEquals(2, run("simulate", "nef-channel", "--optimize", "maybe", "--cache", "off"));
        assertTrue(err.contains("'maybe'"), err);
    }

    @Test
    void theNefChannelGivesTheSameBitsOnProcessesThreadsAndWithoutTheOptimizer() {
        List<String> base = List.of("simulate", "nef-channel", "--set", "n=50", "--set", "d=2", "--t-sim", "300", "--cache", "off",
                "--seed", "5");
        assertEquals(0, run(base.toArray(new String[0])), err);
        String want = out.substring(out.indexOf("\"output_fingerprint\"")).split(",")[0];
        assertTrue(want.matches("\"output_fingerprint\": \"[0-9a-f]{16}\""), want);
        List<String> processes = new java.util.ArrayList<>(base);
        processes.addAll(List.of("--processes", "2"));
        assertEquals(0, run(processes.toArray(new String[0])), err);
        assertEquals(2.0, field("processes"));
        assertEquals(want, out.substring(out.indexOf("\"output_fingerprint\"")).split(",")[0], "2 processes");
        List<String> threads = new java.util.ArrayList<>(base);
        threads.addAll(List.of("--threads", "2", "--optimize", "off"));
        assertEquals(0, run(threads.toArray(new String[0])), err);
        assertEquals(want, out.substring(out.indexOf("\"output_fingerprint\"")).split(",")[0], "2 threads, optimizer off");
        List<String> other = new java.util.ArrayList<>(base);
        other.set(other.indexOf("5"), "6");
        assertEquals(0, run(other.toArray(new String[0])), err);
        assertTrue(!out.contains(want), "another seed, another output: " + out);
    }

    @Test
    void theNefConvolutionPrintsItsFigures() {
        assertEquals(0, run("simulate", "nef-convolution", "--set", "d=4", "--t-sim", "400", "--cache", "off"), err);
        assertEquals(2400.0, field("neurons"), "200 neurons x 4 (d/2 + 1) product dimensions, d = 4");
        double rmse = field("rmse");
        assertTrue(rmse > 0.001 && rmse < 0.1, "Nengo's range at d = 8 is 0.040-0.096: " + rmse);
        assertTrue(field("operators") > 0);
        assertEquals(2, run("simulate", "nef-convolution", "--set", "tau=1", "--cache", "off"));
        assertTrue(err.contains("n (neurons per product dimension) and d"), err);
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(2, run("simulate", "hopfield"));
        assertTrue(err.contains("unknown network 'hopfield'") && err.contains("brunel"), err);
        assertEquals(2, run("simulate", "brunel", "--set", "gamma=1"));
        assertTrue(err.contains("no parameter 'gamma'"), err);
        assertEquals(2, run("simulate", "brunel", "--set", "g=five"));
        assertTrue(err.contains("'five' is not a number"), err);
        assertEquals(2, run("simulate", "one-neuron", "--t-sim", "-5"));
        assertTrue(err.contains("--t-sim"), err);
        assertEquals(2, run("simulate", "one-neuron", "--threads", "0"));
        assertTrue(err.contains("--threads '0'"), err);
        assertEquals(2, run("simulate", "one-neuron", "--threads", "4", "--vps", "2"));
        assertTrue(err.contains("at least local_num_threads"), err);
        assertEquals(2, run("simulate", "one-neuron", "--t-sim", "0.05"));
        assertTrue(err.contains("not a multiple of the resolution"), err);
    }
}
