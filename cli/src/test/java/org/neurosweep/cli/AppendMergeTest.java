package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.explore.Sweep;
import org.neurosweep.runners.Environment;
import org.neurosweep.storage.Hdf5Sink;
import org.neurosweep.storage.StoredRuns;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.Branch;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.RunValue;
import org.neurosweep.trajectory.Trajectory;

/**
 * {@code neurosweep merge} of different sweeps of one model (pypet's {@code f_merge}): appended with new indices,
 * explored values concatenated, duplicates optionally left out, different parameters refused.
 */
class AppendMergeTest extends CliCase {
    /** Results from the point and the run's seed, an array for some runs (their own groups), some failures. */
    private static final RunFunction FUNCTION = function(true);

    private static RunFunction function(boolean failing) {
        return run -> {
        long x = run.getLong("x");
        double y = run.getDouble("y");
        run.addResult("a", x * y);
        run.addResult("r", run.random().nextDouble());
        run.addResult("label", run.getString("z") + x);
        if (x % 3 == 0) {
            run.addResult("runs.$set.$.v", new double[] {x, y, run.random().nextGaussian()});
        }
        if (failing && x % 401 == 7) {
            throw new IllegalStateException("x = " + x + " fails");
        }
        };
    }

    @TempDir
    Path dir;

    /** A sweep of parameters x (long), y (double), z (string): {@code shape} adds or explores what the sweep varies. */
    private static Path sweep(Path file, long seed, Consumer<Trajectory> shape) {
        Trajectory t = new Trajectory("model", seed);
        t.addParameter("x", 0L, "the point");
        t.addParameter("y", 1.0, "a factor");
        t.addParameter("z", "p", "a prefix");
        shape.accept(t);
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            Environment.builder(t).sink(sink).build().run(FUNCTION);
        }
        return file;
    }

    @Test
    void differentSweepsOfOneModelAreAppendedWithNewIndices() throws Exception {
        Path a = sweep(dir.resolve("a.h5"), 7, t -> t.explore(Sweep.arange("x", 0L, 2_000L, 1L)));
        // 40 runs: x 1990..2009 for y = 1 and 2; the ten with y = 1 and x < 2000 are points a.h5 already holds
        Path b = sweep(dir.resolve("b.h5"), 8, t -> t.explore(Sweep.product(Sweep.arange("x", 1_990L, 2_010L, 1L),
                Sweep.values("y", 1.0, 2.0))));
        // y not explored but 3 here: the merged file explores it, so that these runs keep y = 3
        Path c = sweep(dir.resolve("c.h5"), 9, t -> {
            t.parameter("y").setValue(3.0);
            t.explore(Sweep.arange("x", 0L, 10L, 1L));
        });
        Trajectory resumed; // resumed with the failure fixed: its run 7 completes, and its failed attempt stays in its history
        try (TrajectoryReader r = TrajectoryReader.open(c)) {
            resumed = r.trajectory();
        }
        try (Hdf5Sink sink = Hdf5Sink.resume(c)) {
            Environment.builder(resumed).sink(sink).build().run(function(false));
        }
        Path all = dir.resolve("all.h5");
        assertEquals(0, run("merge", all.toString(), a.toString(), b.toString(), c.toString()), err);
        assertTrue(err.contains("appended 3 sweeps") && err.contains("2050 runs, 2045 completed"), err);
        try (TrajectoryReader m = TrajectoryReader.open(all); TrajectoryReader ra = TrajectoryReader.open(a);
             TrajectoryReader rb = TrajectoryReader.open(b); TrajectoryReader rc = TrajectoryReader.open(c)) {
            assertEquals(2_050, m.runCount());
            assertEquals(List.of("x", "y"), m.exploredNames());
            Trajectory t = m.trajectory();
            TrajectoryReader[] inputs = {ra, rb, rc};
            int[] first = {0, 2_000, 2_040};
            StoredRuns mt = m.runTable();
            for (int in = 0; in < 3; in++) {
                TrajectoryReader r = inputs[in];
                StoredRuns rt = r.runTable();
                Trajectory rtj = r.trajectory();
                for (int i = 0; i < r.runCount(); i++) {
                    int j = first[in] + i;
                    assertEquals(rtj.parameter("x").valueInRun(i), t.parameter("x").valueInRun(j), "x of run " + j);
                    Object y = rtj.parameter("y").isExplored() ? rtj.parameter("y").valueInRun(i) : rtj.parameter("y").value();
                    assertEquals(y, t.parameter("y").valueInRun(j), "y of run " + j);
                    assertEquals(rt.status(i), mt.status(j), "status of run " + j);
                    assertEquals(rt.start()[i], mt.start()[j], "start of run " + j);
                    assertEquals(rt.worker()[i], mt.worker()[j]);
                    assertEquals(rt.error(i).lines().findFirst(), mt.error(j).lines().findFirst(), "error of run " + j);
                }
                for (String name : List.of("a", "r")) {
                    double[] own = (double[]) r.summaryColumn(name);
                    double[] merged = (double[]) m.summaryColumn(name);
                    assertArrayEquals(own, java.util.Arrays.copyOfRange(merged, first[in], first[in] + own.length), name);
                }
                for (int i = 0; i < r.runCount(); i += 3) {
                    List<RunValue> own = r.runValues(i);
                    List<RunValue> merged = m.runValues(first[in] + i);
                    assertEquals(own.size(), merged.size(), "the values of run " + (first[in] + i));
                    for (int k = 0; k < own.size(); k++) {
                        String expected = own.get(k).path().replace(org.neurosweep.trajectory.Runs.name(i),
                                org.neurosweep.trajectory.Runs.name(first[in] + i)).replace(org.neurosweep.trajectory.Runs.setName(i),
                                org.neurosweep.trajectory.Runs.setName(first[in] + i));
                        assertEquals(expected, merged.get(k).path());
                        assertTrue(Objects.deepEquals(own.get(k).value(), merged.get(k).value()), merged.get(k).path());
                    }
                }
            }
            assertEquals(RunStatus.FAILED, mt.status(7), "x = 7 failed in a.h5");
            assertEquals(RunStatus.COMPLETED, mt.status(2_047), "c.h5's run 7, now run 2047, completed when resumed");
            assertTrue(m.errors().get(2_047L).startsWith("java.lang.IllegalStateException: x = 7 fails"), "its failed attempt is kept: "
                    + m.errors());
            assertEquals(m.errors().keySet().stream().filter(i -> i < 2_000).toList().size(), ra.errors().size());
            assertTrue(m.mergedFrom().orElseThrow().contains("b.h5 (sweep model, seed 8, 40 runs: now runs 2000..2039)"),
                    m.mergedFrom().orElseThrow());
            assertEquals(1.0, m.trajectory().parameter("y").value(), "the first input's value is the default");
        }
        assertEquals(0, run("ls", all.toString()), err);
        assertTrue(out.contains("merged from a.h5 (sweep model, seed 7"), out);
        // the three read as one, without a merged file: the same table
        assertEquals(0, run("table", all.toString(), "--results", "a,label"), err);
        String table = out;
        assertTrue(table.lines().count() > 2_050, "a row per run");
        assertEquals(0, run("table", a.toString(), b.toString(), c.toString(), "--results", "a,label"), err);
        assertEquals(table, out);
    }

    @Test
    void removeDuplicatesLeavesOutPointsAnEarlierSweepHolds() throws Exception {
        Path a = sweep(dir.resolve("a.h5"), 7, t -> t.explore(Sweep.arange("x", 0L, 100L, 1L)));
        Path b = sweep(dir.resolve("b.h5"), 8, t -> t.explore(Sweep.product(Sweep.arange("x", 90L, 110L, 1L),
                Sweep.values("y", 1.0, 2.0))));
        Path out = dir.resolve("out.h5");
        assertEquals(0, run("merge", "--remove-duplicates", out.toString(), a.toString(), b.toString()), err);
        assertTrue(err.contains("10 runs of " + b + " left out as duplicates"), err);
        try (TrajectoryReader m = TrajectoryReader.open(out)) {
            assertEquals(130, m.runCount());
            Trajectory t = m.trajectory();
            java.util.Set<List<Object>> points = new java.util.HashSet<>();
            for (int j = 0; j < 130; j++) {
                assertTrue(points.add(List.of(t.parameter("x").valueInRun(j), t.parameter("y").valueInRun(j))), "run " + j + " repeats a point");
            }
            // b.h5's first kept run is (90, 2.0): its run 1
            assertEquals(90L, t.parameter("x").valueInRun(100));
            assertEquals(2.0, t.parameter("y").valueInRun(100));
            assertEquals(180.0, ((double[]) m.summaryColumn("a"))[100]);
        }
        Path again = dir.resolve("again.h5");
        assertEquals(2, run("merge", "--remove-duplicates", again.toString(), a.toString(), a.toString()));
        assertTrue(err.contains("given twice"), err);
        Path copy = Files.copy(a, dir.resolve("copy.h5"));
        assertEquals(2, run("merge", "--remove-duplicates", again.toString(), a.toString(), copy.toString()));
        assertTrue(err.contains("every run of " + copy), err);
        assertFalse(Files.exists(again));
    }

    @Test
    void sweepsOfDifferentParametersAreRefusedNamingTheFirstDifference() throws Exception {
        Path a = sweep(dir.resolve("a.h5"), 7, t -> t.explore(Sweep.arange("x", 0L, 20L, 1L)));
        Path extra = sweep(dir.resolve("extra.h5"), 7, t -> {
            t.addParameter("w", 2, "one more");
            t.explore(Sweep.arange("x", 0L, 20L, 1L));
        });
        Path retyped = dir.resolve("retyped.h5");
        Trajectory t = new Trajectory("model", 7);
        t.addParameter("x", 0.0, "the point, as a double");
        t.addParameter("y", 1.0, "a factor");
        t.addParameter("z", "p", "a prefix");
        t.explore(Sweep.arange("x", 0.0, 5.0, 1.0));
        try (Hdf5Sink sink = Hdf5Sink.create(retyped)) {
            Environment.builder(t).sink(sink).build().run(r -> r.addResult("a", r.getDouble("x")));
        }
        long size = Files.size(a);
        Path out = dir.resolve("out.h5");
        assertEquals(2, run("merge", out.toString(), a.toString(), extra.toString()));
        assertTrue(err.contains(extra + " has the parameter parameters.w (int), " + a + " has not"), err);
        assertEquals(2, run("merge", out.toString(), a.toString(), retyped.toString()));
        assertTrue(err.contains("the parameter parameters.x is long in " + a + " but double in " + retyped), err);
        assertEquals(2, run("table", a.toString(), retyped.toString()));
        assertTrue(err.contains("parameters.x is long"), "reading several files as one refuses them too: " + err);
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("out.h5.merging")));
        assertEquals(size, Files.size(a));
    }

    @Test
    void anAppendKilledMidwayLeavesNoOutputAndTheNextOneWorks() throws Exception {
        Path a = sweep(dir.resolve("a.h5"), 7, t -> t.explore(Sweep.arange("x", 0L, 8_000L, 1L)));
        Path b = sweep(dir.resolve("b.h5"), 8, t -> t.explore(Sweep.arange("x", 8_000L, 16_000L, 1L)));
        Path all = dir.resolve("all.h5");
        Path live = dir.resolve("all.h5.merging.live");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), MergeCommandTest.MergeMain.class.getName(), all.toString(), a.toString(),
                b.toString());
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(live) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // the merge is writing runs once the writer's live file exists
        }
        child.destroyForcibly(); // kill -9
        assertTrue(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        if (Files.exists(all)) { // killed after the rename (a fast machine): whole
            try (TrajectoryReader m = TrajectoryReader.open(all)) {
                assertEquals(16_000, m.runCount());
                assertEquals(16_000 - 40, m.completedRuns().cardinality(), "a merged file is whole or absent");
            }
            Files.delete(all);
        }
        assertEquals(0, run("merge", all.toString(), a.toString(), b.toString()), err);
        try (var files = Files.list(dir)) {
            assertEquals(List.of("a.h5", "all.h5", "b.h5", "child.log"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "what the killed merge left is gone");
        }
        try (TrajectoryReader m = TrajectoryReader.open(all)) {
            assertEquals(16_000 - 40, m.completedRuns().cardinality(), "x % 401 == 7 fails: 40 of 16,000");
            assertEquals(8_000L, m.trajectory().parameter("x").valueInRun(8_000));
        }
    }

    @Test
    void sweepsOfOnePointEachAreAppendedAsRunsOfOneSweep() throws Exception {
        Path a = sweep(dir.resolve("a.h5"), 7, t -> t.parameter("x").setValue(4L));
        Path b = sweep(dir.resolve("b.h5"), 8, t -> t.parameter("x").setValue(4L));
        Path c = sweep(dir.resolve("c.h5"), 9, t -> t.parameter("x").setValue(5L));
        Path ab = dir.resolve("ab.h5");
        assertEquals(0, run("merge", ab.toString(), a.toString(), b.toString()), err);
        try (TrajectoryReader m = TrajectoryReader.open(ab)) {
            assertEquals(2, m.runCount(), "the same point twice: two runs");
            assertEquals(List.of("x"), m.exploredNames(), "the first parameter tells them apart");
            assertEquals(2, m.completedRuns().cardinality());
            double[] r = (double[]) m.summaryColumn("r");
            assertTrue(r[0] != r[1], "each run's own random result (seeds 7 and 8): " + r[0] + ", " + r[1]);
        }
        Path abc = dir.resolve("abc.h5");
        assertEquals(0, run("merge", "--remove-duplicates", abc.toString(), a.toString(), c.toString()), err);
        try (TrajectoryReader m = TrajectoryReader.open(abc)) {
            assertEquals(List.of("x"), m.exploredNames(), "x differs between the inputs");
            assertEquals(5L, m.trajectory().parameter("x").valueInRun(1));
            assertEquals(5.0, ((double[]) m.summaryColumn("a"))[1], "x * y of c.h5's run (y = 1)");
        }
        assertEquals(2, run("merge", "--remove-duplicates", dir.resolve("none.h5").toString(), a.toString(), b.toString()));
        assertTrue(err.contains("every run of " + b), err);
    }
}
