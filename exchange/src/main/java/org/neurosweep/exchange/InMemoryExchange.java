package org.neurosweep.exchange;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Processes that are threads of one JVM: each thread holds one member of a {@link #group}. Messages are
 * copied, as a transport would, so a sender may reuse its array at once. For tests of what is computed
 * over several processes without starting JVMs.
 */
public final class InMemoryExchange implements Exchange {
    private final Shared shared;
    private final int rank;
    private long round;
    private long bytesSent;
    private long sendNanos;
    private long waitNanos;
    private boolean closed;

    private InMemoryExchange(Shared shared, int rank) {
        this.shared = shared;
        this.rank = rank;
    }

    /** {@code size} members that exchange with each other; a round waits at most {@code timeoutMillis} for a peer. */
    public static InMemoryExchange[] group(int size, long timeoutMillis) {
        if (size < 1) {
            throw new IllegalArgumentException("processes = " + size + " must be at least 1");
        }
        Shared s = new Shared(size, timeoutMillis);
        InMemoryExchange[] members = new InMemoryExchange[size];
        for (int r = 0; r < size; r++) {
            members[r] = new InMemoryExchange(s, r);
        }
        return members;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return shared.size;
    }

    @Override
    public ByteBuffer[] allGather(byte[] message, int length) {
        if (closed) {
            throw new ExchangeException(rank, "process " + rank + " has left the exchange");
        }
        long t0 = System.nanoTime();
        int slot = (int) (round & 1);
        ByteBuffer[] out = new ByteBuffer[shared.size];
        shared.lock.lock();
        try {
            shared.messages[slot][rank] = Arrays.copyOf(message, length);
            shared.arrived[rank] = round + 1;
            shared.changed.signalAll();
            long t1 = System.nanoTime();
            sendNanos += t1 - t0;
            bytesSent += (long) length * (shared.size - 1);
            long deadline = t1 + TimeUnit.MILLISECONDS.toNanos(shared.timeoutMillis);
            for (int p = 0; p < shared.size; p++) {
                while (shared.arrived[p] < round + 1) {
                    if (shared.left[p]) {
                        throw new ExchangeException(p, "process " + p + " left the exchange before round " + round);
                    }
                    long wait = deadline - System.nanoTime();
                    if (wait <= 0) {
                        throw new ExchangeException(p, "process " + p + " sent nothing for round " + round + " in "
                                + shared.timeoutMillis + " ms");
                    }
                    shared.changed.awaitNanos(wait);
                }
                out[p] = ByteBuffer.wrap(shared.messages[slot][p]).asReadOnlyBuffer();
            }
            waitNanos += System.nanoTime() - t1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeException(-1, "interrupted while waiting in round " + round);
        } finally {
            shared.lock.unlock();
        }
        round++;
        return out;
    }

    @Override
    public Counters counters() {
        return new Counters(round, bytesSent, sendNanos, waitNanos);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        shared.lock.lock();
        try {
            shared.left[rank] = true;
            shared.changed.signalAll();
        } finally {
            shared.lock.unlock();
        }
    }

    private static final class Shared {
        final int size;
        final long timeoutMillis;
        final ReentrantLock lock = new ReentrantLock();
        final Condition changed = lock.newCondition();
        /** Two rounds' messages (by round parity), by rank: a member can be one round ahead of the slowest. */
        final byte[][][] messages;
        final long[] arrived;
        final boolean[] left;

        Shared(int size, long timeoutMillis) {
            this.size = size;
            this.timeoutMillis = timeoutMillis;
            messages = new byte[2][size][];
            arrived = new long[size];
            left = new boolean[size];
        }
    }
}
