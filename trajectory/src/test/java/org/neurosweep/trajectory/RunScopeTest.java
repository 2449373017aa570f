package org.neurosweep.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Runs, wildcards, per-run values, locking and per-run seeds. */
class RunScopeTest {

    /** A trajectory explored over x = 0..n-1 without the explore module. */
    static Trajectory explored(long n) {
        Trajectory t = new Trajectory("t", 7);
        t.addParameter("x", 0);
        t.addParameter("y", 1.5);
        t.explore(new Exploration() {
            @Override
            public List<String> names() {
                return List.of("x");
            }

            @Override
            public List<ValueType> types() {
                return List.of(ValueType.INT);
            }

            @Override
            public long size() {
                return n;
            }

            @Override
            public Object value(long point, int column) {
                return (int) point;
            }
        });
        return t;
    }

    @Test
    void runNamesAndBuckets() {
        assertEquals("run_00000000", Runs.name(0));
        assertEquals("run_00000042", Runs.name(42));
        assertEquals("run_123456789", Runs.name(123456789));
        assertEquals("run_set_00000", Runs.setName(999));
        assertEquals("run_set_00001", Runs.setName(1000));
        assertEquals("run_set_01234", Runs.setName(1234567));
        assertEquals(42, Runs.indexOf("run_00000042"));
        assertThrows(InvalidNameException.class, () -> Runs.indexOf("run_42"));
        assertThrows(IllegalArgumentException.class, () -> Runs.name(-1));
    }

    @Test
    void wildcardResultOfRun42LandsInItsBucket() {
        RunScope run = explored(2000).openRun(42);
        assertEquals("run_00000042", run.name());
        assertEquals("run_set_00000", run.setName());
        run.addResult("runs.$set.$.rate", 3.5);
        RunValue v = run.values().get(0);
        assertEquals("results.runs.run_set_00000.run_00000042.rate", v.fullPath());
        assertFalse(v.summary());

        RunScope later = explored(2000).openRun(1234);
        later.addResult("runs.$set.$.spikes", new double[] {1, 2});
        assertEquals("results.runs.run_set_00001.run_00001234.spikes", later.values().get(0).fullPath());
    }

    @Test
    void wildcardOutsideARunIsAnError() {
        Trajectory t = explored(3);
        OutsideRunException e = assertThrows(OutsideRunException.class, () -> t.addResult("runs.$set.$.rate", 1.0, ""));
        assertTrue(e.getMessage().contains("$"), e.getMessage());
        assertThrows(OutsideRunException.class, () -> t.node("runs.$.rate"));
    }

    @Test
    void bareRunWildcardIsRefusedSoNoGroupPassesTheBucketSize() {
        RunScope run = explored(3).openRun(1);
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> run.addResult("runs.$.rate", 1.0));
        assertTrue(e.getMessage().contains("$set.$"), e.getMessage());
        assertThrows(InvalidNameException.class, () -> run.addResult("runs.$set.rate", 1.0));
    }

    @Test
    void scalarsWithoutWildcardsAreSummaryColumns() {
        RunScope run = explored(3).openRun(2);
        run.addResult("rate", 2.0, "Hz");
        run.addResult("pop.rate_e", 3.0);
        RunRecord r = run.finish(0, 1, "local", null);
        assertEquals(RunStatus.COMPLETED, r.status());
        assertEquals("results.summary.rate", r.values().get(0).fullPath());
        assertEquals("Hz", r.values().get(0).comment());
        assertEquals(2.0, r.summaryResult("rate"));
        assertEquals(3.0, r.summaryResult("pop.rate_e"));
    }

    @Test
    void arraysNeedTheRunWildcard() {
        RunScope run = explored(3).openRun(0);
        TypeMismatchException e = assertThrows(TypeMismatchException.class, () -> run.addResult("spikes", new int[] {1}));
        assertTrue(e.getMessage().contains("runs.$set.$.spikes"), e.getMessage());
    }

    @Test
    void duplicatesAndLeafGroupCollisionsInOneRunAreErrors() {
        RunScope run = explored(3).openRun(0);
        run.addResult("runs.$set.$.a", 1.0);
        assertThrows(DuplicateNameException.class, () -> run.addResult("runs.$set.$.a", 2.0));
        assertThrows(DuplicateNameException.class, () -> run.addResult("runs.$set.$.a.b", 2.0));
        run.addResult("runs.$set.$.g.b", 1.0);
        DuplicateNameException e = assertThrows(DuplicateNameException.class, () -> run.addResult("runs.$set.$.g", 2.0));
        assertTrue(e.getMessage().contains("group"), e.getMessage());
        run.addResult("rate", 1.0);
        assertThrows(DuplicateNameException.class, () -> run.addResult("rate", 1.0));
    }

    @Test
    void runsAndSummaryAreReservedForTheValuesOfRuns() {
        Trajectory t = explored(3);
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> t.addResult("runs.info", "x", ""));
        assertTrue(e.getMessage().contains("results.runs is reserved"), e.getMessage());
        assertThrows(InvalidNameException.class, () -> t.addDerivedParameter("summary", 1.0, ""));
        assertThrows(InvalidNameException.class, () -> t.addGroup(Branch.RESULTS, "runs", ""));
        t.addParameter("runs", 5, "a parameter may be called runs");
        RunScope run = t.openRun(0);
        InvalidNameException where = assertThrows(InvalidNameException.class, () -> run.addResult("pop.$set.$.x", 1.0));
        assertTrue(where.getMessage().contains("runs.$set.$.<name>"), where.getMessage());
    }

    @Test
    void failedRunKeepsNoValues() {
        RunScope run = explored(3).openRun(0);
        run.addResult("rate", 1.0);
        RunRecord r = run.finish(5, 6, "local", "java.lang.IllegalStateException: boom");
        assertEquals(RunStatus.FAILED, r.status());
        assertTrue(r.values().isEmpty());
        assertEquals("java.lang.IllegalStateException: boom", r.error());
    }

    @Test
    void runSeesItsExploredValueAndDefaults() {
        Trajectory t = explored(5);
        RunScope run = t.openRun(3);
        assertEquals(3, run.getInt("x"));
        assertEquals(3.0, run.getDouble("x"));
        assertEquals(3L, run.getLong("x"));
        assertEquals(1.5, run.getDouble("y"));
        TypeMismatchException e = assertThrows(TypeMismatchException.class, () -> run.getInt("y"));
        assertTrue(e.getMessage().contains("double"), e.getMessage());
        assertThrows(TypeMismatchException.class, () -> run.getString("x"));
    }

    @Test
    void exploredParameterIsLocked() {
        Trajectory t = explored(5);
        Parameter x = t.parameter("x");
        assertTrue(x.isLocked());
        LockedParameterException e = assertThrows(LockedParameterException.class, () -> x.setValue(4));
        assertTrue(e.getMessage().contains("parameters.x"), e.getMessage());
        assertTrue(e.getMessage().contains("explored"), e.getMessage());
    }

    @Test
    void parameterReadByARunIsLockedOthersAreNot() {
        Trajectory t = explored(5);
        t.addParameter("unused", 1);
        Parameter y = t.parameter("y");
        y.setValue(2.5);
        t.openRun(0).getDouble("y");
        LockedParameterException e = assertThrows(LockedParameterException.class, () -> y.setValue(3.0));
        assertTrue(e.getMessage().contains("used by a run"), e.getMessage());
        t.parameter("unused").setValue(2);
        assertEquals(2, t.value("unused"));
    }

    @Test
    void setValueChecksTheType() {
        Trajectory t = new Trajectory("t", 1);
        Parameter p = t.addParameter("n", 1);
        assertThrows(TypeMismatchException.class, () -> p.setValue(1.5));
        Parameter d = t.addParameter("d", 1.0);
        d.setValue(2);
        assertEquals(2.0, d.value());
    }

    @Test
    void derivedParametersMayBeAddedDuringRuns() {
        RunScope run = explored(3).openRun(1);
        run.addDerivedParameter("w", 0.25);
        run.addDerivedParameter("runs.$set.$.weights", new double[] {0.1, 0.2});
        List<RunValue> v = run.values();
        assertEquals("derived_parameters.summary.w", v.get(0).fullPath());
        assertEquals("derived_parameters.runs.run_set_00000.run_00000001.weights", v.get(1).fullPath());
        assertArrayEquals(new double[] {0.1, 0.2}, (double[]) v.get(1).value());
    }

    @Test
    void runSeedDependsOnlyOnTrajectorySeedAndIndex() {
        Trajectory a = explored(10_000);
        Trajectory b = explored(10_000);
        assertEquals(a.openRun(9).seed(), b.openRun(9).seed());
        assertEquals(Runs.seed(7, 9), a.openRun(9).seed());
        Set<Long> seeds = new HashSet<>();
        for (long i = 0; i < 10_000; i++) {
            seeds.add(a.runSeed(i));
        }
        assertEquals(10_000, seeds.size());
        assertNotEquals(Runs.seed(7, 3), Runs.seed(8, 3));
        // the same stream whichever order or object opens the run
        long first = b.openRun(5).random().nextLong();
        b.openRun(3).random().nextLong();
        assertEquals(first, a.openRun(5).random().nextLong());
    }
}
