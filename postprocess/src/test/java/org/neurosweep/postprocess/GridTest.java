package org.neurosweep.postprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunScope;
import org.neurosweep.trajectory.Trajectory;

/** Grouping by parameters with mean and standard deviation, and the table's CSV. */
class GridTest {
    @Test
    void groupsByOneParameterWithMeanAndStd() {
        // x = 1, 1, 2, 2, 2 with values 1, 3, 10, 20, NaN (left out)
        Grid g = Grid.of(List.of(1.0, 1.0, 2.0, 2.0, 2.0), null, Arrays.asList(1.0, 3.0, 10.0, 20.0, Double.NaN));
        assertEquals(List.of(1.0, 2.0), g.xs());
        assertEquals(2.0, g.mean(0, 0));
        assertEquals(1.0, g.std(0, 0), 1e-12);
        assertEquals(15.0, g.mean(1, 0));
        assertEquals(5.0, g.std(1, 0), 1e-12);
        assertEquals(2, g.count(1, 0), "NaN is left out");
    }

    @Test
    void twoParametersMakeAGridWithEmptyCells() {
        Grid g = Grid.of(List.of(3.0, 3.0, 4.0), List.of(1.0, 2.0, 1.0), Arrays.asList(5.0, 6.0, null));
        assertEquals(List.of(3.0, 4.0), g.xs());
        assertEquals(List.of(1.0, 2.0), g.ys());
        assertEquals(6.0, g.mean(0, 1));
        assertTrue(Double.isNaN(g.mean(1, 0)), "a run without the result leaves its cell empty");
        assertTrue(Double.isNaN(g.mean(1, 1)), "a cell no run reached is empty");
    }

    @Test
    void csvHasOneRowPerRunWithFullPrecision() throws Exception {
        Trajectory t = new Trajectory("csv", 1);
        t.addParameter("x", 0.0);
        t.explore(Sweep.values("x", 0.1, 0.2));
        RunScope a = t.openRun(0);
        a.addResult("y", 1.0 / 3);
        a.addResult("label", "a, \"quoted\" one");
        RunScope b = t.openRun(1);
        RunRecord failed = b.finish(0, 0, "local", "java.lang.IllegalStateException: boom, \"twice\"\n\tat Run.run(Run.java:1)");
        StringWriter csv = new StringWriter();
        RunTable.of(t, List.of(a.finish(0, 0, "local", null), failed)).writeCsv(csv);
        List<String> lines = csv.toString().lines().toList();
        assertEquals("run,x,y,label,status,error", lines.get(0));
        assertEquals("0,0.1,0.3333333333333333,\"a, \"\"quoted\"\" one\",completed,", lines.get(1));
        assertEquals("1,0.2,,,failed,\"java.lang.IllegalStateException: boom, \"\"twice\"\"\"", lines.get(2), "the error's first line only");
        assertEquals(3, lines.size());
    }
}
