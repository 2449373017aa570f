package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code neurosweep simulate NETWORK --processes P}: this JVM and P-1 helper JVMs it starts simulate one
 * network over Aeron; the spike file is byte for byte the one of a single process, whatever the processes,
 * threads and VPs.
 */
class SimulateProcessesTest extends CliCase {
    @TempDir
    Path dir;

    private String spikes(String network, String scale, String... layout) throws Exception {
        Path file = dir.resolve(network + "-" + String.join("-", layout) + ".txt");
        String[] base = {"simulate", network, "--t-sim", "200", "--spikes", file.toString()};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base),
                java.util.Arrays.stream(scale == null ? layout : concat(new String[] {"--set", "scale=" + scale}, layout)))
                .toArray(String[]::new);
        assertEquals(0, run(args), err);
        return Files.readString(file);
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new);
    }

    @Test
    void brunelSpikeFilesAreTheSameForOneTwoAndThreeProcesses() throws Exception {
        String one = spikes("brunel", "0.1", "--vps", "6");
        assertTrue(one.lines().count() > 500, "the network spikes: " + one.lines().count());
        assertEquals(one, spikes("brunel", "0.1", "--processes", "2", "--vps", "6"), "2 processes x 1 thread");
        assertTrue(out.contains("\"processes\": 2") && out.contains("\"bytes_per_spike\": "), out);
        assertEquals(one, spikes("brunel", "0.1", "--processes", "3", "--threads", "2", "--vps", "6"), "3 processes x 2 threads");
        assertEquals(one, spikes("brunel", "0.1", "--processes", "2", "--threads", "2", "--vps", "4"), "2 x 2, 4 VPs");
    }

    @Test
    void cubaSpikeFilesAreTheSameForOneAndTwoProcesses() throws Exception {
        String one = spikes("cuba", null);
        assertTrue(one.lines().count() > 500, "the network spikes: " + one.lines().count());
        assertEquals(one, spikes("cuba", null, "--processes", "2", "--threads", "2"), "2 processes x 2 threads");
    }

    private static int freeUdpPort() throws Exception {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void processesStartedByTheUserMeetOverUdpAndAgreeWithOneProcess() throws Exception {
        String one = spikes("brunel", "0.1");
        String endpoints = "127.0.0.1:" + freeUdpPort() + ",127.0.0.1:" + freeUdpPort();
        Process rank1 = CliJvm.start(dir, dir.resolve("rank1.log"), "simulate", "brunel", "--set", "scale=0.1", "--t-sim", "200",
                "--rank", "1", "--endpoints", endpoints);
        try {
            String two = spikes("brunel", "0.1", "--rank", "0", "--endpoints", endpoints);
            assertEquals(one, two, "2 processes over UDP");
            assertTrue(rank1.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "rank 1 ends after the run");
            assertEquals(0, rank1.exitValue(), Files.readString(dir.resolve("rank1.log")));
            assertEquals("", Files.readString(dir.resolve("rank1.log")).strip(), "only rank 0 prints");
        } finally {
            rank1.destroyForcibly();
        }
    }

    @Test
    void ranksOnClusterWorkersGiveTheSameSpikes() throws Exception {
        String one = spikes("brunel", "0.1");
        int port = CliJvm.freePort();
        Process worker = CliJvm.start(dir, dir.resolve("worker.log"), "cluster", "worker", "--seed", "127.0.0.1:" + port,
                "--workers", "2", "--wait", "90");
        try {
            String three = spikes("brunel", "0.1", "--processes", "3", "--cluster", "--port", Integer.toString(port));
            assertEquals(one, three, "rank 0 here, ranks 1 and 2 on a worker node, over UDP");
            assertTrue(out.contains("\"processes\": 3"), out);
            assertTrue(worker.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the worker leaves when its runs are done");
            assertEquals(0, worker.exitValue(), Files.readString(dir.resolve("worker.log")));
        } finally {
            worker.destroyForcibly();
        }
    }

    @Test
    void aPortInUseIsNamed() throws Exception {
        try (java.net.DatagramSocket taken = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            String endpoints = "127.0.0.1:" + taken.getLocalPort() + ",127.0.0.1:" + freeUdpPort();
            assertEquals(1, run("simulate", "one-neuron", "--rank", "0", "--endpoints", endpoints));
            assertTrue(err.contains("127.0.0.1:" + taken.getLocalPort()), err);
        }
    }

    @Test
    void aVpCountThatIsNotAMultipleOfTheProcessesIsRefused() {
        assertEquals(2, run("simulate", "one-neuron", "--processes", "2", "--vps", "3"));
        assertTrue(err.contains("--vps 3 must be a multiple of --processes 2"), err);
        assertEquals(2, run("simulate", "one-neuron", "--processes", "0"));
        assertTrue(err.contains("--processes '0'"), err);
        assertEquals(2, run("simulate", "one-neuron", "--rank", "2", "--endpoints", "a:1,b:2"));
        assertTrue(err.contains("--rank 2 is not in 0..1"), err);
        assertEquals(2, run("simulate", "one-neuron", "--rank", "0", "--endpoints", "a:1,b:x"));
        assertTrue(err.contains("'b:x'"), err);
        assertEquals(2, run("simulate", "one-neuron", "--endpoints", "a:1,b:2"));
        assertTrue(err.contains("--endpoints needs --rank"), err);
    }
}
