package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.explore.Sweep;
import org.neurosweep.runners.Environment;
import org.neurosweep.runners.Mode;
import org.neurosweep.storage.Hdf5Sink;
import org.neurosweep.storage.Shard;
import org.neurosweep.storage.StoredRuns;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.Branch;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.RunValue;
import org.neurosweep.trajectory.Trajectory;

/** {@code neurosweep merge}: the shards of a sweep become the file the unsplit sweep writes. */
class MergeCommandTest extends CliCase {
    /** 10,000 runs: three 4,096-run chunks, ten 1,000-run sets. */
    private static final int RUNS = 10_000;

    /** Random scalars from the run's seed, an array for every third run (its own group), a result only some runs give, failures. */
    private static final RunFunction FUNCTION = run -> {
        long x = run.getLong("x");
        run.addResult("a", x * 0.5);
        run.addResult("r", run.random().nextDouble());
        run.addResult("tag", "x=" + x); // variable-length text: copied value by value where shards share a chunk
        if (x % 3 == 0) {
            run.addResult("runs.$set.$.v", new double[] {x, run.random().nextGaussian()});
        }
        if (x >= 9_000) {
            run.addResult("late", x); // only the last shard's runs give it
        }
        if (x % 997 == 5) {
            throw new IllegalStateException("run " + x + " fails");
        }
    };

    @TempDir
    Path dir;

    private static Trajectory trajectory(long seed) {
        Trajectory t = new Trajectory("merging", seed);
        t.addParameter("x", 0L, "the run's number");
        t.explore(Sweep.arange("x", 0, RUNS, 1));
        return t;
    }

    private static void sweep(Path file, long seed, Shard shard) {
        sweep(file, seed, shard, Mode.LOCAL);
    }

    private static void sweep(Path file, long seed, Shard shard, Mode mode) {
        Trajectory t = trajectory(seed);
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            Environment.Builder b = Environment.builder(t).sink(sink).mode(mode);
            if (mode != Mode.LOCAL) {
                b.workers(2);
            }
            if (shard != null) {
                sink.shard(shard);
                b.runRange(shard.first(), shard.last());
            }
            b.build().run(FUNCTION);
        }
    }

    @Test
    void theShardsMergedAreTheUnsplitSweepBitForBit() throws Exception {
        Path whole = dir.resolve("whole.h5");
        sweep(whole, 7, null);
        Path[] shards = new Path[3];
        for (int k = 1; k <= 3; k++) {
            shards[k - 1] = dir.resolve("s" + k + ".h5");
            sweep(shards[k - 1], 7, Shard.of(k, 3, RUNS), k == 2 ? Mode.POOL : Mode.LOCAL); // other worker names
        }
        Path merged = dir.resolve("merged.h5");
        assertEquals(0, run("merge", merged.toString(), shards[2].toString(), shards[0].toString(), shards[1].toString()), err);
        assertTrue(err.contains("merged 3 shards"), err);
        assertFalse(Files.exists(dir.resolve("merged.h5.merging")));
        try (TrajectoryReader w = TrajectoryReader.open(whole); TrajectoryReader m = TrajectoryReader.open(merged)) {
            assertEquals(RUNS, m.runCount());
            assertTrue(m.shard().isEmpty(), "a merged file is a whole sweep");
            StoredRuns wt = w.runTable();
            StoredRuns mt = m.runTable();
            long[] counts = wt.countByStatus();
            assertEquals(RUNS - 11, counts[org.neurosweep.trajectory.RunStatus.COMPLETED.ordinal()], "the unsplit sweep ran");
            assertEquals(11, counts[org.neurosweep.trajectory.RunStatus.FAILED.ordinal()], "x % 997 == 5 failed");
            for (int i = 0; i < RUNS; i++) {
                assertEquals(wt.status(i), mt.status(i), "run " + i);
            }
            assertEquals(w.errors().keySet(), m.errors().keySet(), "the failed runs");
            try (TrajectoryReader s2 = TrajectoryReader.open(shards[1])) {
                String[] workers = s2.runTable().worker();
                String[] names = mt.worker();
                Shard two = Shard.of(2, 3, RUNS);
                for (long i = 0; i < RUNS; i++) {
                    assertEquals(two.contains(i) ? workers[(int) i] : "local", names[(int) i], "the worker of run " + i);
                }
                assertTrue(!workers[(int) two.first()].equals("local"), "the pool's workers have names of their own: "
                        + workers[(int) two.first()]);
            }
            for (long i : w.errors().keySet()) { // the first line: the stack below it shows where each sweep called the run
                assertEquals(w.errors().get(i).lines().findFirst(), m.errors().get(i).lines().findFirst(), "run " + i);
            }
            assertEquals(w.summaryNames(Branch.RESULTS), m.summaryNames(Branch.RESULTS));
            assertTrue(w.summaryNames(Branch.RESULTS).contains("tag"));
            for (String name : w.summaryNames(Branch.RESULTS)) {
                Object a = w.summaryColumn(name);
                Object b = m.summaryColumn(name);
                if (a instanceof double[] d) {
                    assertArrayEquals(d, (double[]) b, name);
                } else if (a instanceof String[] text) {
                    assertArrayEquals(text, (String[]) b, name);
                } else {
                    assertArrayEquals((long[]) a, (long[]) b, name);
                }
            }
            for (int i = 0; i < RUNS; i += 7) {
                List<RunValue> a = w.runValues(i);
                List<RunValue> b = m.runValues(i);
                assertEquals(a.size(), b.size(), "run " + i);
                for (int k = 0; k < a.size(); k++) {
                    assertEquals(a.get(k).path(), b.get(k).path(), "run " + i);
                    assertTrue(java.util.Objects.deepEquals(a.get(k).value(), b.get(k).value()), "run " + i + " " + a.get(k).path());
                }
            }
        }
        // read as one, the runs' own groups are read from the shards in place: the same values, none copied
        try (TrajectoryReader w = TrajectoryReader.open(whole);
             TrajectoryReader asOne = TrajectoryReader.open(List.of(shards[2], shards[0], shards[1]))) {
            assertTrue(Files.size(asOne.path()) * 2 < Files.size(merged), "the runs' groups stay in the shards: "
                    + Files.size(asOne.path()) + " bytes read as one, " + Files.size(merged) + " merged");
            for (int i : new int[] {0, 3, 3330, 3332, 3333, 3336, 6663, 6665, 6666, 6669, 9999}) { // shards end at 3333 and 6666
                List<RunValue> a = w.runValues(i);
                List<RunValue> b = asOne.runValues(i);
                assertEquals(a.stream().map(RunValue::path).toList(), b.stream().map(RunValue::path).toList(), "run " + i);
                for (int k = 0; k < a.size(); k++) {
                    assertTrue(java.util.Objects.deepEquals(a.get(k).value(), b.get(k).value()), "run " + i + " " + a.get(k).path());
                }
                assertEquals(i % 3 == 0 && i % 997 != 5, b.stream().anyMatch(v -> v.path().endsWith(".v")), "run " + i + "'s own group");
            }
        }
        assertEquals(0, run("ls", merged.toString()), err);
        assertTrue(out.contains("merged from s1.h5 (shard 1/3"), out);
        // the shards read as one, without merging them into a file of the user's: the same table
        assertEquals(0, run("table", merged.toString(), "--results", "a,r,late"), err);
        String table = out;
        assertEquals(0, run("table", dir.resolve("s*.h5").toString(), "--results", "a,r,late"), err);
        assertEquals(table, out, "a glob of the shards");
        assertEquals(0, run("table", shards[1].toString(), shards[0].toString(), shards[2].toString(), "--results", "a,r,late"), err);
        assertEquals(table, out, "the shards named in any order");
        assertEquals(0, run("ls", shards[0].toString(), shards[1].toString(), "results/summary"), err);
        // shards 1 and 2 (runs 0..6665) as one: a = x / 2 up to 3332.5, and no 'late' (only shard 3's runs give it)
        assertTrue(out.contains("0.0..3332.5") && !out.contains("late"), out);
        assertEquals(0, run("ls", shards[0].toString(), shards[1].toString()), err);
        assertTrue(out.contains("read as one from s1.h5 (shard 1/3") && out.contains("s2.h5 (shard 2/3"), out);
        try (var files = Files.list(dir)) {
            assertEquals(List.of("merged.h5", "s1.h5", "s2.h5", "s3.h5", "whole.h5"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "reading left no file behind");
        }
    }

    /** A merge in a JVM of its own, for the crash test: {@code OUT IN...}. */
    public static final class MergeMain {
        public static void main(String[] args) {
            List<Path> in = java.util.Arrays.stream(args).skip(1).map(Path::of).toList();
            org.neurosweep.storage.Merge.merge(Path.of(args[0]), in, false);
        }
    }

    @Test
    void aMergeKilledMidwayLeavesNoOutputAndTheNextOneWorks() throws Exception {
        Path[] shards = new Path[3];
        for (int k = 1; k <= 3; k++) {
            shards[k - 1] = dir.resolve("s" + k + ".h5");
            sweep(shards[k - 1], 7, Shard.of(k, 3, RUNS));
        }
        Path out = dir.resolve("out.h5");
        Path merging = dir.resolve("out.h5.merging");
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), MergeMain.class.getName(), out.toString()));
        for (Path p : shards) {
            cmd.add(p.toString());
        }
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(merging) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // the merge has begun writing once its temporary file exists
        }
        child.destroyForcibly(); // kill -9
        assertTrue(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        // killed before the rename: no OUT; killed after it (a fast machine): OUT is whole
        if (Files.exists(out)) {
            try (TrajectoryReader m = TrajectoryReader.open(out)) {
                assertEquals(RUNS - 11, m.completedRuns().cardinality(), "a merged file is whole or absent");
            }
            Files.delete(out);
        }
        assertEquals(0, run("merge", out.toString(), shards[0].toString(), shards[1].toString(), shards[2].toString()), err);
        assertFalse(Files.exists(merging), "the killed merge's temporary file is gone");
        try (TrajectoryReader m = TrajectoryReader.open(out)) {
            assertEquals(RUNS - 11, m.completedRuns().cardinality());
        }
    }

    @Test
    void mergesThatCannotBeRightAreRefusedAndLeaveNothing() throws Exception {
        Path s1 = dir.resolve("s1.h5");
        Path s2 = dir.resolve("s2.h5");
        Path other = dir.resolve("other.h5");
        Path whole = dir.resolve("whole.h5");
        sweep(s1, 7, Shard.of(1, 2, RUNS));
        sweep(s2, 7, Shard.of(2, 2, RUNS));
        sweep(other, 8, Shard.of(2, 2, RUNS));
        sweep(whole, 7, null);
        Path out = dir.resolve("out.h5");
        assertEquals(2, run("merge", out.toString(), s1.toString(), other.toString()));
        assertTrue(err.contains("another sweep"), err);
        assertEquals(2, run("merge", out.toString(), s1.toString(), s1.toString()));
        assertTrue(err.contains("twice"), err);
        assertEquals(2, run("merge", out.toString(), s1.toString(), whole.toString()));
        assertTrue(err.contains("whole sweep"), err);
        assertEquals(2, run("merge", dir.resolve("no/such/dir/out.h5").toString(), s1.toString(), s2.toString()));
        assertTrue(err.contains("the directory " + dir.resolve("no/such/dir") + " does not exist"), err);
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("out.h5.merging")));
        // one shard only: the other's runs stay pending, and the merge says so
        assertEquals(0, run("merge", out.toString(), s2.toString()), err);
        assertTrue(err.contains("shard 1/2 (runs 0..4999) is missing: its runs stay pending"), err);
        assertEquals(2, run("merge", out.toString(), s1.toString(), s2.toString()));
        assertTrue(err.contains("exists"), err);
        long before = Files.size(s1);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(s1), 4096);
        Files.delete(out);
        assertEquals(0, run("merge", out.toString(), s1.toString(), s2.toString()), err);
        assertEquals(before, Files.size(s1), "inputs are never changed");
        assertArrayEquals(head, java.util.Arrays.copyOf(Files.readAllBytes(s1), 4096));
    }
}
