package org.neurosweep.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.RunScope;
import org.neurosweep.trajectory.Trajectory;

/** 100,000 runs each with a per-run array: no group of the file holds more than 20,000 children. */
class BucketsTest {
    private static final int LIMIT = 20_000;

    @TempDir
    Path dir;

    @Test
    void noGroupPassesTwentyThousandChildren() {
        int runs = 100_000;
        Path file = dir.resolve("buckets.h5");
        Trajectory t = new Trajectory("buckets", 5);
        t.addParameter("x", 0);
        t.explore(Sweep.arange("x", 0, runs, 1));
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            sink.begin(t);
            for (int i = 0; i < runs; i++) {
                RunScope run = t.openRun(i);
                run.addResult("x2", (double) i * i);
                run.addResult("runs.$set.$.trace", new double[] {i, i + 1, i + 2});
                sink.accept(run.finish(0, 0, "local", null));
            }
        }
        int[] stats = new int[3]; // groups, largest, run groups
        try (HdfFile h = new HdfFile(file)) {
            walk(h, stats);
        }
        assertTrue(stats[1] <= LIMIT, "a group holds " + stats[1] + " children");
        assertEquals(runs, stats[2], "one group per run");
        assertEquals(1000, stats[1], "the largest group is a run_set bucket of 1,000 runs");
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals(runs, reader.completedRuns().cardinality());
            assertEquals(99_999.0 * 99_999.0, ((double[]) reader.summaryColumn("x2"))[99_999]);
        }
    }

    private static void walk(Group g, int[] stats) {
        stats[0]++;
        stats[1] = Math.max(stats[1], g.getChildren().size());
        for (Node n : g.getChildren().values()) {
            if (n instanceof Group child) {
                if (child.getName().startsWith("run_") && !child.getName().startsWith("run_set_")) {
                    stats[2]++;
                }
                walk(child, stats);
            }
        }
    }
}
