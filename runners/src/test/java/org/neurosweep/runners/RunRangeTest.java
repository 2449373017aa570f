package org.neurosweep.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.neurosweep.trajectory.InMemorySink;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.Trajectory;

/** A run range (one shard of a sweep): every mode runs exactly its runs, by their indices in the whole sweep. */
class RunRangeTest {

    /** What the progress listener was told at the start. */
    private static final class Started implements Progress {
        long total = -1;
        long alreadyDone = -1;

        @Override
        public void started(long total, long alreadyDone, int workers) {
            this.total = total;
            this.alreadyDone = alreadyDone;
        }
    }

    private static SweepSummary run(Mode mode, InMemorySink sink, Trajectory t, long first, long last, Progress progress) {
        Environment.Builder b = Environment.builder(t).sink(sink).mode(mode).runRange(first, last).progress(progress);
        if (mode != Mode.LOCAL) {
            b.workers(2).workerHeap("128m");
        }
        return b.build().run(ModesTest.FUNCTION);
    }

    @Test
    void everyModeRunsOnlyTheRangeWithGlobalIndices() {
        List<RunRecord> local = null;
        for (Mode mode : new Mode[] {Mode.LOCAL, Mode.POOL, Mode.PROCESSES}) {
            Trajectory t = ModesTest.trajectory(); // 300 runs; run 17 throws
            InMemorySink sink = new InMemorySink();
            Started started = new Started();
            SweepSummary s = run(mode, sink, t, 10, 130, started);
            assertEquals(120, s.runs(), mode + " " + s);
            assertEquals(119, s.completed(), mode + " " + s);
            assertEquals(1, s.failed(), mode + ": run 17 is in the range");
            assertEquals(0, s.notDone(), mode + " " + s);
            assertEquals(120, started.total, mode + ": progress counts the range");
            List<RunRecord> records = sink.records().stream().sorted(java.util.Comparator.comparingLong(RunRecord::index)).toList();
            assertEquals(LongStream.range(10, 130).boxed().toList(), records.stream().map(RunRecord::index).toList(), mode.name());
            if (local == null) {
                local = records;
            } else {
                ModesTest.assertSameValues(local, records, mode + " vs LOCAL");
            }
        }
    }

    @Test
    void runsCompletedInTheSinkAreSkippedAndCountedWithinTheRangeOnly() {
        Trajectory t = ModesTest.trajectory();
        InMemorySink sink = new InMemorySink();
        run(Mode.LOCAL, sink, t, 0, 20, Progress.NONE);    // before the range: not counted as skipped
        run(Mode.LOCAL, sink, t, 100, 140, Progress.NONE); // half of the range
        Started started = new Started();
        SweepSummary s = run(Mode.POOL, sink, t, 100, 180, started);
        assertEquals(80, s.runs());
        assertEquals(40, s.skipped(), s.toString());
        assertEquals(40, s.completed(), s.toString());
        assertEquals(40, started.alreadyDone);
        assertEquals(20 + 80, sink.records().size());
        assertTrue(sink.records().stream().allMatch(r -> r.index() < 20 || (r.index() >= 100 && r.index() < 180)));
        SweepSummary empty = run(Mode.LOCAL, sink, t, 200, 200, Progress.NONE);
        assertEquals(0, empty.runs() + empty.completed() + empty.failed());
    }

    @Test
    void aRangeOutsideTheTrajectoryIsRefused() {
        Trajectory t = ModesTest.trajectory();
        RunnerException e = assertThrows(RunnerException.class,
                () -> Environment.builder(t).runRange(200, 301).build().run(ModesTest.FUNCTION));
        assertTrue(e.getMessage().contains("200..301") && e.getMessage().contains("300 runs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Environment.builder(t).runRange(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> Environment.builder(t).runRange(5, 3));
        assertThrows(IllegalStateException.class, () -> Environment.builder(t).runRange(0, 3).runRange(0, 4));
    }
}
