package org.neurosweep.simulator;

import java.nio.ByteBuffer;
import org.neurosweep.exchange.Exchange;
import org.neurosweep.exchange.ExchangeException;

/**
 * This process's link to the others of one simulation: the per-slice spike exchange (compressed by
 * {@link SpikeCodec}, merged into the canonical order), the agreement on min_delay before a simulation,
 * and the gathering of figures and recorded events. Every method is collective: all processes call it, in
 * the same order.
 */
final class ProcessLink {
    final Exchange exchange;
    final int rank;
    final int processes;
    private final SpikeCodec codec = new SpikeCodec();

    /** Per process: its neurons' ids in ascending order (a sender index is a position here). */
    private int[][] idsOf = new int[0][];
    /** Per node id: its index on its process. */
    private int[] indexOf = new int[0];

    private long[] received = new long[4096];
    private long[] merged = new long[4096];
    private int[] runs;
    private final int[] count = new int[1];

    long encodeNanos;
    long mergeNanos;
    long spikesSent;
    long messageBytes;

    ProcessLink(Exchange exchange) {
        this.exchange = exchange;
        this.rank = exchange.rank();
        this.processes = exchange.size();
        this.runs = new int[processes + 1];
    }

    /** The neurons of every process, by the kernel's placement; called when the network is prepared. */
    void index(int nodeCount, boolean[] isNeuron, int[] vpOf) {
        int[] sizes = new int[processes];
        for (int id = 1; id <= nodeCount; id++) {
            if (isNeuron[id]) {
                sizes[vpOf[id] % processes]++;
            }
        }
        idsOf = new int[processes][];
        for (int p = 0; p < processes; p++) {
            idsOf[p] = new int[sizes[p]];
        }
        indexOf = new int[nodeCount + 1];
        int[] next = new int[processes];
        for (int id = 1; id <= nodeCount; id++) {
            if (isNeuron[id]) {
                int p = vpOf[id] % processes;
                indexOf[id] = next[p];
                idsOf[p][next[p]++] = id;
            }
        }
    }

    /**
     * The slice's spikes of every process in canonical order: this process's {@code local[0 .. count)}
     * (already in order) is sent, the others' are received and merged with it.
     *
     * @return the array holding all spikes (the caller's {@code local} or another), the total in {@link #total}
     */
    long[] exchange(long[] local, int localCount, long sliceStart, int steps) {
        long t0 = System.nanoTime();
        int length = codec.encode(local, localCount, sliceStart, steps, indexOf, idsOf[rank].length);
        spikesSent += localCount;
        messageBytes += length;
        long t1 = System.nanoTime();
        ByteBuffer[] all = allGather(codec.bytes(), length);
        long t2 = System.nanoTime();
        if (received.length < localCount) {
            received = new long[Math.max(localCount, received.length * 2)];
        }
        System.arraycopy(local, 0, received, 0, localCount);
        int n = localCount;
        int r = 0;
        runs[r++] = 0;
        for (int p = 0; p < processes; p++) {
            if (p == rank) {
                continue;
            }
            received = SpikeCodec.decode(all[p], sliceStart, steps, idsOf[p], received, n, count);
            if (count[0] > 0) {
                runs[r++] = n;
                n += count[0];
            }
        }
        if (localCount == 0 && r > 1) {
            System.arraycopy(runs, 1, runs, 0, r - 1); // the empty local run is not a run
            r--;
        }
        runs[r] = n;
        if (merged.length < received.length) {
            merged = new long[received.length];
        }
        long[] result = received;
        if (r > 1) {
            result = Scheduler.mergeRuns(received, merged, runs, r);
            if (result == merged) {
                merged = received;
                received = result;
            }
        }
        total = n;
        encodeNanos += t1 - t0;
        mergeNanos += System.nanoTime() - t2;
        return result;
    }

    /** The number of spikes {@link #exchange} returned. */
    int total;

    /**
     * Agrees on the slice before a simulation: min_delay is the smallest delay and the ring the longest
     * over every process; refuses processes that built different networks.
     *
     * @return {min delay, max delay} over all processes
     */
    int[] agree(int minDelay, int maxDelay, int nodeCount, int connectCalls, long step) {
        ByteBuffer mine = ByteBuffer.allocate(28);
        mine.putInt(minDelay).putInt(maxDelay).putInt(nodeCount).putInt(connectCalls).putLong(step).putInt(rank);
        ByteBuffer[] all = allGather(mine.array(), mine.position());
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int p = 0; p < processes; p++) {
            ByteBuffer b = all[p];
            int pMin = b.getInt();
            int pMax = b.getInt();
            int pNodes = b.getInt();
            int pCalls = b.getInt();
            long pStep = b.getLong();
            if (pNodes != nodeCount || pCalls != connectCalls || pStep != step) {
                throw new SimulationException("process " + p + " built another network: " + pNodes + " nodes, " + pCalls
                        + " connect calls, at step " + pStep + "; process " + rank + " has " + nodeCount + " nodes, "
                        + connectCalls + " connect calls, at step " + step
                        + " (every process must create and connect the same network in the same order)");
            }
            min = Math.min(min, pMin);
            max = Math.max(max, pMax);
        }
        return new int[] {min, max};
    }

    /** Every process's numbers, by rank (one round); each process may give a different count. */
    long[][] gatherLongs(long[] mine) {
        ByteBuffer b = ByteBuffer.allocate(mine.length * 8);
        b.asLongBuffer().put(mine);
        ByteBuffer[] all = allGather(b.array(), b.capacity());
        long[][] out = new long[all.length][];
        for (int p = 0; p < all.length; p++) {
            out[p] = new long[all[p].remaining() / 8];
            all[p].duplicate().asLongBuffer().get(out[p]);
        }
        return out;
    }

    /** Every process's numbers in one sorted array (one round). */
    long[] gatherSorted(long[] mine) {
        long[][] all = gatherLongs(mine);
        long[] keys = new long[java.util.Arrays.stream(all).mapToInt(k -> k.length).sum()];
        int at = 0;
        for (long[] each : all) {
            System.arraycopy(each, 0, keys, at, each.length);
            at += each.length;
        }
        java.util.Arrays.sort(keys);
        return keys;
    }

    private ByteBuffer[] allGather(byte[] message, int length) {
        try {
            return exchange.allGather(message, length);
        } catch (ExchangeException e) {
            throw new SimulationException("process " + rank + " of " + processes + ": the spike exchange failed: "
                    + e.getMessage(), e);
        }
    }
}
