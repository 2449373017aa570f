package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurosweep.runners.SweepSummary;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;

/** Progress lines in a log (no terminal): per-worker throughput, workers grouped by what precedes '/'. */
class ConsoleProgressTest {
    @Test
    void theEndLineGivesEachWorkersRunsAndRate() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress("sweep", new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        p.started(6, 0, 2);
        // node a: 4 runs of 500 ms from t = 0 to 1 s (two slots); node b: 2 runs of 1 s back to back
        long t0 = 1_000_000;
        p.finished(new RunRecord(0, RunStatus.COMPLETED, t0, 500_000_000L, "10.0.0.1:2552/1", null, List.of()));
        p.finished(new RunRecord(1, RunStatus.COMPLETED, t0, 500_000_000L, "10.0.0.1:2552/2", null, List.of()));
        p.finished(new RunRecord(2, RunStatus.COMPLETED, t0 + 500, 500_000_000L, "10.0.0.1:2552/1", null, List.of()));
        p.finished(new RunRecord(3, RunStatus.FAILED, t0 + 500, 500_000_000L, "10.0.0.1:2552/2", "x", List.of()));
        p.finished(new RunRecord(4, RunStatus.COMPLETED, t0, 1_000_000_000L, "10.0.0.2:2552/1", null, List.of()));
        p.finished(new RunRecord(5, RunStatus.COMPLETED, t0 + 1000, 1_000_000_000L, "10.0.0.2:2552/1", null, List.of()));
        p.note("10.0.0.2:2552 left");
        p.ended(new SweepSummary(6, 0, 5, 1, 2_000_000_000L, false));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("sweep: 10.0.0.2:2552 left"), text);
        assertTrue(text.contains("sweep: per worker: 10.0.0.1:2552 4 runs, 4.0 runs/s; 10.0.0.2:2552 2 runs, 1.0 runs/s"), text);
    }

    @Test
    void slowRunsShowSecondsPerRunAndOneWorkerIsSingular() {
        assertEquals("12.3 s/run", ConsoleProgress.rate(1 / 12.3));
        assertEquals("2.5 runs/s", ConsoleProgress.rate(2.5));
        assertEquals("120 runs/s", ConsoleProgress.rate(120));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress("sweep", new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        p.started(10, 0, 1);
        p.finished(new RunRecord(0, RunStatus.COMPLETED, 0, 20_000_000_000L, "local", null, List.of()));
        p.finished(new RunRecord(1, RunStatus.COMPLETED, 20_000, 20_000_000_000L, "local", null, List.of()));
        assertEquals("sweep: 2/10 runs (20.0%), 0 failed, 1 worker, 20.0 s/run, ETA 160 s", p.line(40));
    }

    @Test
    void oneWorkerGetsNoPerWorkerLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress("sweep", new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        p.started(1, 0, 1);
        p.finished(new RunRecord(0, RunStatus.COMPLETED, 0, 1_000_000L, "local", null, List.of()));
        p.ended(new SweepSummary(1, 0, 1, 0, 1_000_000L, false));
        assertTrue(!bytes.toString(StandardCharsets.UTF_8).contains("per worker"), bytes.toString(StandardCharsets.UTF_8));
    }
}
