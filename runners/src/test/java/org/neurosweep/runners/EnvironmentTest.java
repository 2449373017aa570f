package org.neurosweep.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.InMemorySink;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.Runs;
import org.neurosweep.trajectory.Trajectory;

class EnvironmentTest {

    private static Trajectory multiply() {
        Trajectory t = new Trajectory("multiply", 3);
        t.addParameter("x", 1);
        t.addParameter("y", 1);
        return t;
    }

    @Test
    void runsEveryRunInOrderAndHandsEachToTheSink() {
        Trajectory t = multiply();
        t.explore(Sweep.product(Sweep.values("x", 1, 2, 3), Sweep.arange("y", 0, 4, 1)));
        List<Long> order = new ArrayList<>();
        InMemorySink sink = new InMemorySink();
        SweepSummary s = Environment.builder(t).sink(sink).build().run(run -> {
            order.add(run.index());
            run.addResult("z", run.getInt("x") * run.getInt("y"));
            run.addResult("runs.$set.$.seed", run.seed());
        });
        assertEquals(12, s.runs());
        assertEquals(12, s.completed());
        assertEquals(0, s.failed());
        assertEquals(12, order.size());
        for (int i = 0; i < 12; i++) {
            assertEquals(i, order.get(i));
            RunRecord r = sink.records().get(i);
            assertEquals(i, r.index());
            assertEquals(RunStatus.COMPLETED, r.status());
            assertEquals("local", r.worker());
            assertTrue(r.durationNanos() >= 0 && r.startMillis() > 0);
            assertEquals((i / 4 + 1) * (i % 4), r.summaryResult("z"));
            assertEquals(Runs.seed(3, i), r.find("results.runs.run_set_00000." + Runs.name(i) + ".seed").value());
        }
        assertSame(t, sink.trajectory());
    }

    @Test
    void aThrowingRunIsStoredAsFailedAndTheSweepGoesOn() {
        Trajectory t = multiply();
        t.explore(Sweep.values("x", 1, 2, 3, 4));
        InMemorySink sink = new InMemorySink();
        SweepSummary s = Environment.builder(t).sink(sink).build().run(run -> {
            if (run.getInt("x") == 2) {
                throw new IllegalStateException("x = 2 is not allowed");
            }
            run.addResult("z", run.getInt("x"));
        });
        assertEquals(3, s.completed());
        assertEquals(1, s.failed());
        RunRecord failed = sink.record(1);
        assertEquals(RunStatus.FAILED, failed.status());
        assertTrue(failed.error().startsWith("java.lang.IllegalStateException: x = 2 is not allowed"), failed.error());
        assertTrue(failed.error().contains("EnvironmentTest"), "the stack trace is kept: " + failed.error());
        assertEquals(4, sink.record(3).summaryResult("z"));
    }

    @Test
    void aRunFunctionErrorOfTheUserIsAlsoAFailure() {
        Trajectory t = multiply();
        InMemorySink sink = new InMemorySink();
        Environment.builder(t).sink(sink).build().run(run -> run.addResult("spikes", new double[] {1}));
        assertEquals(RunStatus.FAILED, sink.record(0).status());
        assertTrue(sink.record(0).error().contains("runs.$set.$.spikes"), sink.record(0).error());
    }

    @Test
    void expansionRunsOnlyTheNewRunsAndKeepsTheOldResults() {
        Trajectory t = multiply();
        t.explore(Sweep.values("x", 1, 2, 3));
        InMemorySink sink = new InMemorySink();
        Environment env = Environment.builder(t).sink(sink).build();
        List<Long> ran = new ArrayList<>();
        env.run(run -> {
            ran.add(run.index());
            run.addResult("z", run.getInt("x") * 10);
        });
        List<RunRecord> before = sink.records();
        t.expand(Sweep.values("x", 4, 5));
        SweepSummary second = env.run(run -> {
            ran.add(run.index());
            run.addResult("z", run.getInt("x") * 10);
        });
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), ran);
        assertEquals(3, second.skipped());
        assertEquals(2, second.completed());
        for (int i = 0; i < 3; i++) {
            assertSame(before.get(i), sink.record(i), "run " + i + " kept its record");
        }
        assertEquals(50, sink.record(4).summaryResult("z"));
    }

    @Test
    void builderRefusesASecondSink() {
        Environment.Builder b = Environment.builder(multiply()).sink(new InMemorySink());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.sink(new InMemorySink()));
        assertTrue(e.getMessage().contains("already set"), e.getMessage());
        assertThrows(NullPointerException.class, () -> Environment.builder(null));
    }
}
