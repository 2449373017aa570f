package org.neurosweep.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.explore.Sweep;
import org.neurosweep.runners.wire.UnregisteredClassException;
import org.neurosweep.trajectory.InMemorySink;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.Trajectory;

/**
 * A real Pekko cluster on 127.0.0.1: the coordinator in this JVM, worker nodes in their own JVMs
 * ({@link ClusterWorker#main}). Kill -9 and coordinator restarts are tested with the command line (cli).
 */
class ClusterTest {
    @TempDir
    Path dir;

    private final List<Process> workers = new ArrayList<>();

    @AfterEach
    void stopWorkers() {
        workers.forEach(Process::destroyForcibly);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Process startWorker(int port, int slots) throws IOException {
        return startWorker(port, slots, 60);
    }

    private Process startWorker(int port, int slots, int waitSeconds) throws IOException {
        Path log = dir.resolve("worker-" + (workers.size() + 1) + ".log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), ClusterWorker.class.getName(), "127.0.0.1:" + port,
                String.valueOf(slots), String.valueOf(waitSeconds)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        workers.add(p);
        return p;
    }

    private static Environment.Builder coordinator(Trajectory t, InMemorySink sink, int port, Duration timeout) {
        return Environment.builder(t).sink(sink).mode(Mode.CLUSTER)
                .cluster(new ClusterSettings("127.0.0.1", port, null, timeout));
    }

    private String logs() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int w = 1; w <= workers.size(); w++) {
            b.append("\n--- worker ").append(w).append(":\n").append(Files.readString(dir.resolve("worker-" + w + ".log")));
        }
        return b.toString();
    }

    private void assertWorkersExitZero() throws Exception {
        for (Process p : workers) {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "a worker ends when the sweep is complete" + logs());
            assertEquals(0, p.exitValue(), logs());
        }
    }

    @Test
    void twoWorkerNodesStoreWhatLocalStores() throws Exception {
        int port = freePort();
        startWorker(port, 1);
        startWorker(port, 1);
        InMemorySink sink = new InMemorySink();
        RunFunction f = ModesTest.FUNCTION;
        // every run waits until both nodes have started one (each leaves a file named after its JVM), so that
        // both take part however late the second joins on a busy machine
        String rendezvous = Files.createDirectories(dir.resolve("nodes")).toString();
        SweepSummary s = coordinator(ModesTest.trajectory(), sink, port, Duration.ofMinutes(5)).build().run(run -> {
            Path nodes = Path.of(rendezvous);
            Path mine = nodes.resolve("node-" + ProcessHandle.current().pid());
            if (!Files.exists(mine)) {
                Files.createFile(mine);
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (System.nanoTime() < deadline) {
                try (var present = Files.list(nodes)) {
                    if (present.count() >= 2) {
                        break;
                    }
                }
                Thread.sleep(10);
            }
            f.run(run);
        });
        assertEquals(299, s.completed(), s + logs());
        assertEquals(1, s.failed());
        List<RunRecord> local = ModesTest.run(Mode.LOCAL, 1, true);
        ModesTest.assertSameValues(local, sink.records(), "CLUSTER");
        assertTrue(sink.record(17).error().contains("run 17 fails in every mode"), sink.record(17).error());
        Set<String> nodes = new HashSet<>();
        sink.records().forEach(r -> nodes.add(r.worker().substring(0, r.worker().indexOf('/'))));
        assertEquals(2, nodes.size(), "both worker nodes ran runs: " + nodes);
        assertTrue(nodes.stream().allMatch(n -> n.startsWith("127.0.0.1:")), nodes.toString());
        assertWorkersExitZero();
    }

    /** Frozen input and results larger than Artery's 256 KiB frame arrive whole, in chunks. */
    @Test
    void messagesLargerThanAFrameArriveWhole() throws Exception {
        Trajectory t = new Trajectory("large", 3);
        t.addParameter("x", 0.0);
        t.addParameter("notes", "n".repeat(400_000), "400 KB in the frozen input");
        t.explore(Sweep.linspace("x", 0, 1, 12));
        RunFunction big = run -> {
            double[] v = new double[run.index() % 2 == 0 ? 100_000 : 10]; // 800 KB or 80 bytes
            for (int i = 0; i < v.length; i++) {
                v[i] = run.getDouble("x") + i;
            }
            run.addResult("runs.$set.$.v", v);
            run.addResult("notes_length", run.getString("notes").length());
        };
        int port = freePort();
        startWorker(port, 2);
        InMemorySink sink = new InMemorySink();
        SweepSummary s = coordinator(t, sink, port, Duration.ofMinutes(5)).build().run(big);
        assertEquals(12, s.completed(), s + logs());
        for (int i = 0; i < 12; i++) {
            double[] v = (double[]) sink.record(i).values().get(0).value();
            assertEquals(i % 2 == 0 ? 100_000 : 10, v.length);
            assertEquals(i / 11.0 + v.length - 1, v[v.length - 1], 1e-9);
            assertEquals(400_000, sink.record(i).values().get(1).value());
        }
        assertWorkersExitZero();
    }

    /** A run whose result never comes is handed out again after the timeout, then stored as failed. */
    @Test
    void overdueRunsAreRetriedThenStoredAsFailed() throws Exception {
        Trajectory t = WorkerFailuresTest.trajectory(8);
        String marker = dir.resolve("run3-started").toString();
        RunFunction f = run -> {
            int x = run.getInt("x");
            // run 3 hangs the first time only; run 5 hangs every time
            boolean hang = x == 5 || (x == 3 && new java.io.File(marker).createNewFile());
            if (hang) {
                Thread.sleep(600_000);
            }
            run.addResult("y", x * 10);
        };
        int port = freePort();
        startWorker(port, 2);
        InMemorySink sink = new InMemorySink();
        SweepSummary s = coordinator(t, sink, port, Duration.ofSeconds(3)).maxRetries(1).build().run(f);
        assertEquals(7, s.completed(), s + logs());
        assertEquals(1, s.failed());
        assertEquals(RunStatus.COMPLETED, sink.record(3).status(), "run 3 succeeded when handed out again");
        assertEquals(30, sink.record(3).values().get(0).value());
        RunRecord five = sink.record(5);
        assertEquals(RunStatus.FAILED, five.status());
        assertTrue(five.error().contains("handed out 2 times without a result")
                && five.error().contains("within the run timeout of 3 s"), five.error());
        assertWorkersExitZero();
    }

    /** A run queued behind a slow one on one node is taken by an idle node at the end of the sweep. */
    @Test
    void anIdleNodeTakesARunQueuedBehindASlowOne() throws Exception {
        Trajectory t = WorkerFailuresTest.trajectory(3);
        RunFunction f = run -> {
            if (run.getInt("x") == 0) {
                Thread.sleep(8000);
            }
            run.addResult("y", run.getInt("x") + 1);
        };
        int port = freePort();
        startWorker(port, 1);
        startWorker(port, 1);
        InMemorySink sink = new InMemorySink();
        SweepSummary s = coordinator(t, sink, port, Duration.ofMinutes(5)).build().run(f);
        assertEquals(3, s.completed(), s + logs());
        RunRecord slow = sink.record(0);
        for (int i = 1; i < 3; i++) {
            RunRecord r = sink.record(i);
            long end = r.startMillis() + r.durationNanos() / 1_000_000;
            long slowEnd = slow.startMillis() + slow.durationNanos() / 1_000_000;
            assertTrue(end < slowEnd, "run " + i + " waited for the 8 s run 0 (ended " + (end - slowEnd)
                    + " ms after it, on " + r.worker() + ")" + logs());
        }
        assertWorkersExitZero();
    }

    @Test
    void aWorkerWithNoCoordinatorGivesUpAfterItsWait() throws Exception {
        int port = freePort();
        long t0 = System.nanoTime();
        Process w = startWorker(port, 1, 4);
        assertTrue(w.waitFor(60, TimeUnit.SECONDS), logs());
        assertEquals(1, w.exitValue(), logs());
        assertTrue(logs().contains("no coordinator at 127.0.0.1:" + port + " within 4 s; giving up"), logs());
        assertTrue(System.nanoTime() - t0 > 4e9, "it looked for at least its wait");
    }

    record Captured(double[] weights) {
    }

    @Test
    void anUnregisteredCapturedClassFailsBeforeTheClusterStarts() {
        Captured c = new Captured(new double[] {1, 2});
        Trajectory t = new Trajectory("unregistered", 1);
        t.addParameter("x", 0);
        UnregisteredClassException e = assertThrows(UnregisteredClassException.class, () ->
                coordinator(t, new InMemorySink(), 0, Duration.ofMinutes(1)).build().run(run -> run.addResult("w", c.weights()[0])));
        assertTrue(e.getMessage().contains(Captured.class.getName()) && e.getMessage().contains(".register("), e.getMessage());
    }
}
