package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neurosweep.storage.TrajectoryReader;

/** The JVMs of a test's cluster, each {@code neurosweep ...} with its output in {@code NAME.log}; closing kills what is left. */
final class ClusterNodes implements AutoCloseable {
    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    ClusterNodes(Path dir) {
        this.dir = dir;
    }

    Process start(String name, String... args) throws IOException {
        return start(name, Map.of(), args);
    }

    Process start(String name, Map<String, String> environment, String... args) throws IOException {
        Path log = log(name);
        logs.add(log);
        Process p = CliJvm.start(dir, log, environment, args);
        processes.add(p);
        return p;
    }

    Path log(String name) {
        return dir.resolve(name + ".log");
    }

    String log(Process p) throws IOException {
        return Files.readString(logs.get(processes.indexOf(p)));
    }

    /** Every node's output, for failure messages. */
    String logs() throws IOException {
        StringBuilder b = new StringBuilder();
        for (Path log : logs) {
            b.append("\n--- ").append(log.getFileName()).append(":\n").append(Files.readString(log));
        }
        return b.toString();
    }

    void assertExitsWith(int status, Process p, String what) throws Exception {
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), what + " ends" + logs());
        assertEquals(status, p.exitValue(), what + logs());
    }

    /** Waits until {@code p}'s output has {@code count} lines containing {@code text}; fails if it ends first or after 2 minutes. */
    void awaitLines(Process p, String text, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            boolean ended = !p.isAlive();
            if (log(p).lines().filter(l -> l.contains(text)).count() >= count) {
                return;
            }
            if (ended) {
                break;
            }
            Thread.sleep(50);
        }
        fail(count + " lines with '" + text + "' expected" + logs());
    }

    /** The busy sweep stored in {@code file} is complete and bit-identical to a LOCAL run of the same grid. */
    static void assertSameAsLocal(Path dir, Path file, String grid, int runs) {
        Path local = dir.resolve("local.h5");
        CliRun r = CliRun.of("run", "busy", "--grid", grid, "--out", local.toString(), "--quiet");
        assertEquals(0, r.status(), r.err());
        double[][] expected = columns(local, runs);
        double[][] actual = columns(file, runs);
        assertArrayEquals(expected[0], actual[0], "final: bit-identical to LOCAL");
        assertArrayEquals(expected[1], actual[1], "mean: bit-identical to LOCAL");
    }

    /** The columns of a stored busy sweep, checked complete. */
    private static double[][] columns(Path file, int runs) {
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals(runs, reader.runCount());
            assertEquals(runs, reader.completedRuns().cardinality(), "every run is stored as completed");
            return new double[][] {(double[]) reader.summaryColumn("final"), (double[]) reader.summaryColumn("mean")};
        }
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
    }
}
