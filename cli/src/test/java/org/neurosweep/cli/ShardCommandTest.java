package org.neurosweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.explore.Sweep;
import org.neurosweep.samples.Samples;
import org.neurosweep.storage.Hdf5Sink;
import org.neurosweep.storage.Shard;
import org.neurosweep.storage.StoredRuns;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.RunScope;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.Trajectory;

/** {@code run --shard K/N} (or a Slurm job array's task), resume of a shard file, and ls of one. */
class ShardCommandTest extends CliCase {
    /** multiply over 100 x 100 points: 10,000 runs. */
    private static final String[] TEN_THOUSAND = {"--grid", "x=0:100:1", "--grid", "y=0:100:1"};
    private static final int RUNS = 10_000;

    @TempDir
    Path dir;

    /** Runs a command line with {@code env} as its environment. */
    private int runWith(Map<String, String> env, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status = new Cli(new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8), env)
                .run(args);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return status;
    }

    private int runShard(Path file, String shard, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "multiply"));
        args.addAll(List.of(TEN_THOUSAND));
        args.addAll(List.of("--shard", shard, "--out", file.toString()));
        args.addAll(List.of(more));
        return runWith(Map.of(), args.toArray(new String[0]));
    }

    /** Checks a shard file: its own runs completed with the right values, every other run pending; returns its runs. */
    private static BitSet checkShardFile(Path file, Shard expected) {
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals(RUNS, reader.runCount(), "full-length columns");
            assertEquals(expected, reader.shard().orElseThrow(), file.toString());
            StoredRuns table = reader.runTable();
            // an empty shard ran nothing, so no run created the summary column
            assertEquals(expected.isEmpty() ? List.of() : List.of("z"), reader.summaryNames(org.neurosweep.trajectory.Branch.RESULTS));
            long[] z = expected.isEmpty() ? null : (long[]) reader.summaryColumn("z");
            BitSet done = reader.completedRuns();
            for (int i = 0; i < RUNS; i++) {
                if (expected.contains(i)) {
                    assertEquals(RunStatus.COMPLETED, table.status(i), file + " run " + i);
                    assertEquals((long) (i / 100) * (i % 100), z[i], file + " run " + i + ": x*y at its global index");
                } else {
                    assertEquals(RunStatus.PENDING, table.status(i), file + " run " + i + " is another shard's");
                }
            }
            assertEquals(expected.runs(), done.cardinality());
            return done;
        }
    }

    @Test
    void theShardsOfASweepCompleteEveryRunExactlyOnce() {
        for (int n : new int[] {1, 3, 7}) {
            int[] seen = new int[RUNS];
            String sweepId = null;
            for (int k = 1; k <= n; k++) {
                Path file = dir.resolve("multiply-" + k + "-of-" + n + ".h5");
                assertEquals(0, runShard(file, k + "/" + n), err);
                Shard shard = Shard.of(k, n, RUNS);
                assertTrue(err.contains(shard.describe()), err);
                if (shard.isEmpty()) {
                    assertTrue(err.contains("no runs of its own"), err);
                }
                BitSet done = checkShardFile(file, shard);
                done.stream().forEach(i -> seen[i]++);
                try (TrajectoryReader reader = TrajectoryReader.open(file)) {
                    String id = reader.sweepId().orElseThrow();
                    assertTrue(sweepId == null || sweepId.equals(id), "every shard has the same sweep id");
                    sweepId = id;
                }
            }
            for (int i = 0; i < RUNS; i++) {
                assertEquals(1, seen[i], n + " shards: run " + i);
            }
        }
        // even parts: 7 shards of 10,000 runs hold 1,428 or 1,429 runs each
        assertEquals(1_428, Shard.of(1, 7, RUNS).last() - Shard.of(1, 7, RUNS).first());
        assertEquals(1_429, Shard.of(7, 7, RUNS).last() - Shard.of(7, 7, RUNS).first());
        assertEquals(0, run("ls", dir.resolve("multiply-2-of-3.h5").toString()));
        assertTrue(out.contains("shard 2/3 of a 10,000-run sweep: runs 3333..6665 (sweep id "), out);
        assertTrue(out.startsWith("multiply  seed 42, 10000 runs: 3333 completed, 0 failed, 6667 pending"), out);
        assertEquals(0, run("ls", dir.resolve("multiply-1-of-1.h5").toString()));
        assertTrue(out.contains("shard 1/1 of a 10,000-run sweep: runs 0..9999"), out);
    }

    @Test
    void aShardFileResumesOnlyItsOwnRuns() {
        Path file = dir.resolve("part.h5");
        Trajectory t = Samples.byName("multiply").newTrajectory(42);
        t.addConfig("neurosweep.sample", "multiply", "");
        t.explore(Sweep.product(Sweep.arange("x", 0, 100, 1), Sweep.arange("y", 0, 100, 1)));
        Shard shard = Shard.of(2, 3, RUNS);
        try (Hdf5Sink sink = Hdf5Sink.create(file).shard(shard)) { // a shard run interrupted after 100 of its runs
            sink.begin(t);
            for (long i = shard.first(); i < shard.first() + 100; i++) {
                RunScope r = t.openRun(i);
                r.addResult("z", (long) (i / 100) * (i % 100));
                sink.accept(r.finish(0, 0, "local", null));
            }
        }
        assertEquals(0, run("resume", file.toString()));
        assertTrue(err.contains("shard 2/3") && err.contains("3333 runs: 3233 completed, 0 failed, 100 already done"), err);
        checkShardFile(file, shard);
        assertEquals(0, run("resume", file.toString()));
        assertTrue(err.contains("3333 runs: 0 completed, 0 failed, 3333 already done"), err);
    }

    @Test
    void anExistingFileOfAnotherShardOrSweepIsRefused() {
        Path file = dir.resolve("s.h5");
        assertEquals(0, runShard(file, "2/3", "-q"));
        assertEquals(2, runShard(file, "1/3"));
        assertTrue(err.contains(file + " holds shard 2/3 of this sweep (runs 3333..6665), not shard 1/3"), err);
        assertEquals(2, runShard(file, "2/3", "--seed", "7"));
        assertTrue(err.contains("holds shard 2/3 of another sweep"), err);
        assertEquals(2, runShard(file, "2/3"));
        assertTrue(err.contains("exists: 'neurosweep resume " + file + "' continues it"), err);
        Path whole = dir.resolve("whole.h5");
        assertEquals(0, run("run", "multiply", "-q", "--out", whole.toString()));
        assertEquals(2, runWith(Map.of(), "run", "multiply", "--shard", "1/2", "--out", whole.toString()));
        assertTrue(err.contains("holds a whole sweep, not a shard"), err);
        assertEquals(0, runShard(file, "1/3", "--force", "-q"), err);
        checkShardFile(file, Shard.of(1, 3, RUNS));
    }

    @Test
    void badShardValuesAreRefusedNamingTheValue() {
        String[][] cases = {{"0/3", "K must be 1..3"}, {"4/3", "K must be 1..3"}, {"3", "is not K/N"},
            {"a/b", "is not a whole number"}, {"1/0", "N must be at least 1"}};
        for (String[] c : cases) {
            Path file = dir.resolve("bad.h5");
            assertEquals(2, runWith(Map.of(), "run", "multiply", "--shard", c[0], "--out", file.toString()), c[0]);
            assertTrue(err.contains("--shard '" + c[0] + "'") && err.contains(c[1]), err);
            assertTrue(!file.toFile().exists(), "no file for a refused shard");
        }
        assertEquals(2, run("cluster", "coordinator", "--resume", "x.h5", "--shard", "1/2"));
        assertTrue(err.contains("--shard defines a new sweep"), err);
    }

    @Test
    void aSlurmJobArrayTaskChoosesTheShard() {
        Path file = dir.resolve("task.h5");
        // --array=3-5: task 5 is shard 3/3 of the 12-run sample: its last four runs
        Map<String, String> env = Map.of("SLURM_ARRAY_TASK_ID", "5", "SLURM_ARRAY_TASK_MIN", "3", "SLURM_ARRAY_TASK_COUNT", "3");
        assertEquals(0, runWith(env, "run", "multiply", "--out", file.toString()));
        assertTrue(err.contains("shard 3/3 of a 12-run sweep: runs 8..11; chosen by the Slurm job array (SLURM_ARRAY_TASK_ID=5,"), err);
        assertEquals(12, out.lines().count() - 1, "the table of a small sweep");
        checkSmall(file, Shard.of(3, 3, 12));
        // --array=3-15: task 3 is shard 1/13 of 12 runs: more tasks than runs, so it is empty, a valid file with every run pending
        Path empty = dir.resolve("task1.h5");
        assertEquals(0, runWith(Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_MIN", "3", "SLURM_ARRAY_TASK_COUNT", "13"),
                "run", "multiply", "--out", empty.toString()));
        assertTrue(err.contains("shard 1/13 of a 12-run sweep: no runs of its own"), err);
        assertTrue(err.contains("multiply, shard 1/13: no runs of its own, every run pending"), err);
        checkSmall(empty, Shard.of(1, 13, 12));
        // --shard wins over the environment; a step counts tasks, not indices
        assertEquals(0, runWith(env, "run", "multiply", "--shard", "1/1", "-q", "--out", dir.resolve("all.h5").toString()));
        checkSmall(dir.resolve("all.h5"), Shard.of(1, 1, 12));
        assertEquals(0, runWith(Map.of("SLURM_ARRAY_TASK_ID", "7", "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_COUNT", "4",
                "SLURM_ARRAY_TASK_STEP", "2"), "run", "multiply", "--out", dir.resolve("step.h5").toString()));
        assertTrue(err.contains("shard 4/4"), err);
        // a list such as --array=1,3,7 has no K/N
        assertEquals(2, runWith(Map.of("SLURM_ARRAY_TASK_ID", "7", "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_COUNT", "3"),
                "run", "multiply", "--out", dir.resolve("list.h5").toString()));
        assertTrue(err.contains("SLURM_ARRAY_TASK_ID=7") && err.contains("--shard K/N"), err);
        assertEquals(2, runWith(Map.of("SLURM_ARRAY_TASK_ID", "x", "SLURM_ARRAY_TASK_COUNT", "3"),
                "run", "multiply", "--out", dir.resolve("x.h5").toString()));
        assertTrue(err.contains("SLURM_ARRAY_TASK_ID='x' is not a whole number"), err);
        // no array: the whole sweep, no shard recorded
        assertEquals(0, runWith(Map.of("SLURM_ARRAY_TASK_ID", "2"), "run", "multiply", "-q", "--out", dir.resolve("plain.h5").toString()));
        try (TrajectoryReader reader = TrajectoryReader.open(dir.resolve("plain.h5"))) {
            assertTrue(reader.shard().isEmpty() && reader.sweepId().isEmpty());
        }
    }

    private static void checkSmall(Path file, Shard shard) {
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals(shard, reader.shard().orElseThrow());
            assertEquals(shard.runs(), reader.completedRuns().cardinality());
            assertEquals(12, reader.runCount());
        }
    }
}
