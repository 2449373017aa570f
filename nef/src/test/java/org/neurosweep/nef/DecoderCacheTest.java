package org.neurosweep.nef;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decoder cache: hits, misses, damaged entries, eviction, and several JVMs writing at once. */
class DecoderCacheTest {
    @TempDir
    Path dir;

    /** A to B with a squaring function; returns B's probed output after 0.2 s. */
    static double[][] run(long seed, DecoderCache cache, int neurons) {
        Network net = new Network(seed);
        Node u = net.node("u", 1, t -> new double[] {Math.sin(2 * Math.PI * t)});
        Ensemble a = net.ensemble("A", neurons, 1);
        Ensemble b = net.ensemble("B", neurons, 1);
        net.connect(u, a);
        net.connect(a, b).function(x -> new double[] {x[0] * x[0]}, 1);
        Probe p = net.probe(b, 0.01, 0);
        Simulator sim = new Simulator(net, 0.001, cache);
        sim.run(0.2);
        return sim.data(p);
    }

    private List<Path> entries() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".dec")).toList();
        }
    }

    @Test
    void aSecondBuildHitsAndGivesTheSameOutputBitForBit() throws Exception {
        DecoderCache cache = new DecoderCache(dir, 1L << 30);
        double[][] cold = run(5, cache, 80);
        assertEquals(0, cache.hits());
        assertEquals(2, cache.misses(), "the connection's and the probe's decoders");
        assertEquals(2, entries().size());
        double[][] warm = run(5, cache, 80);
        assertEquals(2, cache.hits());
        assertEquals(2, cache.misses());
        for (int k = 0; k < cold.length; k++) {
            assertArrayEquals(cold[k], warm[k], 0.0, "step " + k);
        }
        double[][] none = run(5, null, 80);
        for (int k = 0; k < cold.length; k++) {
            assertArrayEquals(none[k], warm[k], 0.0, "as without a cache, step " + k);
        }
        run(6, cache, 80); // another seed: other encoders, gains, eval points
        assertEquals(4, cache.misses());
    }

    @Test
    void aDamagedEntryIsDetectedDeletedAndSolvedAgain() throws Exception {
        DecoderCache cache = new DecoderCache(dir, 1L << 30);
        double[][] cold = run(5, cache, 60);
        for (Path p : entries()) {
            byte[] b = Files.readAllBytes(p);
            b[b.length - 3] ^= 0x40; // one bit of one decoder
            Files.write(p, b);
        }
        Files.write(dir.resolve("truncated.dec"), new byte[] {1, 2, 3});
        DecoderCache again = new DecoderCache(dir, 1L << 30);
        double[][] warm = run(5, again, 60);
        assertEquals(2, again.damaged(), "both damaged entries found");
        assertEquals(0, again.hits());
        for (int k = 0; k < cold.length; k++) {
            assertArrayEquals(cold[k], warm[k], 0.0, "solved again, step " + k);
        }
        DecoderCache third = new DecoderCache(dir, 1L << 30);
        run(5, third, 60);
        assertEquals(2, third.hits(), "the rewritten entries are good");
    }

    @Test
    void aKilledWritersTemporaryFileIsCleanedWhenOldAndKeptWhileFresh() throws Exception {
        Path orphan = Files.write(dir.resolve("abc-123.tmp"), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(orphan, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
                - DecoderCache.ORPHAN_MILLIS - 60_000));
        Path writing = Files.write(dir.resolve("def-456.tmp"), new byte[] {4, 5});
        run(1, new DecoderCache(dir, 1L << 30), 50);
        assertTrue(!Files.exists(orphan), "a temporary file older than an hour was left by a killed writer");
        assertTrue(Files.exists(writing), "a fresh one may be another process's write in progress");
    }

    @Test
    void theLeastRecentlyUsedEntriesGoFirst() throws Exception {
        DecoderCache big = new DecoderCache(dir, 1L << 30);
        run(1, big, 50);
        long oneRun = 0;
        for (Path p : entries()) {
            oneRun += Files.size(p);
        }
        List<Path> first = entries();
        for (Path p : first) {
            Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        }
        DecoderCache small = new DecoderCache(dir, oneRun); // room for one run's entries, not two
        run(2, small, 50);
        assertTrue(small.evicted() >= 2, "evicted " + small.evicted());
        for (Path p : first) {
            assertTrue(!Files.exists(p), "the older run's entry " + p.getFileName() + " went first");
        }
        assertEquals(2, entries().size(), "the newer run's entries stay");
    }

    @Test
    void severalJvmsWritingTheSameEntriesAtOnceLeaveAGoodCache() throws Exception {
        List<Process> jvms = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            jvms.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), CacheWriter.class.getName(), dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("writer-" + i + ".log").toFile()).start());
        }
        for (Process p : jvms) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a writer ends");
            assertEquals(0, p.exitValue(), Files.readString(dir.resolve("writer-" + jvms.indexOf(p) + ".log")));
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file is left");
        }
        DecoderCache after = new DecoderCache(dir, 1L << 30);
        run(9, after, 200);
        assertEquals(2, after.hits());
        assertEquals(0, after.damaged());
    }

    /** A writer JVM: builds the same network 5 times into a cache of its own instance. */
    public static final class CacheWriter {
        public static void main(String[] args) {
            for (int i = 0; i < 5; i++) {
                DecoderCache cache = new DecoderCache(Path.of(args[0]), 1L << 30);
                run(9, cache, 200);
                if (cache.damaged() > 0) {
                    System.err.println("a damaged entry was read");
                    System.exit(1);
                }
            }
        }
    }
}
