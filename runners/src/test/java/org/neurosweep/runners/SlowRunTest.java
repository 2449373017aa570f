package org.neurosweep.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.InMemorySink;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.Trajectory;

/** Work pulling: one slow run holds back no other run, in either parallel mode. */
class SlowRunTest {
    private static final long SLOW_MILLIS = 3000;

    static final RunFunction ONE_SLOW = run -> {
        Thread.sleep(run.index() == 0 ? SLOW_MILLIS : 2);
        run.addResult("x", run.getInt("x"));
    };

    @Test
    void poolThreadsPullRunsAroundASlowOne() {
        assertNoRunWaitsForTheSlowOne(Mode.POOL);
    }

    @Test
    void workerProcessesPullRunsAroundASlowOne() {
        assertNoRunWaitsForTheSlowOne(Mode.PROCESSES);
    }

    private static void assertNoRunWaitsForTheSlowOne(Mode mode) {
        Trajectory t = new Trajectory("slow", 1);
        t.addParameter("x", 0);
        t.explore(Sweep.arange("x", 0, 200, 1));
        InMemorySink sink = new InMemorySink();
        SweepSummary s = Environment.builder(t).sink(sink).mode(mode).workers(2).workerHeap("128m").build().run(ONE_SLOW);
        assertEquals(200, s.completed(), s.toString());
        RunRecord slow = sink.record(0);
        long slowEnd = slow.startMillis() + slow.durationNanos() / 1_000_000;
        for (RunRecord r : sink.records()) {
            if (r.index() != 0) {
                assertTrue(r.startMillis() < slowEnd - SLOW_MILLIS / 2,
                        mode + ": run " + r.index() + " started " + (r.startMillis() - slow.startMillis())
                                + " ms after the slow run, so it waited for it");
            }
        }
    }
}
