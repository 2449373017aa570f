package org.neurosweep.simulator;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reusable barrier for the simulation threads that spins (then yields) instead of parking: a slice
 * crosses two barriers, thousands of times a second, and parking and waking a thread costs more than
 * the wait itself. The last thread to arrive runs the action before releasing the others.
 */
final class SpinBarrier {
    private final int parties;
    /**
     * Busy-wait rounds before yielding: none when there are more parties than processors, where spinning
     * takes the processor a thread still at work needs (CUBA at 3 threads on 2 cores: 10 s instead of 0.3 s).
     */
    private final int spinRounds;
    private final Runnable action;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;
    private volatile RuntimeException failure;

    SpinBarrier(int parties, Runnable action) {
        this.parties = parties;
        this.spinRounds = parties <= Runtime.getRuntime().availableProcessors() ? 20_000 : 0;
        this.action = action;
    }

    void await() {
        RuntimeException failed = failure;
        if (failed != null) {
            throw failed; // a party failed before this one arrived: it would wait for ever
        }
        int gen = generation;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            try {
                if (action != null) {
                    action.run();
                }
            } catch (RuntimeException e) {
                failure = e;
            }
            generation = gen + 1;
        } else {
            int spins = 0;
            while (generation == gen && failure == null) {
                if (++spins < spinRounds) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        }
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
    }

    /** Releases every waiting thread with a failure (a thread died). */
    void fail(RuntimeException e) {
        failure = e;
        generation = generation + 1;
    }
}
