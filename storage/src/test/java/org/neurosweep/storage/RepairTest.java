package org.neurosweep.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunScope;
import org.neurosweep.trajectory.Trajectory;

/**
 * A crash can damage the run_set bucket its last commit was writing. Resume finds such a bucket (it holds
 * runs not completed), moves it aside and runs its runs again; reading it before that says so clearly.
 */
class RepairTest {
    @TempDir
    Path dir;

    private static void store(Hdf5Sink sink, Trajectory t, int from, int to) {
        for (int i = from; i < to; i++) {
            RunScope run = t.openRun(i);
            run.addResult("x2", (long) i * i);
            run.addResult("runs.$set.$.trace", new double[] {i, i / 2.0});
            sink.accept(run.finish(0, 0, "local", null));
        }
    }

    /** A sweep of {@code runs} runs over x stored in NAME.h5 with its first {@code completed} runs done. */
    private Path stored(String name, int runs, int completed) {
        Path file = dir.resolve(name + ".h5");
        Trajectory t = new Trajectory(name, 1);
        t.addParameter("x", 0);
        t.explore(Sweep.arange("x", 0, runs, 1));
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            sink.begin(t);
            store(sink, t, 0, completed);
        }
        return file;
    }

    @Test
    void aDamagedColumnIsReportedAndResumeIsRefused() throws Exception {
        Path file = stored("column", 100, 50);
        Damage.overwriteHeaders(file, List.of(Damage.address(file, "/column/results/summary/x2")));
        StorageException e = assertThrows(StorageException.class, () -> Hdf5Sink.resume(file));
        assertTrue(e.getMessage().contains("results/summary") && e.getMessage().contains("damaged"), e.getMessage());
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals(50, reader.completedRuns().cardinality(), "nothing was written: the file is as the crash left it");
        }
    }

    @Test
    void aDamagedBucketIsMovedAsideAndItsRunsRunAgain() throws Exception {
        Path file = stored("repair", 3000, 1500); // bucket 1 holds completed runs 1000..1499 and pending 1500..1999
        // what a commit cut short can leave
        Damage.overwriteHeaders(file, List.of(Damage.address(file, "/repair/results/runs/run_set_00001")));
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            StorageException e = assertThrows(StorageException.class, () -> reader.run(1200));
            assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains("resume"), e.getMessage());
            assertEquals(1500, reader.completedRuns().cardinality(), "the run table and columns still read");
        }
        try (Hdf5Sink sink = Hdf5Sink.resume(file)) {
            assertEquals(1, sink.repairs().size(), sink.repairs().toString());
            assertTrue(sink.repairs().get(0).contains("results/runs/run_set_00001") && sink.repairs().get(0).contains("1000..1999"));
            assertEquals(1000, sink.completedCount(), "the bucket's completed runs will run again");
            Trajectory stored = sink.storedTrajectory();
            sink.begin(stored);
            store(sink, stored, 1000, 3000);
        }
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals(3000, reader.completedRuns().cardinality());
            long[] x2 = (long[]) reader.summaryColumn("x2");
            for (int i : new int[] {0, 999, 1000, 1200, 1999, 2999}) {
                assertEquals((long) i * i, x2[i]);
                RunRecord r = reader.run(i);
                assertArrayEquals(new double[] {i, i / 2.0}, (double[]) r.values().get(1).value(), "run " + i);
            }
        }
        try (HdfFile h = new HdfFile(file)) {
            io.jhdf.api.Group runs = (io.jhdf.api.Group) h.getByPath("/repair/results/runs");
            assertEquals(3, runs.getChildren().size(), "the rebuilt group holds the two healthy buckets and the re-run one");
        }
    }
}
