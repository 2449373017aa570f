package org.neurosweep.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.RunScope;
import org.neurosweep.trajectory.RunValue;
import org.neurosweep.trajectory.Trajectory;

/**
 * A byte of a link's name damaged where a run_set bucket keeps its links (a fractal heap, which HDF5
 * writes without a checksum): the reader says the bucket is damaged, instead of listing a garbled name or
 * showing one run's values as another's.
 */
class DamagedLinkNamesTest {
    private static final int RUNS = 1_005; // two buckets: run_set_00000 (1,000 runs, dense) and run_set_00001
    private static final String BUCKET = "results/runs/run_set_00000";

    @TempDir
    Path dir;

    private Path stored() {
        Path file = dir.resolve("links.h5");
        Trajectory t = new Trajectory("links", 3);
        t.addParameter("x", 0);
        t.explore(Sweep.arange("x", 0, RUNS, 1));
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            sink.begin(t);
            for (int i = 0; i < RUNS; i++) {
                RunScope run = t.openRun(i);
                run.addResult("runs.$set.$.trace", new double[] {i, i + 1, i + 2});
                sink.accept(run.finish(0, 0, "local", null));
            }
        }
        return file;
    }

    /** The file offset of {@code name}, which must occur once, in a fractal heap's direct block ("FHDB"). */
    private static int inHeap(byte[] bytes, String name) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(name);
        assertTrue(at > 0 && text.indexOf(name, at + 1) < 0, name + " occurs once in the file");
        int block = text.lastIndexOf("FHDB", at);
        assertTrue(block > 0 && text.lastIndexOf("OHDR", at) < block, name + " is a link in a heap block");
        return at;
    }

    private static double[] trace(TrajectoryReader reader, long run) {
        List<RunValue> values = reader.run(run).values();
        return (double[]) values.stream().filter(v -> v.path().equals("runs.run_set_" + String.format("%05d", run / 1000)
                + ".run_" + String.format("%08d", run) + ".trace")).findFirst().orElseThrow().value();
    }

    private static void assertDamagedBucket(Path file, TrajectoryReader reader, long run) {
        NotATrajectoryFileException e = assertThrows(NotATrajectoryFileException.class, () -> reader.run(run));
        assertTrue(e.getMessage().startsWith(file + " is not a readable neurosweep file"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        TreeListing.Listing listing = TreeListing.listing(reader, BUCKET);
        assertEquals(1, listing.damaged().size(), "the bucket is listed as damaged: " + listing);
        assertTrue(listing.damaged().get(0).contains("run_set_00000") && listing.damaged().get(0).contains("name index"),
                listing.damaged().get(0));
        assertFalse(listing.lines().stream().anyMatch(l -> l.startsWith("r")), "no run is listed: " + listing.lines());
    }

    @Test
    void undamagedBucketsReadAsWritten() {
        Path file = stored();
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertArrayEquals(new double[] {12, 13, 14}, trace(reader, 12));
            assertArrayEquals(new double[] {1003, 1004, 1005}, trace(reader, 1003));
            TreeListing.Listing listing = TreeListing.listing(reader, BUCKET);
            assertEquals(List.of(), listing.damaged());
            assertEquals(1000, listing.lines().stream().filter(l -> l.matches("run_\\d{8}/")).count());
        }
    }

    @Test
    void aNameChangedToAnotherRunsIsDamageNotThatRun() throws Exception {
        Path file = stored();
        byte[] bytes = Files.readAllBytes(file);
        bytes[inHeap(bytes, "run_00000012") + 11] = '3'; // now run_00000013 twice, run_00000012 gone
        Files.write(file, bytes);
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertDamagedBucket(file, reader, 13);
            assertDamagedBucket(file, reader, 12);
            assertArrayEquals(new double[] {1003, 1004, 1005}, trace(reader, 1003), "the other bucket reads");
        }
    }

    @Test
    void aGarbledNameIsDamageNotListed() throws Exception {
        Path file = stored();
        byte[] bytes = Files.readAllBytes(file);
        bytes[inHeap(bytes, "run_00000500") + 1] ^= 0x01; // rtn_00000500
        Files.write(file, bytes);
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertDamagedBucket(file, reader, 500);
            assertDamagedBucket(file, reader, 7);
            assertArrayEquals(new double[] {1004, 1005, 1006}, trace(reader, 1004), "the other bucket reads");
        }
    }
}
