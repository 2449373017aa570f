package org.neurosweep.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.trajectory.Branch;
import org.neurosweep.trajectory.Group;
import org.neurosweep.trajectory.Leaf;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.RunValue;
import org.neurosweep.trajectory.Trajectory;
import org.neurosweep.trajectory.ValueType;

/** A trajectory stored and loaded back equals the original. */
class RoundTripTest {
    @TempDir
    Path dir;

    @Test
    void storedAndLoadedTrajectoryIsEqual() {
        Path file = dir.resolve("every.h5");
        Trajectory original = Sweeps.everyType();
        List<RunRecord> records;
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            records = Sweeps.runAll(original, sink, Sweeps.EVERY_TYPE);
        }
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            Trajectory loaded = reader.trajectory();
            assertEquals(original.name(), loaded.name());
            assertEquals(original.seed(), loaded.seed());
            assertEquals(original.created(), loaded.created());
            assertEquals(original.comment(), loaded.comment());
            for (Branch b : Branch.values()) {
                assertTreesEqual(original, loaded, b);
            }
            assertEquals("the network", ((Group) loaded.node("parameters.net")).comment());
            assertEquals(12, loaded.runCount());
            assertEquals(List.of("parameters.net.g", "parameters.net.n"),
                    loaded.exploredParameters().stream().map(Parameter::fullPath).toList());
            for (Parameter p : original.exploredParameters()) {
                assertEquals(p.range(), loaded.parameter(p.fullPath()).range(), p.fullPath());
            }
            assertEquals(12, reader.runCount());
            for (RunRecord expected : records) {
                assertRunEqual(expected, reader.run(expected.index()));
            }
        }
    }

    private static void assertTreesEqual(Trajectory a, Trajectory b, Branch branch) {
        List<Leaf> la = a.leaves(branch);
        List<Leaf> lb = b.leaves(branch);
        assertEquals(la.stream().map(Leaf::fullPath).toList(), lb.stream().map(Leaf::fullPath).toList(), branch.groupName());
        for (int i = 0; i < la.size(); i++) {
            Leaf x = la.get(i);
            Leaf y = lb.get(i);
            assertEquals(x.type(), y.type(), x.fullPath());
            assertTrue(ValueType.valuesEqual(x.value(), y.value()), x.fullPath() + ": " + ValueType.format(y.value()));
            assertEquals(x.comment(), y.comment(), x.fullPath());
        }
    }

    static void assertRunEqual(RunRecord expected, RunRecord actual) {
        String run = expected.name();
        assertEquals(expected.index(), actual.index());
        assertEquals(expected.status(), actual.status(), run);
        assertEquals(expected.startMillis(), actual.startMillis(), run);
        assertEquals(expected.durationNanos(), actual.durationNanos(), run);
        assertEquals(expected.worker(), actual.worker(), run);
        assertEquals(expected.error(), actual.error(), run);
        Map<String, RunValue> got = new HashMap<>();
        actual.values().forEach(v -> got.put(v.fullPath(), v));
        assertEquals(expected.values().size(), got.size(), run + " values " + got.keySet());
        for (RunValue v : expected.values()) {
            RunValue w = got.get(v.fullPath());
            assertNotNull(w, run + " lacks " + v.fullPath());
            assertEquals(v.type(), w.type(), v.fullPath());
            assertEquals(v.summary(), w.summary(), v.fullPath());
            assertTrue(ValueType.valuesEqual(v.value(), w.value()), v.fullPath() + " = " + ValueType.format(w.value()));
            assertEquals(v.comment(), w.comment(), v.fullPath());
        }
    }

    @Test
    void summaryColumnsHoldOneEntryPerRun() {
        Path file = dir.resolve("cols.h5");
        try (Hdf5Sink sink = Hdf5Sink.create(file)) {
            Sweeps.runAll(Sweeps.everyType(), sink, Sweeps.EVERY_TYPE);
        }
        try (TrajectoryReader reader = TrajectoryReader.open(file)) {
            double[] rate = (double[]) reader.summaryColumn("rate");
            assertEquals(12, rate.length);
            assertEquals(3.0 * 10, rate[0]);
            assertTrue(Double.isNaN(rate[5]), "the failed run has the fill value");
            assertEquals(5.0 * 40, rate[11]);
            assertArrayEquals(new boolean[] {false, true, false, true, false, false, false, true, false, true, false, true},
                    (boolean[]) reader.summaryColumn("ok"));
            assertEquals("run 11 é", ((String[]) reader.summaryColumn("label"))[11]);
            assertEquals(40L << 33, ((long[]) reader.summaryColumn("big"))[3]);
            assertEquals(List.of("big", "count", "label", "ok", "rate"), reader.summaryNames(Branch.RESULTS).stream().sorted().toList());
            assertEquals(4.0 / 30, ((double[]) reader.summaryColumn(Branch.DERIVED_PARAMETERS, "w"))[6], "run 6: g = 4, n = 30");
            StoredRuns table = reader.runTable();
            assertEquals(RunStatus.FAILED, table.status(5));
            assertTrue(table.error(5).contains("run 5 fails on purpose"), table.error(5));
            assertEquals("", table.error(4));
            assertEquals(11, table.countByStatus()[RunStatus.COMPLETED.ordinal()]);
            assertEquals("local", table.worker()[0]);
        }
    }
}
