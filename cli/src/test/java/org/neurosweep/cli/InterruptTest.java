package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.storage.TrajectoryReader;

/** Ctrl-C (a real SIGINT to a real neurosweep JVM) mid-sweep, then resume: every run present once. */
class InterruptTest {
    @org.junit.jupiter.api.BeforeAll
    static void sigintMustReachTheCommand() throws java.io.IOException {
        CliJvm.assumeSigintReachesChildren();
    }
    private static final int RUNS = 600;

    @TempDir
    Path dir;

    @Test
    void sigintInPoolModeThenResume() throws Exception {
        interruptAndResume("pool");
    }

    @Test
    void sigintInProcessesModeThenResume() throws Exception {
        interruptAndResume("processes");
    }

    @Test
    void aSecondSigintAbandonsInFlightRuns() throws Exception {
        Path file = dir.resolve("abandon.h5");
        Path log = dir.resolve("abandon.log");
        // one worker, runs of about 4 s: when the first is stored, the second has seconds left to run
        Process p = CliJvm.start(dir, log, "run", "busy", "--grid", "x=0.1:0.9:0.1", "--set", "iterations=1600000000",
                "--mode", "processes", "--workers", "1", "--out", file.toString());
        long completedAtSignal = waitForRuns(file, p, 1);
        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
        // two signals sent before the first is handled may arrive as one: the second waits for the first's answer
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(log).contains("neurosweep: stopping")) {
            assertTrue(p.isAlive() && System.nanoTime() < deadline, "the first Ctrl-C was answered: " + Files.readString(log));
            Thread.sleep(20);
        }
        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the sweep ends after the second Ctrl-C");
        String output = Files.readString(log);
        assertEquals(SweepExecution.STOPPED, p.exitValue(), output);
        assertTrue(output.contains("abandoning in-flight runs"), output);
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals(completedAtSignal, reader.completedRuns().cardinality(),
                    "the runs in flight at the signals were abandoned, not stored");
        }
    }

    private void interruptAndResume(String mode) throws Exception {
        Path file = dir.resolve(mode + ".h5");
        Path log = dir.resolve(mode + ".log");
        Process p = CliJvm.start(dir, log, "run", "busy", "--grid", "x=0.001:0.601:0.001", "--mode", mode, "--workers", "2",
                "--out", file.toString());
        long completedAtSignal = waitForRuns(file, p, 50);
        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the sweep stops after Ctrl-C");
        String output = Files.readString(log);
        assertEquals(SweepExecution.STOPPED, p.exitValue(), output);
        assertTrue(output.contains("stopping: no new runs") && output.contains("neurosweep resume"), output);

        long completed;
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            completed = reader.completedRuns().cardinality();
            assertTrue(completed >= completedAtSignal && completed < RUNS,
                    mode + ": " + completed + " runs completed after the stop (" + completedAtSignal + " at the signal)");
            assertEquals(RUNS, reader.runCount());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run("resume", file.toString(), "--mode", mode, "--workers", "2");
        String summary = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, summary);
        assertTrue(summary.contains((RUNS - completed) + " completed, 0 failed, " + completed + " already done"),
                mode + ": resume runs exactly the runs not completed: " + summary);
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals(RUNS, reader.completedRuns().cardinality());
            double[] finals = (double[]) reader.summaryColumn("final");
            assertEquals(RUNS, finals.length);
            for (int i : new int[] {0, 1, (int) completed, RUNS - 1}) {
                assertEquals(logisticFinal(0.001 + i * 0.001), finals[i], "run " + i + " holds what the map gives");
            }
        }
    }

    /** The busy sample's result for one start value, computed here. */
    private static double logisticFinal(double x) {
        double v = x;
        for (int i = 0; i < org.neurosweep.samples.Busy.DEFAULT_ITERATIONS; i++) {
            v = 3.99 * v * (1 - v);
        }
        return v;
    }

    /** Polls the file (read while written) until at least {@code least} runs are completed; returns how many. */
    static long waitForRuns(Path file, Process p, long least) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), "the sweep ended before it could be interrupted");
            if (Files.exists(file)) {
                try (TrajectoryReader reader = TrajectoryReader.open(file)) {
                    long done = reader.completedRuns().cardinality();
                    if (done >= least) {
                        return done;
                    }
                } catch (RuntimeException stillBeingWritten) {
                    // the writer is mid-commit; read again
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no runs completed within 120 s");
    }
}
