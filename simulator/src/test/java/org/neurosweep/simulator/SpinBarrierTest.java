package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The simulation threads' barrier: the action runs once per crossing; a failed thread releases the others. */
class SpinBarrierTest {
    @Test
    void everyCrossingRunsTheActionOnceAndReleasesAll() throws Exception {
        AtomicInteger actions = new AtomicInteger();
        SpinBarrier barrier = new SpinBarrier(2, actions::incrementAndGet);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 1000; i++) {
                barrier.await();
            }
        });
        for (int i = 0; i < 1000; i++) {
            barrier.await();
        }
        other.get();
        assertEquals(1000, actions.get());
    }

    @Test
    void aFailureReleasesAThreadWaitingAndOneArrivingLater() {
        SimulationException failure = new SimulationException("thread 0 failed");
        SpinBarrier barrier = new SpinBarrier(2, null);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(barrier::await);
            Thread.sleep(100); // let it wait
            barrier.fail(failure);
            ExecutionException e = assertThrows(ExecutionException.class, waiting::get);
            assertSame(failure, e.getCause());
            // a thread that arrives after another failed must not wait for the failed one
            SpinBarrier second = new SpinBarrier(2, null);
            second.fail(failure);
            assertSame(failure, assertThrows(SimulationException.class, second::await));
        });
    }
}
