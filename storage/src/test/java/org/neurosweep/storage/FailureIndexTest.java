package org.neurosweep.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.RunScope;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.Trajectory;

/** The error texts of chosen runs: each run's latest error, also when a resumed sweep failed it again. */
class FailureIndexTest {
    @TempDir
    Path dir;

    @Test
    void readsTheLatestErrorOfTheRunsAskedFor() {
        Path file = dir.resolve("errors.h5");
        Trajectory t = new Trajectory("errors", 3);
        t.addParameter("x", 0);
        t.explore(Sweep.arange("x", 0, 300, 1));
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            sink.begin(t);
            for (int i = 0; i < 300; i++) {
                RunScope run = t.openRun(i);
                run.addResult("y", i);
                sink.accept(run.finish(0, 0, "local", i % 3 == 0 ? "first " + i : null));
            }
        }
        // failed again on resume: their latest rows come after every other run's, in another order
        try (Hdf5Sink sink = Hdf5Sink.resume(file)) {
            Trajectory stored = sink.storedTrajectory();
            sink.begin(stored);
            for (int i = 294; i >= 0; i -= 6) {
                sink.accept(stored.openRun(i).finish(0, 0, "local", "second " + i + "\n\tat somewhere"));
            }
        }
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals(100, reader.runsWithStatus(RunStatus.FAILED).cardinality());
            assertEquals(200, reader.completedRuns().cardinality());
            Map<Long, String> expected = new HashMap<>();
            expected.put(0L, "second 0\n\tat somewhere");
            expected.put(3L, "first 3");
            expected.put(6L, "second 6\n\tat somewhere");
            expected.put(9L, "first 9");
            expected.put(297L, "first 297");
            expected.put(288L, "second 288\n\tat somewhere");
            // 1 completed and 5000 not a run: no error; the rows asked for lie near and far apart
            assertEquals(expected, reader.errors(new long[] {297, 0, 3, 6, 9, 288, 1, 5000}));
            assertEquals(Map.of(), reader.errors(new long[0]));
            Map<Long, String> all = reader.errors(reader.runsWithStatus(RunStatus.FAILED).stream().asLongStream().toArray());
            assertEquals(reader.errors(), all, "the same texts as reading the whole column");
        }
    }

    @Test
    void aSweepWithoutFailuresHasNoErrors() {
        Path file = dir.resolve("clean.h5");
        Trajectory t = new Trajectory("clean", 3);
        t.addParameter("x", 0);
        t.explore(Sweep.values("x", 1, 2));
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            Sweeps.runAll(t, sink, run -> { });
        }
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals(0, reader.runsWithStatus(RunStatus.FAILED).cardinality());
            assertEquals(Map.of(), reader.errors(new long[] {0, 1}));
        }
    }
}
