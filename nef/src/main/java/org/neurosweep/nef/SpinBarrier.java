package org.neurosweep.nef;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A barrier for a few threads that meet once or twice a simulation step: it spins first (a step is
 * microseconds), then yields, then parks briefly, so it neither sleeps through a short wait nor starves a
 * busy machine. {@link #abort} wakes every waiter with the failure.
 */
final class SpinBarrier {
    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;
    private volatile Throwable failure;

    SpinBarrier(int parties) {
        this.parties = parties;
    }

    void await() {
        int g = generation;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            generation = g + 1;
            return;
        }
        int spins = 0;
        while (generation == g) {
            if (failure != null) {
                throw new NefException("another thread of the simulation failed: " + failure.getMessage());
            }
            if (++spins < 20_000) {
                Thread.onSpinWait();
            } else if (spins < 21_000) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(20_000);
            }
        }
    }

    void abort(Throwable t) {
        failure = t;
    }
}
