package org.neurosweep.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.RunScope;
import org.neurosweep.trajectory.Trajectory;

/** What ls shows of each column is true of every run: counts per status, all names when few, min..max. */
class TreeListingTest {
    @TempDir
    Path dir;

    /** {@code runs} runs of x = 0, 1, ...; stored in the order given, the runs in {@code failed} failing. */
    private Path stored(int runs, int[] order, int... failed) {
        Path file = dir.resolve("listed.h5");
        Trajectory t = new Trajectory("listed", 1);
        t.addParameter("x", 0, "the run's number");
        t.explore(Sweep.arange("x", 0, runs, 1));
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            sink.begin(t);
            for (int i : order) {
                RunScope r = t.openRun(i);
                r.addResult("y", i * 0.5);
                r.addResult("even", i % 2 == 0);
                r.addResult("runs.$set.$.trace", new double[] {i});
                boolean fails = java.util.Arrays.stream(failed).anyMatch(f -> f == i);
                sink.accept(r.finish(0, 0, "local", fails ? "boom" : null));
            }
        }
        return file;
    }

    private static String line(List<String> lines, String start) {
        return lines.stream().map(String::trim).filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + start + " in " + lines));
    }

    @Test
    void aSmallSweepShowsEveryValue() {
        Path file = stored(2, new int[] {1, 0}, 1);
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            List<String> lines = TreeListing.list(reader, "");
            assertEquals("status  int8[2]  = 1 completed, 1 failed", line(lines, "status "), "not 'true' for both");
            assertEquals("workers  string[2]  = [, local]", line(lines, "workers "), "every name, not the first");
            assertEquals("worker  int16[2]  = [1, 1]  # code into overview/workers (0: never run)", line(lines, "worker "));
            assertTrue(line(lines, "duration ").startsWith("duration  float32[2]  = "), lines.toString());
            assertEquals("idx  long[2]  = [0, 1]", line(lines, "idx "));
            assertEquals("x  int[2]  = [0, 1]", line(lines, "x  int[2]"));
        }
    }

    @Test
    void longColumnsAreSummarisedTruly() {
        int[] order = new int[12];
        for (int i = 0; i < 12; i++) {
            order[i] = (i * 5) % 12; // stored out of order, as a pool finishes them
        }
        Path file = stored(12, order, 3, 7);
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            List<String> lines = TreeListing.list(reader, "");
            assertEquals("status  int8[12]  = 10 completed, 2 failed", line(lines, "status "));
            assertEquals("worker  int16[12]  = 1..1  # code into overview/workers (0: never run)", line(lines, "worker "));
            assertEquals("x  int[12]  = 0..11", line(lines, "x  int[12]"));
            assertTrue(line(lines, "y ").startsWith("y  double[12]  = 0.0..5.5"), lines.toString());
            assertEquals("even  boolean[12]  = 6 true, 6 false", line(lines, "even "));
        }
    }

    @Test
    void runGroupsAreListedByName() {
        Path file = stored(6, new int[] {4, 1, 5, 0, 3, 2});
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            List<String> bucket = TreeListing.list(reader, "results/runs/run_set_00000");
            List<String> runs = bucket.stream().filter(l -> l.startsWith("run_")).toList();
            assertEquals(List.of("run_00000000/", "run_00000001/", "run_00000002/", "run_00000003/", "run_00000004/",
                    "run_00000005/"), runs);
            assertTrue(bucket.contains("  trace  double[1]  = [4.0]"), bucket.toString());
        }
    }
}
