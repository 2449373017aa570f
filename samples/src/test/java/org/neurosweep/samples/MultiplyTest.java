package org.neurosweep.samples;

import org.neurosweep.explore.SweepDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurosweep.explore.Sweep;
import org.neurosweep.postprocess.RunTable;
import org.neurosweep.runners.Environment;
import org.neurosweep.trajectory.InMemorySink;
import org.neurosweep.trajectory.Trajectory;

/** The Java-defined two-parameter sweep, cartesian and zipped, run and tabled. */
class MultiplyTest {
    private static RunTable run(Sweep sweep) {
        SweepDefinition m = Samples.byName("multiply");
        Trajectory t = m.newTrajectory(1);
        t.explore(sweep);
        InMemorySink sink = new InMemorySink();
        Environment.builder(t).sink(sink).build().run(m.runFunction());
        return RunTable.of(t, sink.records());
    }

    @Test
    void cartesianSweepPrintsOneRowPerRun() {
        RunTable table = run(Sweep.product(Sweep.values("x", 1, 2, 3, 4), Sweep.values("y", 6, 7, 8)));
        assertEquals(List.of("run", "x", "y", "z"), table.columns());
        assertEquals(12, table.rows().size());
        for (List<Object> row : table.rows()) {
            assertEquals(((Integer) row.get(1)).longValue() * (Integer) row.get(2), row.get(3));
        }
        assertEquals(List.of(11L, 4, 8, 32L), table.rows().get(11));
        String text = table.toText();
        assertEquals(13, text.lines().count());
        assertTrue(text.lines().skip(12).findFirst().orElseThrow().matches("\\s*11\\s+4\\s+8\\s+32"), text);
    }

    @Test
    void theSameSweepZippedHasFewerRuns() {
        RunTable table = run(Sweep.zip(Sweep.values("x", 1, 2, 3), Sweep.values("y", 6, 7, 8)));
        assertEquals(3, table.rows().size());
        assertEquals(List.of(0L, 1, 6, 6L), table.rows().get(0));
        assertEquals(List.of(2L, 3, 8, 24L), table.rows().get(2));
    }

    @Test
    void defaultSweepIsPypetsExample() {
        assertEquals(12, Samples.byName("multiply").defaultSweep().size());
    }

    @Test
    void unknownSampleListsTheSamples() {
        UnknownSampleException e = assertThrows(UnknownSampleException.class, () -> Samples.byName("mult"));
        assertTrue(e.getMessage().contains("multiply"), e.getMessage());
    }
}
