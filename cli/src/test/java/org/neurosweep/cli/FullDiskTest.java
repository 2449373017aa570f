package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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

    /**
     * x = 0..n-1; each run stores x² and random doubles (seeded by x, so deflate cannot shrink them): 16 for
     * the first 2,000 runs, then 4,096 (32 KiB). The free-space guard judges a commit by the largest so
     * far, so the first commit of large runs (16 MB) is started and fills the disk in the middle of writing.
     * Run 1000 takes 1.2 s, so that the commit after it is published (FILE.h5 is published at most once a
     * second) and FILE.h5 holds small runs when the disk fills.
     */
    private static final RunFunction GROWING = run -> {
        long x = run.getInt("x");
        if (x == 1000) {
            Thread.sleep(1200);
        }
        run.addResult("square", x * x);
        run.addResult("runs.$set.$.trace", new java.util.SplittableRandom(x).doubles(x < 2000 ? 16 : 4096).toArray());
    };

    @Test
    void aDiskThatFillsMidCommitLeavesThePublishedFileWholeAndResumes() throws Exception {
        int runs = 2600;
        // commits of 500 runs exactly (the flush time never comes first), and no reserve
        StorageOptions options = StorageOptions.DEFAULT.withBatchRuns(500).withFlushMillis(600_000).withReserveBytes(0);
        try (Tmpfs disk = Tmpfs.mount(dir.resolve("disk"), 16)) {
            Path file = disk.dir().resolve("full.h5");
            Trajectory t = new Trajectory("full", 7);
            t.addParameter("x", 0, "the run's number");
            t.explore(Sweep.arange("x", 0, runs, 1));
            Hdf5Sink sink = Hdf5Sink.create(file, options);
            // the runs are quick and the sink queues them: the failure may surface at the end of the sweep or at close
            DiskFullException e = assertThrows(DiskFullException.class, () -> {
                try {
                    Environment.builder(t).sink(sink).build().run(GROWING);
                } finally {
                    sink.close();
                }
            });
            assertTrue(e.getMessage().contains("filled up while runs were being stored")
                    && e.getMessage().contains("free some space and resume"), e.getMessage());
            assertFalse(Files.exists(file.resolveSibling("full.h5.live")), "the half-written live file was given up");
            long kept = assertCompletedRunsWhole(file);
            assertTrue(kept >= 1000 && kept <= 2000, "the small runs published before the disk filled: " + kept);

            disk.resize(256);
            try (Hdf5Sink resumed = Hdf5Sink.resume(file, options)) {
                Environment.builder(resumed.storedTrajectory()).sink(resumed).build().run(GROWING);
            }
            assertEquals(runs, assertCompletedRunsWhole(file), "resume completed the sweep");
        }
    }

    @Test
    void theCommandStopsBeforeTheReserveIsTouchedAndResumesWhenSpaceIsBack() throws Exception {
        // the default reserve (64 MiB) leaves 8 MiB for the sweep of 200,000 runs (4.6 MB, kept in
        // two copies while it runs): it stops before the end
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
                // stopped before the end; how many runs were published by then depends on the machine's pace (on a
                // busy one the disk may fill before the first publication, a second after the start: then none)
                assertTrue(kept < reader.trajectory().runCount(), "stopped part-way: " + kept);
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
    private static long assertCompletedRunsWhole(Path file) {
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            BitSet completed = reader.completedRuns();
            long[] square = (long[]) reader.summaryColumn("square");
            for (int i = completed.nextSetBit(0); i >= 0; i = completed.nextSetBit(i + 1)) {
                assertEquals((long) i * i, square[i], "run " + i);
                if (i % 97 == 0 || completed.nextSetBit(i + 1) < 0) {
                    double[] trace = (double[]) reader.run(i).values().get(1).value();
                    assertArrayEquals(new java.util.SplittableRandom(i).doubles(i < 2000 ? 16 : 4096).toArray(), trace,
                            "run " + i + " is whole");
                }
            }
            return completed.cardinality();
        }
    }
}
