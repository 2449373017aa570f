package org.neurosweep.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.RunScope;
import org.neurosweep.trajectory.Trajectory;

/**
 * Reading parameters, the run table and a summary column never touches per-run groups: with every
 * per-run group's object header destroyed on disk, those reads still succeed, while loading a run fails.
 */
class LazyReadTest {
    @TempDir
    Path dir;

    @Test
    void tablesAndColumnsAreReadWithoutTouchingRunGroups() throws Exception {
        int runs = 3000;
        Path file = dir.resolve("lazy.h5");
        Trajectory t = new Trajectory("lazy", 8);
        t.addParameter("g", 1.0, "relative inhibition");
        t.explore(Sweep.linspace("g", 0, 1, runs));
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            sink.begin(t);
            for (int i = 0; i < runs; i++) {
                RunScope run = t.openRun(i);
                run.addResult("rate", 2.0 * i);
                run.addResult("runs.$set.$.spikes", new double[] {i});
                sink.accept(run.finish(0, 0, "local", null));
            }
        }
        List<Long> runGroups = new ArrayList<>();
        try (HdfFile h = new HdfFile(file)) {
            for (Node set : ((Group) h.getByPath("/lazy/results/runs")).getChildren().values()) {
                for (Node run : ((Group) set).getChildren().values()) {
                    runGroups.add(run.getAddress());
                }
            }
        }
        assertEquals(runs, runGroups.size());
        Damage.overwriteHeaders(file, runGroups);
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            Trajectory loaded = reader.trajectory();
            assertEquals(List.of(0.0, 1.0 / (runs - 1)), loaded.parameter("g").range().subList(0, 2));
            assertEquals(runs, reader.runTable().size());
            assertEquals(runs, reader.completedRuns().cardinality());
            assertEquals(2.0 * 2999, ((double[]) reader.summaryColumn("rate"))[2999]);
            assertThrows(RuntimeException.class, () -> reader.run(1234), "the run's own group is damaged");
        }
    }
}
