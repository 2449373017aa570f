package org.neurosweep.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.RunScope;
import org.neurosweep.trajectory.RunValue;
import org.neurosweep.trajectory.Trajectory;

/** A result's unit is stored as the {@code unit} attribute of its column or dataset and read back. */
class ResultUnitTest {
    @TempDir
    Path dir;

    @Test
    void unitsOfSummaryColumnsAndPerRunDatasetsAreStoredAndRead() throws Exception {
        Path file = dir.resolve("units.h5");
        Trajectory t = new Trajectory("units", 1);
        t.addParameter("g", 1.0, "relative inhibition");
        t.explore(Sweep.values("g", 1.0, 2.0));
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            sink.begin(t);
            for (int i = 0; i < 2; i++) {
                RunScope run = t.openRun(i);
                run.addResult("rate", 2.0 * i, " Hz ", "mean rate");
                run.addResult("count", i, "spike count");
                run.addResult("runs.$set.$.times", new double[] {i, 2.0 * i}, "ms", "spike times");
                sink.accept(run.finish(0, 0, "local", null));
            }
        }
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            assertEquals("Hz", reader.summaryUnit("rate"), "trimmed");
            assertEquals("mean rate", reader.summaryComment("rate"));
            assertEquals("", reader.summaryUnit("count"));
            Map<String, String> units = new HashMap<>();
            for (RunValue v : reader.runValues(1)) {
                units.put(v.path(), v.unit());
            }
            assertEquals("Hz", units.get("rate"));
            assertEquals("", units.get("count"));
            assertEquals("ms", units.get("runs.run_set_00000.run_00000001.times"));
        }
    }
}
