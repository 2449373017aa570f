package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.neurosweep.storage.TrajectoryReader;

/**
 * A real cluster of 3 JVMs on 127.0.0.1 (a coordinator and two worker nodes, started as
 * {@code neurosweep cluster ...}): the stored sweep equals a LOCAL run; a worker killed with kill -9
 * mid-sweep; the coordinator killed with kill -9 and resumed while the workers wait to rejoin.
 */
class ClusterCommandTest extends ClusterCase {
    private static final int RUNS = 400;
    private static final String GRID = "x=0.001:0.401:0.001";

    private Process start(String name, String... args) throws IOException {
        return jvms.start(name, args);
    }

    private Process coordinator(String name, int port, String... sweep) throws IOException {
        List<String> args = new ArrayList<>(List.of("cluster", "coordinator"));
        args.addAll(List.of(sweep));
        args.addAll(List.of("--port", String.valueOf(port)));
        return start(name, args.toArray(new String[0]));
    }

    private Process worker(String name, int port) throws IOException {
        return start(name, "cluster", "worker", "--seed", "127.0.0.1:" + port, "--workers", "1", "--wait", "90");
    }

    private String logs() throws IOException {
        return jvms.logs();
    }

    private void assertExitsWith(int status, Process p, String what) throws Exception {
        jvms.assertExitsWith(status, p, what);
    }

    /** The stored sweep is complete and bit-identical to a LOCAL run of the same sweep. */
    private void assertSameAsLocal(Path file) {
        ClusterNodes.assertSameAsLocal(dir, file, GRID, RUNS);
    }

    /** A coordinator of the busy sweep into {@code file} and two worker nodes: {coordinator, worker 1, worker 2}. */
    private Process[] cluster(int port, Path file, String... extra) throws IOException {
        List<String> sweep = new ArrayList<>(List.of("busy", "--grid", GRID, "--out", file.toString()));
        sweep.addAll(List.of(extra));
        Process c = coordinator(extra.length == 0 ? "coordinator" : "coordinator-1", port, sweep.toArray(new String[0]));
        return new Process[] {c, worker("worker-1", port), worker("worker-2", port)};
    }

    @Test
    void threeJvmsStoreWhatALocalRunStores() throws Exception {
        int port = CliJvm.freePort();
        Path file = dir.resolve("cluster.h5");
        Process[] nodes = cluster(port, file);
        assertExitsWith(0, nodes[0], "the coordinator");
        assertExitsWith(0, nodes[1], "worker 1");
        assertExitsWith(0, nodes[2], "worker 2");
        String log = Files.readString(dir.resolve("coordinator.log"));
        assertTrue(log.contains(RUNS + " runs: " + RUNS + " completed, 0 failed") && log.contains("(seed 42, cluster)"), log);
        assertTrue(Files.readString(dir.resolve("worker-1.log")).contains("the sweep is complete"), logs());
        assertSameAsLocal(file);
    }

    @Test
    void aClusterRunsOneShardOfASweep() throws Exception {
        int port = CliJvm.freePort();
        Path file = dir.resolve("shard-2.h5");
        Process c = coordinator("coordinator-shard", port, "busy", "--grid", GRID, "--shard", "2/2", "--out", file.toString());
        Process w = worker("worker-shard", port);
        assertExitsWith(0, c, "the coordinator of shard 2/2");
        assertExitsWith(0, w, "the worker");
        String log = Files.readString(dir.resolve("coordinator-shard.log"));
        assertTrue(log.contains("shard 2/2 of a 400-run sweep: runs 200..399") && log.contains("200 runs: 200 completed, 0 failed"), log);
        Path local = dir.resolve("local.h5");
        CliRun r = CliRun.of("run", "busy", "--grid", GRID, "--out", local.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        try (TrajectoryReader shard = TrajectoryReader.open(file); TrajectoryReader whole = TrajectoryReader.open(local)) {
            java.util.BitSet done = shard.completedRuns();
            assertEquals(200, done.cardinality());
            assertEquals(200, done.nextSetBit(0), "the shard's runs only: 200..399");
            double[] expected = (double[]) whole.summaryColumn("final");
            double[] actual = (double[]) shard.summaryColumn("final");
            for (int i = 200; i < RUNS; i++) {
                assertEquals(expected[i], actual[i], "run " + i + ": bit-identical to the unsplit LOCAL sweep");
            }
        }
    }

    @Test
    void aWorkerKilledMidSweepLosesNoRun() throws Exception {
        int port = CliJvm.freePort();
        Path file = dir.resolve("kill-worker.h5");
        Process[] nodes = cluster(port, file);
        InterruptTest.waitForRuns(file, nodes[0], 50);
        new ProcessBuilder("kill", "-9", String.valueOf(nodes[2].pid())).start().waitFor();
        assertExitsWith(0, nodes[0], "the coordinator");
        assertExitsWith(0, nodes[1], "the surviving worker");
        String log = Files.readString(dir.resolve("coordinator.log"));
        assertTrue(log.contains(RUNS + " runs: " + RUNS + " completed, 0 failed, 0 already done"),
                "every run stored once: " + log);
        assertTrue(log.contains("runs are handed out again"), "the killed node's runs were handed out again: " + log);
        assertSameAsLocal(file);
    }

    @Test
    void ctrlCOnTheCoordinatorStoresInFlightRunsAndSendsTheWorkersHome() throws Exception {
        CliJvm.assumeSigintReachesChildren();
        int port = CliJvm.freePort();
        Path file = dir.resolve("stopped.h5");
        Process[] nodes = cluster(port, file, "--set", "iterations=8000000");
        long atSignal = InterruptTest.waitForRuns(file, nodes[0], 30);
        new ProcessBuilder("kill", "-INT", String.valueOf(nodes[0].pid())).start().waitFor();
        assertExitsWith(SweepExecution.STOPPED, nodes[0], "the stopped coordinator");
        assertExitsWith(0, nodes[1], "worker 1");
        assertExitsWith(0, nodes[2], "worker 2");
        String log = Files.readString(dir.resolve("coordinator-1.log"));
        assertTrue(log.contains("stopping: no new runs") && log.contains("'neurosweep cluster coordinator --resume " + file), log);
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            long completed = reader.completedRuns().cardinality();
            assertTrue(completed >= atSignal && completed < RUNS, completed + " runs stored, " + atSignal + " at the signal");
        }
    }

    @Test
    void aKilledCoordinatorResumesFromItsFileAndTheWorkersRejoin() throws Exception {
        int port = CliJvm.freePort();
        Path file = dir.resolve("kill-coordinator.h5");
        Process[] nodes = cluster(port, file, "--set", "iterations=8000000");
        Process c = nodes[0];
        InterruptTest.waitForRuns(file, c, 50);
        new ProcessBuilder("kill", "-9", String.valueOf(c.pid())).start().waitFor();
        assertTrue(c.waitFor(30, TimeUnit.SECONDS));
        long stored;
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            stored = reader.completedRuns().cardinality();
        }
        assertTrue(stored >= 50 && stored < RUNS, stored + " runs stored when the coordinator was killed");

        Process resumed = coordinator("coordinator-2", port, "--resume", file.toString());
        assertExitsWith(0, resumed, "the resumed coordinator");
        assertExitsWith(0, nodes[1], "worker 1");
        assertExitsWith(0, nodes[2], "worker 2");
        String log = Files.readString(dir.resolve("coordinator-2.log"));
        assertTrue(log.matches("(?s).*" + RUNS + " runs: \\d+ completed, 0 failed, \\d+ already done.*"), log);
        String counts = log.replaceAll("(?s).*" + RUNS + " runs: (\\d+) completed, 0 failed, (\\d+) already done.*", "$1 $2");
        String[] n = counts.split(" ");
        assertEquals(RUNS, Integer.parseInt(n[0]) + Integer.parseInt(n[1]), "every run stored exactly once: " + log);
        assertTrue(Long.parseLong(n[1]) >= stored, log);
        assertTrue(Files.readString(dir.resolve("worker-1.log")).contains("lost the coordinator"), logs());
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals(RUNS, reader.completedRuns().cardinality());
        }
    }
}
