package org.neurosweep.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunScope;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.RunValue;
import org.neurosweep.trajectory.Trajectory;

/**
 * The run table of layout version 2 (no name column, float32 durations, int16 worker codes into
 * overview/workers) round-trips; a version 1 file (written by the writer before version 2) still reads
 * and resumes in its own layout; double columns read NaN wherever a run has no value, also in chunks
 * never written; per-run groups stop, clearly, at 2 x 10^7 runs.
 */
class RunTableFormatTest {
    private static final String[] WORKERS = {"local", "thread-1", "ñode-β/worker-with-a-name-longer-than-32-bytes", "thread-1", "local"};

    @TempDir
    Path dir;

    private static Trajectory sweep(int runs) {
        Trajectory t = new Trajectory("format", 5);
        t.addParameter("x", 0);
        t.explore(Sweep.arange("x", 0, runs, 1));
        return t;
    }

    @Test
    void versionTwoRunTableRoundTrips() throws Exception {
        Path file = dir.resolve("v2.h5");
        Trajectory t = sweep(8);
        long[] nanos = {1, 1_234_567_891L, 3_600_000_000_000L, 42, 0};
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            sink.begin(t);
            for (int i = 0; i < 5; i++) { // runs 5..7 stay pending
                RunScope run = t.openRun(i);
                run.addResult("y", i * 1.5);
                sink.accept(run.finish(1_700_000_000_000L + i, nanos[i], WORKERS[i], i == 3 ? "failed on purpose" : null));
            }
        }
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals(2, reader.formatVersion());
            StoredRuns table = reader.runTable();
            assertEquals(8, table.size());
            assertEquals(List.of(RunStatus.COMPLETED, RunStatus.COMPLETED, RunStatus.COMPLETED, RunStatus.FAILED,
                    RunStatus.COMPLETED, RunStatus.PENDING, RunStatus.PENDING, RunStatus.PENDING),
                    java.util.stream.IntStream.range(0, 8).mapToObj(table::status).toList());
            assertArrayEquals(new String[] {"local", "thread-1", WORKERS[2], "thread-1", "local", "", "", ""}, table.worker(),
                    "names of any length, kept whole");
            for (int i = 0; i < 5; i++) {
                assertEquals(1_700_000_000_000L + i, table.start()[i]);
                assertEquals(nanos[i] / 1e9, table.duration()[i], nanos[i] / 1e9 * 1e-7, "float32 seconds, run " + i);
            }
            for (int i = 5; i < 8; i++) {
                assertEquals(0, table.start()[i]);
                assertTrue(Double.isNaN(table.duration()[i]), "never run: NaN");
            }
            assertTrue(table.error(3).contains("failed on purpose"), table.error(3));
            RunRecord r2 = reader.run(2);
            assertEquals(WORKERS[2], r2.worker());
            assertEquals(3_600_000_000_000L, r2.durationNanos(), 3_600_000_000_000L * 1e-7);
            assertEquals(1_234_567_891L, reader.run(1).durationNanos(), 1_234_567_891L * 1e-7);
            assertEquals("", reader.run(6).worker());
            assertEquals(0, reader.run(6).durationNanos());
            double[] y = (double[]) reader.summaryColumn("y");
            assertEquals(3.0, y[2]);
            assertTrue(Double.isNaN(y[3]) && Double.isNaN(y[5]) && Double.isNaN(y[7]), java.util.Arrays.toString(y));
            assertEquals(6.0, y[4]);
        }
        try (HdfFile h = new HdfFile(file)) {
            assertNull(((io.jhdf.api.Group) h.getByPath("/format/overview/runs")).getChild(Layout.COL_NAME), "no name column");
            assertArrayEquals(new String[] {"", "local", "thread-1", WORKERS[2]},
                    (String[]) ((Dataset) h.getByPath("/format/overview/workers")).getData(), "each name once, in order of appearance");
            assertArrayEquals(new short[] {1, 2, 3, 2, 1, 0, 0, 0}, (short[]) ((Dataset) h.getByPath("/format/overview/runs/worker")).getData());
            assertEquals(float.class, ((Dataset) h.getByPath("/format/overview/runs/duration")).getJavaType());
        }
    }

    @Test
    void doubleColumnsReadNaNWhereARunHasNoValueEvenInChunksNeverWritten() {
        Path file = dir.resolve("sparse.h5");
        int runs = 3 * Layout.CHUNK;
        Trajectory t = sweep(runs);
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            sink.begin(t);
            for (int i = 0; i < 2 * Layout.CHUNK; i++) { // the third chunk's runs stay pending
                RunScope run = t.openRun(i);
                run.addResult("a", 1.0 * i);
                if (i >= Layout.CHUNK + 10) {
                    run.addResult("late", 2.0 * i); // a column that appears after runs were committed
                }
                sink.accept(run.finish(0, 5, "local", null));
            }
        }
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            double[] a = (double[]) reader.summaryColumn("a");
            double[] late = (double[]) reader.summaryColumn("late");
            assertEquals(2.0 * Layout.CHUNK - 1, a[2 * Layout.CHUNK - 1]);
            for (int i : new int[] {0, 17, Layout.CHUNK - 1, Layout.CHUNK + 9}) {
                assertTrue(Double.isNaN(late[i]), "run " + i + " has no 'late'");
            }
            assertEquals(2.0 * (Layout.CHUNK + 10), late[Layout.CHUNK + 10]);
            for (int i : new int[] {2 * Layout.CHUNK, runs - 1}) {
                assertTrue(Double.isNaN(a[i]) && Double.isNaN(late[i]), "pending run " + i);
                assertTrue(Double.isNaN(reader.runTable().duration()[i]));
            }
        }
    }

    /** The v1 fixture (see format-v1.md next to it), copied out of the test resources. */
    private Path versionOneFile() throws Exception {
        Path file = dir.resolve("format-v1.h5");
        try (InputStream in = RunTableFormatTest.class.getResourceAsStream("format-v1.h5")) {
            assertNotNull(in, "the v1 fixture is on the test class path");
            Files.copy(in, file);
        }
        return file;
    }

    private static final String[] V1_WORKERS = {"local", "thread-1", "thread-2", "node-a.example.org:2552/worker-1"};

    @Test
    void aVersionOneFileStillReads() throws Exception {
        Path file = versionOneFile();
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals(1, reader.formatVersion());
            assertEquals(12, reader.runCount());
            StoredRuns table = reader.runTable();
            for (int i = 0; i < 12; i++) {
                RunStatus expected = i == 5 ? RunStatus.FAILED : i < 9 ? RunStatus.COMPLETED : RunStatus.PENDING;
                assertEquals(expected, table.status(i), "run " + i);
                if (i < 9) {
                    assertEquals(1_700_000_000_000L + 1000L * i, table.start()[i]);
                    assertEquals((1_250_000_000L * (i + 1) + 7) / 1e9, table.duration()[i], "float64 in version 1");
                    assertEquals(V1_WORKERS[i % 4], table.worker()[i]);
                    assertEquals(1_250_000_000L * (i + 1) + 7, reader.run(i).durationNanos());
                    assertEquals(V1_WORKERS[i % 4], reader.run(i).worker());
                } else {
                    assertTrue(Double.isNaN(table.duration()[i]));
                    assertEquals("", table.worker()[i]);
                }
            }
            assertTrue(table.error(5).contains("run 5 fails on purpose"), table.error(5));
            double[] rate = (double[]) reader.summaryColumn("rate");
            assertEquals(3.0 * 10, rate[0]);
            assertTrue(Double.isNaN(rate[5]) && Double.isNaN(rate[10]));
            List<RunValue> values = reader.run(7).values();
            assertTrue(values.stream().anyMatch(v -> v.fullPath().endsWith("trace")), values.toString());
            List<String> listing = TreeListing.list(reader, "overview/runs");
            assertTrue(listing.stream().anyMatch(l -> l.startsWith("name  string[12]")), listing.toString());
        }
    }

    @Test
    void aVersionOneFileResumesInItsOwnLayout() throws Exception {
        Path file = versionOneFile();
        Trajectory t;
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            t = reader.trajectory();
        }
        try (Hdf5Sink sink = Hdf5Sink.resume(file)) {
            Sweeps.runAll(t, sink, Sweeps.EVERY_TYPE);
        }
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals(1, reader.formatVersion());
            StoredRuns table = reader.runTable();
            assertEquals(11, table.countByStatus()[RunStatus.COMPLETED.ordinal()]);
            assertEquals(V1_WORKERS[3], table.worker()[7], "kept from the first session");
            assertEquals("local", table.worker()[11], "written by the resumed session");
            assertEquals(1011, reader.run(11).durationNanos());
            assertEquals(5.0 * 40, ((double[]) reader.summaryColumn("rate"))[11]);
        }
        try (HdfFile h = new HdfFile(file)) {
            assertEquals("run_00000011", ((String[]) ((Dataset) h.getByPath("/every_type/overview/runs/name")).getData())[11]);
            assertNull(((io.jhdf.api.Group) h.getByPath("/every_type/overview")).getChild(Layout.WORKERS));
        }
    }

    @Test
    void whatAReaderHandedOutStaysReadableAfterItCloses() {
        Path file = dir.resolve("closed.h5");
        Trajectory t = sweep(10);
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            Sweeps.runAll(t, sink, run -> run.addResult("y", 1.0));
        }
        StoredRuns table;
        Trajectory loaded;
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            table = reader.runTable();
            loaded = reader.trajectory();
        }
        assertEquals("local", table.worker()[9], "read from the file opened again");
        assertEquals(1_700_000_000_009L, table.start()[9]);
        assertEquals(9, loaded.parameter("parameters.x").valueInRun(9));
        // the file now holds another trajectory: refused, not read as this one's
        StoredRuns stale;
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            stale = reader.runTable();
        }
        Trajectory other = new Trajectory("other", 1);
        other.addParameter("x", 0);
        other.explore(Sweep.arange("x", 0, 10, 1));
        try (Hdf5Sink sink = Hdf5Sink.replace(file)) {
            Sweeps.runAll(other, sink, run -> run.addResult("y", 1.0));
        }
        StorageException e = assertThrows(StorageException.class, stale::duration);
        assertTrue(e.getMessage().contains("another trajectory"), e.getMessage());
    }

    @Test
    void perRunGroupsStopAtTwentyMillionRunsWithAClearReason() {
        Path file = dir.resolve("huge.h5");
        long last = Layout.MAX_RUNS_WITH_GROUPS; // run 20,000,000 is the first without per-run groups
        Trajectory t = sweep((int) last + 1);
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            sink.begin(t);
            for (long i : new long[] {last - 1, last}) {
                RunScope run = t.openRun(i);
                run.addResult("y", 1.0);
                run.addResult("runs.$set.$.trace", new double[] {1, 2});
                sink.accept(run.finish(0, 1, "local", null));
            }
        }
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals(RunStatus.COMPLETED, reader.runTable().status((int) last - 1));
            assertEquals("run_set_19999", org.neurosweep.trajectory.Runs.setName(last - 1));
            RunRecord refused = reader.run(last);
            assertEquals(RunStatus.FAILED, refused.status());
            assertTrue(refused.error().contains("per-run groups stop at run 19,999,999")
                    && refused.error().contains("20,000 run_set groups"), refused.error());
            assertFalse(reader.run(last - 1).values().isEmpty());
        }
    }
}
