package org.neurosweep.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.RunValue;
import org.neurosweep.trajectory.Runs;

/**
 * kill -9 of a real writing JVM at several moments: the file opens, every run marked completed is fully
 * present, and resuming runs exactly the runs that were not completed.
 */
class CrashTest {
    private static final int RUNS = 60_000;

    @TempDir
    Path dir;

    @Test
    void killedSweepsLeaveCompleteRunsAndResume() throws Exception {
        long[] killAfterMillis = {150, 600, 1500, 2500};
        for (int trial = 0; trial < killAfterMillis.length; trial++) {
            Path file = dir.resolve("crash" + trial + ".h5");
            int completedAtKill;
            try (ChildJvm child = ChildJvm.start(null, "run", file.toString(), String.valueOf(RUNS))) {
                child.await("begun");
                Thread.sleep(killAfterMillis[trial]);
                child.kill();
            }
            BitSet completed;
            if (!Files.exists(file)) {
                // killed before the trajectory was stored: no half-made file, only its .creating draft
                completedAtKill = 0;
            } else {
                try (TrajectoryReader reader = TrajectoryReader.open(file)) {
                    completed = reader.completedRuns();
                    completedAtKill = completed.cardinality();
                    assertCompletedRunsArePresent(reader, completed);
                }
            }
            try (ChildJvm child = ChildJvm.start(null, "run", file.toString(), String.valueOf(RUNS))) {
                assertEquals("begun " + completedAtKill, child.await("begun"), "trial " + trial);
                assertEquals("ran " + (RUNS - completedAtKill), child.await("ran"),
                        "trial " + trial + ": the resumed sweep runs only the runs not completed");
                assertEquals(0, child.waitFor(), child.output());
            }
            try (TrajectoryReader reader = TrajectoryReader.open(file)) {
                BitSet all = reader.completedRuns();
                assertEquals(RUNS, all.cardinality(), "trial " + trial + ": every run completed once");
                assertCompletedRunsArePresent(reader, all);
            }
            System.out.printf("crash trial %d: killed after %d ms with %d of %d runs completed; resumed to %d%n",
                    trial, killAfterMillis[trial], completedAtKill, RUNS, RUNS);
        }
    }

    /** Summary values of every completed run; per-run arrays of the last 200 completed runs and of every 97th. */
    private static void assertCompletedRunsArePresent(TrajectoryReader reader, BitSet completed) {
        if (completed.isEmpty()) {
            return; // killed before the first commit: the file opens and holds the trajectory, nothing more
        }
        long[] square = (long[]) reader.summaryColumn("square");
        for (int i = completed.nextSetBit(0); i >= 0; i = completed.nextSetBit(i + 1)) {
            assertEquals((long) i * i, square[i], "square of completed run " + i);
        }
        int last = completed.length() - 1;
        for (int i = completed.nextSetBit(0); i >= 0; i = completed.nextSetBit(i + 1)) {
            if (i % 97 == 0 || i > last - 200) {
                RunRecord r = reader.run(i);
                assertEquals(RunStatus.COMPLETED, r.status());
                RunValue trace = r.find("results.runs." + Runs.setName(i) + "." + r.name() + ".trace");
                assertTrue(trace != null, "run " + i + " is marked completed but its trace is missing");
                double[] expected = new double[50];
                for (int k = 0; k < 50; k++) {
                    expected[k] = i + k * 0.5;
                }
                assertArrayEquals(expected, (double[]) trace.value(), "trace of run " + i);
            }
        }
    }
}
