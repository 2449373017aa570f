package org.neurosweep.exchange;

import static java.util.concurrent.TimeUnit.MICROSECONDS;

import org.agrona.concurrent.BackoffIdleStrategy;

/** How the application thread and the media driver's thread wait, per transport (measured choices). */
final class IdleStrategies {
    private IdleStrategies() {
    }

    /**
     * Where the application thread waits for its peers: spin, then yield, then park from 1 µs growing to
     * a cap. IPC has no thread between the processes, so spinning longer is what makes its latency; UDP
     * needs the driver's thread to run on the same cores, so the caller yields sooner (measured on two
     * cores: with IPC's setting UDP rounds took twice as long, with UDP's IPC rounds fell in step with the
     * peer's computing). With no more processes than cores (IPC: all on this host), each process has a
     * core to itself and spins up to 100,000 times before it yields and parks (up to 100 µs): Brunel on 2
     * JVMs of a 2-core machine (benchmarks/run processes) took 0.56-0.61 s of wall clock with that, the
     * driver parking up to 1 ms, against 0.78-0.98 s with 1,000 spins and 200 µs; with more processes than
     * cores spinning would take the core a peer computes on.
     */
    static BackoffIdleStrategy app(boolean ipc, int processes) {
        if (ipc && processes <= Runtime.getRuntime().availableProcessors()) {
            return new BackoffIdleStrategy(100_000, 100, MICROSECONDS.toNanos(1), MICROSECONDS.toNanos(100));
        }
        return ipc ? new BackoffIdleStrategy(1000, 100, MICROSECONDS.toNanos(1), MICROSECONDS.toNanos(20))
                : new BackoffIdleStrategy(100, 200, MICROSECONDS.toNanos(1), MICROSECONDS.toNanos(50));
    }

    /**
     * The driver's one thread (SHARED mode). Over UDP it moves the frames, so it parks at most 200 µs, not
     * Aeron's default 1 ms; spinning more than Aeron's default took the cores from the application threads.
     * Over IPC the processes read each other's logs without it: it only keeps clients alive, and parks up
     * to 1 ms (its wake-ups otherwise cost the process sharing its core ~10% of Brunel's simulation).
     */
    static BackoffIdleStrategy driver(boolean ipc) {
        return new BackoffIdleStrategy(10, 20, MICROSECONDS.toNanos(1), MICROSECONDS.toNanos(ipc ? 1000 : 200));
    }
}
