package org.neurosweep.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neurosweep.trajectory.ExplorationException;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.Trajectory;

/** Sweeps given to a trajectory: ranges, run counts, expansion and every error of exploring. */
class ExploreTrajectoryTest {
    private Trajectory t;

    @BeforeEach
    void build() {
        t = new Trajectory("brunel", 1);
        t.addConfig("threads", 1, "");
        t.addParameter("net.g", 5.0);
        t.addParameter("net.eta", 2.0);
        t.addParameter("n", 10);
        t.addDerivedParameter("nu_th", 10.0, "");
        t.addResult("note", "x", "");
    }

    @Test
    void parametersKnowTheirRange() {
        t.explore(Sweep.product(Sweep.values("g", 4, 5, 6), Sweep.values("eta", 1.0, 2.0)));
        assertEquals(6, t.runCount());
        Parameter g = t.parameter("g");
        assertTrue(g.isExplored());
        assertEquals(List.of(4.0, 4.0, 5.0, 5.0, 6.0, 6.0), g.range());
        assertEquals(List.of(1.0, 2.0, 1.0, 2.0, 1.0, 2.0), t.parameter("eta").range());
        assertEquals(List.of(), t.parameter("n").range());
        assertEquals(List.of(g, t.parameter("eta")), t.exploredParameters());
        assertEquals(6.0, t.openRun(5).getDouble("net.g"));
    }

    @Test
    void zippedSweepHasFewerRuns() {
        t.explore(Sweep.zip(Sweep.values("g", 4.0, 5.0, 6.0), Sweep.values("eta", 1.0, 2.0, 3.0)));
        assertEquals(3, t.runCount());
        assertEquals(2.0, t.openRun(1).getDouble("eta"));
    }

    @Test
    void expansionAppendsRunsKeepingIndices() {
        t.explore(Sweep.product(Sweep.values("g", 4.0, 5.0), Sweep.values("eta", 1.0)));
        t.expand(Sweep.zip(Sweep.values("eta", 3.0, 4.0, 5.0), Sweep.values("g", 7.0, 8.0, 9.0)));
        assertEquals(5, t.runCount());
        assertEquals(List.of(4.0, 5.0, 7.0, 8.0, 9.0), t.parameter("g").range());
        assertEquals(List.of(1.0, 1.0, 3.0, 4.0, 5.0), t.parameter("eta").range());
        ExplorationException e = assertThrows(ExplorationException.class, () -> t.expand(Sweep.values("g", 1.0)));
        assertTrue(e.getMessage().contains("parameters.net.eta"), e.getMessage());
    }

    @Test
    void unknownNameIsAnError() {
        ExplorationException e = assertThrows(ExplorationException.class, () -> t.explore(Sweep.values("gg", 1.0)));
        assertTrue(e.getMessage().contains("'gg'") && e.getMessage().contains("parameters.net.g"), e.getMessage());
    }

    @Test
    void nonParametersCannotBeExplored() {
        for (String name : List.of("threads", "nu_th", "note")) {
            ExplorationException e = assertThrows(ExplorationException.class,
                    () -> t.explore(Sweep.values(name, 1)), name);
            assertTrue(e.getMessage().contains("only parameters can be explored") || e.getMessage().contains("not in"),
                    e.getMessage());
        }
    }

    @Test
    void wrongTypeIsAnError() {
        ExplorationException e = assertThrows(ExplorationException.class, () -> t.explore(Sweep.values("n", 1.5, 2.5)));
        assertTrue(e.getMessage().contains("parameters.n (int)") && e.getMessage().contains("double"), e.getMessage());
        assertThrows(ExplorationException.class, () -> t.explore(Sweep.values("g", "five")));
        t.explore(Sweep.values("g", 3, 4));
        assertEquals(3.0, t.openRun(0).get("g"), "ints widen to a double parameter");
    }

    @Test
    void theSameParameterUnderTwoNamesIsADuplicate() {
        ExplorationException e = assertThrows(ExplorationException.class,
                () -> t.explore(Sweep.zip(Sweep.values("g", 1.0), Sweep.values("net.g", 2.0))));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void exploringTwiceIsAnError() {
        t.explore(Sweep.values("g", 1.0));
        ExplorationException e = assertThrows(ExplorationException.class, () -> t.explore(Sweep.values("eta", 1.0)));
        assertTrue(e.getMessage().contains("expand"), e.getMessage());
    }
}
