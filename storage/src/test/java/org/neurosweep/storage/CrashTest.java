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
 * kill -9 of a real writing JVM at several moments: FILE.h5 (a published copy, never written in place)
 * does not exist yet or opens, every run it marks completed is fully present, and resuming runs exactly
 * the runs not completed, after which every run is present once.
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
            try (ChildJvm child = ChildJvm.start(null, "run", file.toString(), String.valueOf(RUNS))) {
                child.await("begun");
                Thread.sleep(killAfterMillis[trial]);
                child.kill();
            }
            int completedAtKill = 0;
            int damaged = 0;
            if (Files.exists(file)) {
                try (TrajectoryReader reader = TrajectoryReader.open(file)) {
                    BitSet completed = reader.completedRuns();
                    completedAtKill = completed.cardinality();
                    damaged = checkCompletedRuns(reader, completed);
                    assertEquals(0, damaged, "trial " + trial + ": every completed run of FILE.h5 is whole");
                }
            }
            String outcome;
            try (ChildJvm child = ChildJvm.start(null, "run", file.toString(), String.valueOf(RUNS))) {
                String first = child.await("");
                {
                    assertTrue(first.startsWith("begun "), first);
                    int begun = Integer.parseInt(first.substring(6));
                    assertEquals(completedAtKill, begun, "resume starts from what FILE.h5 holds");
                    assertEquals("ran " + (RUNS - begun), child.await("ran"),
                            "trial " + trial + ": the resumed sweep runs only the runs not completed");
                    assertEquals(0, child.waitFor(), child.output());
                    try (TrajectoryReader reader = TrajectoryReader.open(file)) {
                        BitSet all = reader.completedRuns();
                        assertEquals(RUNS, all.cardinality(), "trial " + trial + ": every run completed once");
                        assertEquals(0, checkCompletedRuns(reader, all), "after resume nothing is damaged");
                    }
                    outcome = "resumed " + (RUNS - begun) + " runs";
                }
            }
            System.out.printf("crash trial %d: killed after %d ms with %d of %d runs completed, %d of them damaged; %s%n",
                    trial, killAfterMillis[trial], completedAtKill, RUNS, damaged, outcome);
        }
    }

    /**
     * Checks completed runs: every summary value, and the arrays of the last 200 and of every 97th. Values
     * that read must be right; runs that cannot be read must say the file is damaged.
     *
     * @return how many checked runs were reported damaged
     */
    private static int checkCompletedRuns(TrajectoryReader reader, BitSet completed) {
        if (completed.isEmpty()) {
            return 0; // killed before the first commit: the file holds the trajectory, nothing more
        }
        int damaged = 0;
        try {
            long[] square = (long[]) reader.summaryColumn("square");
            for (int i = completed.nextSetBit(0); i >= 0; i = completed.nextSetBit(i + 1)) {
                assertEquals((long) i * i, square[i], "square of completed run " + i);
            }
        } catch (StorageException e) {
            assertTrue(e.getMessage().contains("damaged"), e.getMessage());
            damaged++; // a damaged column: reported as an error, not as numbers
        }
        int last = completed.length() - 1;
        for (int i = completed.nextSetBit(0); i >= 0; i = completed.nextSetBit(i + 1)) {
            if (i % 97 == 0 || i > last - 200) {
                RunRecord r;
                try {
                    r = reader.run(i);
                } catch (StorageException e) {
                    assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains("resume"), e.getMessage());
                    damaged++;
                    continue;
                }
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
        return damaged;
    }
}
