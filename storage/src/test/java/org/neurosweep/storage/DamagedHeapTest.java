package org.neurosweep.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.Trajectory;

/**
 * The global heap (where texts live, without a checksum) damaged: the reader says so, at once, rather than
 * reading a shortened text or another text in its place.
 */
class DamagedHeapTest {
    @TempDir
    Path dir;

    /** A sweep whose runs store a text result; returns the file's bytes and the offset of its first global heap. */
    private Path stored() {
        Path file = dir.resolve("texts.h5");
        Trajectory t = new Trajectory("texts", 1);
        t.addParameter("x", 0, "x");
        t.explore(Sweep.arange("x", 0, 20, 1));
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            Sweeps.runAll(t, sink, run -> run.addResult("word", "word number " + run.getInt("x"), "a text"));
        }
        return file;
    }

    private static int globalHeap(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("GCOL");
        assertTrue(at > 0, "the file has a global heap");
        return at;
    }

    private static void readEverything(Path file) {
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            reader.readAllColumns();
            reader.runTable();
        }
    }

    @Test
    void aHeapSizeFarPastTheEndIsRefusedAtOnce() throws Exception {
        Path file = stored();
        byte[] bytes = Files.readAllBytes(file);
        int heap = globalHeap(bytes);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(heap + 8, b.getLong(heap + 8) ^ (0x2dL << 24)); // the collection's size: ~750 MB more
        Files.write(file, bytes);
        // jHDF read ~750 MB that are not there for every text (24 s for one ls); the bounded channel refuses the first
        NotATrajectoryFileException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(NotATrajectoryFileException.class, () -> readEverything(file)));
        assertTrue(e.getMessage().startsWith(file + " is not a readable neurosweep file: damaged"), e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
    }

    @Test
    void zeroedTextsAreRefusedNotReadAsNuls() throws Exception {
        Path file = stored();
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int word = text.indexOf("word number 7");
        assertTrue(word > globalHeap(bytes), "the texts are in the global heap");
        Arrays.fill(bytes, word, word + 4, (byte) 0);
        Files.write(file, bytes);
        NotATrajectoryFileException e = assertThrows(NotATrajectoryFileException.class, () -> readEverything(file));
        assertTrue(e.getMessage().contains("NUL"), e.getMessage());
    }

    /** The offset of the object (its 16-byte header) holding {@code text}, which occurs once, in a global heap. */
    private static int heapObject(byte[] bytes, String text) {
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = all.indexOf(text);
        assertTrue(at > globalHeap(bytes) && all.indexOf(text, at + 1) < 0, text + " occurs once, in a global heap");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(text.length(), b.getLong(at - 8), "the object's header before its bytes records their length");
        return at - 16;
    }

    private static void assertRefusedInOneLine(Path file) {
        NotATrajectoryFileException e = assertThrows(NotATrajectoryFileException.class, () -> readEverything(file));
        assertTrue(e.getMessage().startsWith(file + " is not a readable neurosweep file: "), e.getMessage());
        assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains("global heap"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void aTextsLengthDamagedInItsObjectIsRefusedNotShortened() throws Exception {
        Path file = stored();
        byte[] bytes = Files.readAllBytes(file);
        int object = heapObject(bytes, "word number 7");
        bytes[object + 8] ^= 0x01; // 13 bytes recorded as 12: jHDF read "word number "
        Files.write(file, bytes);
        assertRefusedInOneLine(file);
    }

    @Test
    void anObjectIndexDamagedIntoAnothersIsRefusedNotReadAsThatText() throws Exception {
        Path file = stored();
        byte[] bytes = Files.readAllBytes(file);
        int seven = heapObject(bytes, "word number 7");
        int eight = heapObject(bytes, "word number 8");
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertTrue(seven < eight && text.lastIndexOf("GCOL", seven) == text.lastIndexOf("GCOL", eight), "one collection");
        bytes[eight] = bytes[seven]; // two objects with run 7's index: jHDF kept the later, and read it as run 7's text
        bytes[eight + 1] = bytes[seven + 1];
        Files.write(file, bytes);
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            NotATrajectoryFileException e = assertThrows(NotATrajectoryFileException.class, () -> reader.run(7));
            assertTrue(e.getMessage().startsWith(file + " is not a readable neurosweep file: "), e.getMessage());
            assertTrue(e.getMessage().contains("one of two objects with one index"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }
}
