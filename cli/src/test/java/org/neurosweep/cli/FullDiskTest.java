package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.explore.Sweep;
import org.neurosweep.runners.Environment;
import org.neurosweep.storage.DiskFullException;
import org.neurosweep.storage.Hdf5Sink;
import org.neurosweep.storage.StorageOptions;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.Trajectory;

/**
 * A disk that really fills: sweeps written into a small tmpfs until no space is left. The sweep stops with
 * the documented error, every run FILE.h5 marks completed is whole, and once space is given back
 * {@code resume} completes the sweep.
 */
class FullDiskTest extends CliCase {
    @TempDir
    Path dir;

    /** x = 0..n-1; each run stores x² and 256 random doubles (seeded by x), which deflate cannot shrink. */
    private static final RunFunction TRACE = run -> {
        long x = run.getInt("x");
        double[] trace = new java.util.SplittableRandom(x).doubles(256).toArray();
        run.addResult("square", x * x);
        run.addResult("runs.$set.$.trace", trace);
    };

    @Test
    void withNoReserveTheDiskFillsMidCommitAndThePublishedFileStaysWhole() throws Exception {
        int runs = 12_000; // about 24 MB of traces: more than a third of the disk, and FILE.h5 is kept in two copies
        StorageOptions noReserve = StorageOptions.DEFAULT.withBatchRuns(500).withFlushMillis(50).withReserveBytes(0);
        try (Tmpfs disk = Tmpfs.mount(dir.resolve("disk"), 16)) {
            Path file = disk.dir().resolve("full.h5");
            Trajectory t = new Trajectory("full", 7);
            t.addParameter("x", 0, "the run's number");
            t.explore(Sweep.arange("x", 0, runs, 1));
            Hdf5Sink sink = Hdf5Sink.create(file, noReserve);
            // the runs are quick and the sink queues them: the failure may surface at the end of the sweep or at close
            DiskFullException e = assertThrows(DiskFullException.class, () -> {
                try {
                    Environment.builder(t).sink(sink).build().run(TRACE);
                } finally {
                    sink.close();
                }
            });
            assertTrue(e.getMessage().contains("free some space and resume"), e.getMessage());
            System.out.println("FullDiskTest, no reserve: " + e.getMessage()); // which guard caught it: for the record
            long kept = assertCompletedRunsWhole(file, runs);
            assertTrue(kept > 0 && kept < runs, "some runs were stored before the disk filled: " + kept);

            disk.resize(256);
            try (Hdf5Sink resumed = Hdf5Sink.resume(file, noReserve)) {
                Environment.builder(resumed.storedTrajectory()).sink(resumed).build().run(TRACE);
            }
            assertEquals(runs, assertCompletedRunsWhole(file, runs), "resume completed the sweep");
        }
    }

    @Test
    void theCommandStopsBeforeTheReserveIsTouchedAndResumesWhenSpaceIsBack() throws Exception {
        // the default reserve (64 MiB) leaves 8 MiB for the sweep of 200,000 runs (4.6 MB, kept in
        // two copies while it runs): it stops part-way
        try (Tmpfs disk = Tmpfs.mount(dir.resolve("disk"), 72)) {
            Path file = disk.dir().resolve("busy.h5");
            String[] sweep = {"run", "busy", "--grid", "x=0.000005:0.999995:0.000005", "--set", "iterations=10", "--quiet",
                "--out", file.toString()};
            assertEquals(Command.ERROR, run(sweep), err);
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.contains("nearly full") && err.contains("free some space and resume"), err);
            long kept;
            try (TrajectoryReader reader = TrajectoryReader.open(file)) {
                kept = reader.completedRuns().cardinality();
                assertTrue(kept > 0 && kept < reader.trajectory().runCount(), "stopped part-way: " + kept);
            }
            disk.resize(256);
            assertEquals(Command.OK, run("resume", file.toString(), "--quiet"), err);
            try (TrajectoryReader reader = TrajectoryReader.open(file)) {
                assertEquals(reader.trajectory().runCount(), reader.completedRuns().cardinality(), "resume completed it");
                Trajectory stored = reader.trajectory();
                double[] last = (double[]) reader.summaryColumn("final");
                for (int i = 0; i < last.length; i += 997) {
                    double v = stored.openRun(i).getDouble("x");
                    for (int k = 0; k < 10; k++) {
                        v = 3.99 * v * (1 - v);
                    }
                    assertEquals(v, last[i], "run " + i + " holds what the map gives");
                }
            }
        }
    }

    /** Checks every run the file marks completed: its x², and its trace, read back; returns how many. */
    private static long assertCompletedRunsWhole(Path file, int runs) {
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            BitSet completed = reader.completedRuns();
            long[] square = (long[]) reader.summaryColumn("square");
            for (int i = completed.nextSetBit(0); i >= 0; i = completed.nextSetBit(i + 1)) {
                assertEquals((long) i * i, square[i], "run " + i);
                if (i % 499 == 0 || completed.nextSetBit(i + 1) < 0) {
                    double[] trace = (double[]) reader.run(i).values().get(1).value();
                    assertEquals(256, trace.length, "run " + i + " is whole");
                }
            }
            return completed.cardinality();
        }
    }
}
