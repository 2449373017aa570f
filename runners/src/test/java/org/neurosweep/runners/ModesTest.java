package org.neurosweep.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.InMemorySink;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.RunValue;
import org.neurosweep.trajectory.Trajectory;
import org.neurosweep.trajectory.ValueType;

/** Every mode stores bit-identical results to LOCAL for the same sweep and seed. */
class ModesTest {
    static Trajectory trajectory() {
        Trajectory t = new Trajectory("modes", 2024);
        t.addParameter("g", 1.0, "");
        t.addParameter("n", 1, "");
        t.addParameter("label", "base", "");
        t.explore(Sweep.product(Sweep.linspace("g", 0.5, 2.5, 15), Sweep.arange("n", 1, 21, 1)));
        return t;
    }

    /** Random numbers from the run's seed, arrays, every summary type; run 17 throws. */
    static final RunFunction FUNCTION = run -> {
        double g = run.getDouble("g");
        int n = run.getInt("n");
        double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            noise[i] = run.random().nextGaussian() * g;
        }
        double sum = 0;
        for (double v : noise) {
            sum += v;
        }
        run.addResult("mean", sum / n);
        run.addResult("n2", (long) n * n);
        run.addResult("big", n > 10);
        run.addResult("tag", run.getString("label") + "-" + run.name());
        run.addResult("runs.$set.$.noise", noise);
        run.addDerivedParameter("ratio", g / n);
        if (run.index() == 17) {
            throw new IllegalStateException("run 17 fails in every mode");
        }
    };

    static List<RunRecord> run(Mode mode, int workers, boolean freeze) {
        InMemorySink sink = new InMemorySink();
        Environment.Builder b = Environment.builder(trajectory()).sink(sink).mode(mode);
        if (mode != Mode.LOCAL) {
            b.workers(workers).freezeInput(freeze).workerHeap("128m");
        }
        SweepSummary s = b.build().run(FUNCTION);
        assertEquals(300, s.runs());
        assertEquals(299, s.completed(), mode + " " + s);
        assertEquals(1, s.failed());
        return sink.records();
    }

    static void assertSameValues(List<RunRecord> expected, List<RunRecord> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            RunRecord e = expected.get(i);
            RunRecord a = actual.get(i);
            assertEquals(e.index(), a.index(), what);
            assertEquals(e.status(), a.status(), what + " run " + i);
            assertEquals(e.values().size(), a.values().size(), what + " run " + i);
            for (int k = 0; k < e.values().size(); k++) {
                RunValue x = e.values().get(k);
                RunValue y = a.values().get(k);
                assertEquals(x.fullPath(), y.fullPath(), what);
                assertTrue(ValueType.valuesEqual(x.value(), y.value()), what + " run " + i + " " + x.fullPath());
            }
            assertEquals(e.error().lines().findFirst().orElse(""), a.error().lines().findFirst().orElse(""), what);
        }
    }

    @Test
    void poolMatchesLocal() {
        List<RunRecord> local = run(Mode.LOCAL, 1, true);
        List<RunRecord> pool = run(Mode.POOL, 2, true);
        assertSameValues(local, pool, "POOL");
        Set<String> workers = new HashSet<>();
        pool.forEach(r -> workers.add(r.worker()));
        assertTrue(workers.stream().allMatch(w -> w.startsWith("thread-")), workers.toString());
        assertEquals(RunStatus.FAILED, pool.get(17).status());
        assertTrue(pool.get(17).error().startsWith("java.lang.IllegalStateException: run 17 fails in every mode"));
    }

    @Test
    void processesMatchLocalFrozenOrNot() {
        List<RunRecord> local = run(Mode.LOCAL, 1, true);
        for (boolean freeze : new boolean[] {true, false}) {
            List<RunRecord> processes = run(Mode.PROCESSES, 2, freeze);
            assertSameValues(local, processes, "PROCESSES freeze=" + freeze);
            Set<String> workers = new HashSet<>();
            processes.forEach(r -> workers.add(r.worker()));
            assertTrue(workers.stream().allMatch(w -> w.startsWith("worker-")), workers.toString());
            assertTrue(processes.get(17).error().contains("run 17 fails in every mode"), processes.get(17).error());
        }
    }

    @Test
    void poolAndProcessesSkipCompletedRuns() {
        for (Mode mode : new Mode[] {Mode.POOL, Mode.PROCESSES}) {
            Trajectory t = trajectory();
            InMemorySink sink = new InMemorySink();
            Environment.builder(t).sink(sink).build().run(FUNCTION); // LOCAL, all runs
            List<RunRecord> before = new ArrayList<>(sink.records());
            SweepSummary again = Environment.builder(t).sink(sink).mode(mode).workers(2).build().run(FUNCTION);
            assertEquals(299, again.skipped(), mode + ": the completed runs are not run again");
            assertEquals(0, again.completed(), mode.toString());
            assertEquals(1, again.failed(), mode + ": the failed run is retried, and fails again");
            for (int i = 0; i < 300; i++) {
                if (i != 17) {
                    assertTrue(before.get(i) == sink.record(i), mode + ": run " + i + " kept");
                }
            }
        }
    }
}
