package org.neurosweep.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.RunScope;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.Trajectory;

/** Every storage error is clear, and none loses a completed run. */
class ErrorsTest {
    @TempDir
    Path dir;

    private static Trajectory small(int runs) {
        Trajectory t = new Trajectory("small", 3);
        t.addParameter("x", 0);
        t.explore(Sweep.arange("x", 0, runs, 1));
        return t;
    }

    @Test
    void aFileThatIsNotHdf5() throws Exception {
        Path file = dir.resolve("notes.h5");
        Files.writeString(file, "these are my notes, not an HDF5 file\n");
        NotATrajectoryFileException e = assertThrows(NotATrajectoryFileException.class, () -> TrajectoryReader.open(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not an HDF5 file"), e.getMessage());
        assertThrows(NotATrajectoryFileException.class, () -> Hdf5Sink.resume(file));
        assertEquals("these are my notes, not an HDF5 file\n", Files.readString(file), "the file is left as it was");
    }

    @Test
    void anHdf5FileThatIsNotATrajectory() {
        Path file = dir.resolve("other.h5");
        try (WritableHdfFile w = HdfFile.write(file)) {
            w.putDataset("data", new double[] {1, 2, 3});
        }
        NotATrajectoryFileException e = assertThrows(NotATrajectoryFileException.class, () -> TrajectoryReader.open(file));
        assertTrue(e.getMessage().contains("no neurosweep trajectory"), e.getMessage());
    }

    @Test
    void aTruncatedFileIsRefusedWhenOpened() throws Exception {
        Path whole = dir.resolve("whole.h5");
        try (Hdf5Sink sink = Hdf5Sink.create(whole)) {
            Sweeps.runAll(small(20), sink, run -> run.addResult("y", 1.0));
        }
        byte[] bytes = Files.readAllBytes(whole);
        for (int keep : new int[] {bytes.length / 10, bytes.length / 2, bytes.length - 1}) {
            Path cut = dir.resolve("cut" + keep + ".h5");
            Files.write(cut, java.util.Arrays.copyOf(bytes, keep));
            NotATrajectoryFileException e = assertThrows(NotATrajectoryFileException.class, () -> TrajectoryReader.open(cut));
            assertTrue(e.getMessage().startsWith(cut + " is not a readable neurosweep file: truncated ("), e.getMessage());
            assertTrue(e.reason().startsWith("truncated (" + String.format(java.util.Locale.ROOT, "%,d of the %,d bytes", keep,
                    bytes.length)), e.getMessage());
        }
    }

    @Test
    void aSinkInADirectoryThatDoesNotExistNamesIt() {
        Path missing = dir.resolve("no").resolve("such");
        StorageException e = assertThrows(StorageException.class, () -> Hdf5Sink.create(missing.resolve("m.h5")));
        assertEquals("cannot create " + missing.resolve("m.h5") + ": the directory " + missing + " does not exist", e.getMessage());
        e = assertThrows(StorageException.class, () -> Hdf5Sink.create(dir));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Path file = dir.resolve("kept.h5");
        Files.writeString(file, "precious");
        StorageException e = assertThrows(StorageException.class, () -> Hdf5Sink.create(file));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("precious", Files.readString(file));
        // raised on the writer thread, rethrown with the caller's stack: 'java File.java' trims a stack to the
        // caller's frames and crashed ("0 > -3") on one that had none, hiding this message
        assertTrue(java.util.Arrays.stream(e.getStackTrace()).anyMatch(f -> f.getClassName().equals(ErrorsTest.class.getName())),
                java.util.Arrays.toString(e.getStackTrace()));
        assertEquals(1, e.getSuppressed().length, "the writer thread's stack is kept");
    }

    @Test
    void aSecondWriterInThisProcess() {
        Path file = dir.resolve("twice.h5");
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            sink.begin(small(3));
            FileInUseException e = assertThrows(FileInUseException.class, () -> Hdf5Sink.resume(file));
            assertTrue(e.getMessage().contains("already open for writing"), e.getMessage());
        }
        try (Hdf5Sink again = Hdf5Sink.resume(file)) {
            assertEquals(0, again.completedCount(), "once closed, the file can be resumed");
        }
    }

    @Test
    void aSecondWriterInAnotherProcess() throws Exception {
        Path file = dir.resolve("held.h5");
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            Sweeps.runAll(small(4), sink, run -> run.addResult("y", 1.0));
        }
        try (ChildJvm holder = ChildJvm.start(null, "hold", file.toString())) {
            holder.await("holding");
            FileInUseException e = assertThrows(FileInUseException.class, () -> Hdf5Sink.resume(file));
            assertTrue(e.getMessage().contains("another process"), e.getMessage());
        }
    }

    @Test
    void aSummaryValueOfAnotherTypeFailsOnlyItsRun() {
        Path file = dir.resolve("types.h5");
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            Sweeps.runAll(small(3), sink, run -> run.addResult("rate", run.index() == 1 ? (Object) "fast" : (Object) 2.0));
        }
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            StoredRuns table = reader.runTable();
            assertEquals(RunStatus.COMPLETED, table.status(0));
            assertEquals(RunStatus.FAILED, table.status(1));
            assertEquals(RunStatus.COMPLETED, table.status(2));
            assertTrue(table.error(1).contains("results.summary.rate") && table.error(1).contains("string")
                    && table.error(1).contains("double"), table.error(1));
            assertEquals(2.0, ((double[]) reader.summaryColumn("rate"))[2]);
        }
    }

    @Test
    void anExploredArrayParameterIsRefusedAndNoFileIsLeft() {
        Path file = dir.resolve("arrays.h5");
        Trajectory t = new Trajectory("arrays", 1);
        t.addParameter("w", new double[] {1});
        t.explore(Sweep.values("w", new double[] {1}, new double[] {2}));
        Hdf5Sink sink = Hdf5Sink.create(file);
        StorageException e = assertThrows(StorageException.class, () -> sink.begin(t));
        assertTrue(e.getMessage().contains("parameters.w") && e.getMessage().contains("double[]"), e.getMessage());
        sink.close();
        assertFalse(Files.exists(file), "nothing was stored, so no file is left");
    }

    @Test
    void runsOutsideTheTrajectoryAreRefused() {
        Path file = dir.resolve("outside.h5");
        Trajectory t = small(2);
        Hdf5Sink sink = Hdf5Sink.create(file);
        sink.begin(t);
        RunScope stray = small(10).openRun(7);
        sink.accept(stray.finish(0, 0, "local", null));
        StorageException e = assertThrows(StorageException.class, sink::close);
        assertTrue(e.getMessage().contains("run 7 is outside the 2 runs"), e.getMessage());
    }
}
