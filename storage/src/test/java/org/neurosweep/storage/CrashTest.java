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
 * kill -9 of a real writing JVM at several moments. What holds today (and is asserted):
 * <ul>
 *   <li>the file opens, or does not exist yet if the kill came before the trajectory was stored;</li>
 *   <li>every value read back of a completed run is the right one; a completed run whose values a crash
 *       damaged is reported with an error that says so, never with wrong numbers;</li>
 *   <li>resume either runs exactly the runs not completed (after repairing damaged buckets), ending with
 *       every run present once and right, or refuses a file with damaged columns and leaves it as it was.</li>
 * </ul>
 * Not yet guaranteed (issue #3 stays open for it): that no completed run is ever damaged. HDF5 writes
 * metadata in no crash-safe order outside SWMR, and a kill during a flush can leave an index pointing at
 * a chunk never written.
 */
class CrashTest {
    private static final int RUNS = 60_000;

    @TempDir
    Path dir;

    @Test
    void killedSweepsKeepCorrectValuesAndResumeOrRefuse() throws Exception {
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
                }
            }
            byte[] before = Files.exists(file) ? Files.readAllBytes(file) : null;
            String outcome;
            try (ChildJvm child = ChildJvm.start(null, "run", file.toString(), String.valueOf(RUNS))) {
                String first = child.await("");
                if (first.startsWith("storage error")) {
                    assertTrue(first.contains("damaged by a crash in [") && first.contains("refused"), first);
                    child.waitFor();
                    assertArrayEquals(before, Files.readAllBytes(file), "a refused resume leaves the file as it was");
                    outcome = "resume refused: " + first.substring(first.indexOf('['), first.indexOf(']') + 1);
                } else {
                    assertTrue(first.startsWith("begun "), first);
                    int begun = Integer.parseInt(first.substring(6));
                    assertTrue(begun <= completedAtKill, "repairs can only take runs back: " + begun + " <= " + completedAtKill);
                    assertEquals("ran " + (RUNS - begun), child.await("ran"),
                            "trial " + trial + ": the resumed sweep runs only the runs not completed");
                    assertEquals(0, child.waitFor(), child.output());
                    try (TrajectoryReader reader = TrajectoryReader.open(file)) {
                        BitSet all = reader.completedRuns();
                        assertEquals(RUNS, all.cardinality(), "trial " + trial + ": every run completed once");
                        assertEquals(0, checkCompletedRuns(reader, all), "after resume nothing is damaged");
                    }
                    outcome = "resumed " + (RUNS - begun) + " runs" + (begun < completedAtKill ? " (" + (completedAtKill - begun)
                            + " re-run after a repair)" : "");
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
