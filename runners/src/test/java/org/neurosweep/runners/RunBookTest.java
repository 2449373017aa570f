package org.neurosweep.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurosweep.trajectory.InMemorySink;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;

/** The book of runs handed to workers that may die: each run reaches the sink once, whatever comes back twice. */
class RunBookTest {
    private final InMemorySink sink = new InMemorySink();
    private final RunBook book;

    RunBookTest() {
        var t = WorkerFailuresTest.trajectory(5);
        sink.begin(t);
        book = new RunBook(new SweepState(t, run -> { }, sink, Progress.NONE, new StopControl(Duration.ZERO)), 1, 1e6);
    }

    private static RunRecord done(long run) {
        return new RunRecord(run, RunStatus.COMPLETED, 0, 1000, "w", null, List.of());
    }

    @Test
    void theFirstResultOfARunIsStoredAndACopyIsNot() {
        assertTrue(book.store(done(3)));
        assertFalse(book.store(done(3)), "a copy handed out in the end game, or again after a timeout");
        assertTrue(book.isStored(3));
        assertFalse(book.isStored(2));
        assertEquals(1, sink.records().size());
    }

    @Test
    void aRunLostPastTheRetryLimitIsStoredAsFailedOnceAndItsLateResultIsDropped() {
        book.lost(4, "w1", n -> "died " + n + " times");
        assertEquals(4, book.next(), "handed out again first");
        book.lost(4, "w2", n -> "died " + n + " times");
        assertTrue(book.isStored(4));
        assertFalse(book.store(done(4)), "the result of a worker that was only slow, arriving after the failure was stored");
        assertEquals(List.of(RunStatus.FAILED), sink.records().stream().map(RunRecord::status).toList());
        assertEquals("died 2 times", sink.record(4).error());
    }
}
