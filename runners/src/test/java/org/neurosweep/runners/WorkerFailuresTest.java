package org.neurosweep.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.neurosweep.explore.Sweep;
import org.neurosweep.runners.wire.UnregisteredClassException;
import org.neurosweep.trajectory.InMemorySink;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.Trajectory;

/** Worker JVMs that die: killed with kill -9, or System.exit in a run; and classes that cannot be sent. */
class WorkerFailuresTest {
    static Trajectory trajectory(int runs) {
        Trajectory t = new Trajectory("failures", 7);
        t.addParameter("x", 0);
        t.explore(Sweep.arange("x", 0, runs, 1));
        return t;
    }

    /** About 2 ms of work per run, so that a sweep of 2,000 runs takes a few seconds on 2 workers. */
    static final RunFunction SLOW = run -> {
        long until = System.nanoTime() + 2_000_000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        run.addResult("x3", (long) run.getInt("x") * 3);
    };

    @Test
    void aWorkerKilledMidSweepIsReplacedAndEveryRunIsStoredOnce() throws Exception {
        int runs = 2000;
        InMemorySink sink = new InMemorySink();
        List<Integer> liveWorkers = new CopyOnWriteArrayList<>();
        Progress watch = new Progress() {
            private int done;

            @Override
            public void finished(RunRecord record) {
                if (++done == 300) {
                    // kill -9 one worker JVM (a child of this test JVM) while it holds runs
                    ProcessHandle.current().children().filter(p -> p.info().commandLine().orElse("").contains("WorkerMain"))
                            .findFirst().orElseThrow().destroyForcibly();
                }
            }

            @Override
            public void workers(int live) {
                liveWorkers.add(live);
            }
        };
        SweepSummary s = Environment.builder(trajectory(runs)).sink(sink).mode(Mode.PROCESSES).workers(2)
                .workerHeap("128m").progress(watch).build().run(SLOW);
        assertEquals(runs, s.completed(), s.toString());
        assertEquals(runs, sink.records().size());
        for (RunRecord r : sink.records()) {
            assertEquals(RunStatus.COMPLETED, r.status());
            assertEquals(r.index() * 3, r.summaryResult("x3"));
        }
        assertTrue(liveWorkers.contains(1) || sink.records().stream().anyMatch(r -> r.worker().equals("worker-3")),
                "a worker died and was replaced: " + liveWorkers);
        assertTrue(sink.records().stream().anyMatch(r -> r.worker().equals("worker-3")), "the replacement ran runs");
    }

    @Test
    void systemExitInARunFailsOnlyThatRun() {
        RunFunction exitsOnSeven = run -> {
            if (run.getInt("x") == 7) {
                System.exit(7);
            }
            run.addResult("x3", (long) run.getInt("x") * 3);
        };
        InMemorySink sink = new InMemorySink();
        SweepSummary s = Environment.builder(trajectory(40)).sink(sink).mode(Mode.PROCESSES).workers(2)
                .workerHeap("128m").maxRetries(1).build().run(exitsOnSeven);
        assertEquals(39, s.completed(), s.toString());
        assertEquals(1, s.failed());
        RunRecord seven = sink.record(7);
        assertEquals(RunStatus.FAILED, seven.status());
        assertTrue(seven.error().contains("died 2 times") && seven.error().contains("exited with status 7"), seven.error());
    }

    /** A value captured by the run function: must be registered to reach worker processes. */
    record Scale(double factor) {
    }

    @Test
    void anUnregisteredClassIsRefusedWithHowToRegisterIt() {
        Scale scale = new Scale(2.5);
        RunFunction scaled = run -> run.addResult("y", run.getInt("x") * scale.factor());
        for (boolean freeze : new boolean[] {true, false}) {
            Environment env = Environment.builder(trajectory(10)).mode(Mode.PROCESSES).workers(1).freezeInput(freeze).build();
            UnregisteredClassException e = assertThrows(UnregisteredClassException.class, () -> env.run(scaled));
            assertTrue(e.getMessage().contains(Scale.class.getName())
                    && e.getMessage().contains("register(" + Scale.class.getName() + ".class)"), e.getMessage());
        }
        InMemorySink sink = new InMemorySink();
        Environment.builder(trajectory(10)).sink(sink).mode(Mode.PROCESSES).workers(2).register(Scale.class).build().run(scaled);
        assertEquals(9 * 2.5, sink.record(9).summaryResult("y"));
    }
}
