package org.neurosweep.simulator;

import java.util.Arrays;

/**
 * The connections into one VP's neurons, grouped by source (compressed rows): the connections of source
 * node s are {@code offset[s] .. offset[s+1]}, in creation order. Each holds its local target index; the
 * sign bit of the index routes it to the inhibitory buffer (current-based models split input by sign).
 *
 * <p>When every connection of a source on this VP has the same weight and delay (as in most networks:
 * one weight per population), they are stored once per source and delivery reads only 4 bytes per
 * connection; otherwise per-connection weights and delays follow at {@code own[s]}.
 */
final class ConnectionTable {
    static final int ROUTE_IN = 1 << 31;
    /** In the 16-bit form: the route bit, leaving 15 bits of local index. */
    static final char ROUTE_IN_16 = (char) (1 << 15);

    int[] offset = new int[2];
    int[] target = new int[0];
    /** The targets as 16-bit local indices when the VP has fewer than 32,768 neurons (half the memory); else null. */
    char[] target16;
    /** Per source: the shared weight and delay, or own[s] >= 0 pointing into weights/delays. */
    double[] sharedWeight = new double[1];
    char[] sharedDelay = new char[1];
    int[] own = new int[1];
    double[] weights = new double[0];
    char[] delays = new char[0];
    int size;
    int minDelay = Integer.MAX_VALUE;
    int maxDelay;

    private int[] pSource = new int[0];
    private int[] pTarget = new int[0];
    private double[] pWeight = new double[0];
    private char[] pDelay = new char[0];
    private int pending;

    /** Makes room for n more pending connections at once (avoids repeated growth). */
    void reserve(int n) {
        if (pending + n > pSource.length) {
            int size = pending + n;
            pSource = Arrays.copyOf(pSource, size);
            pTarget = Arrays.copyOf(pTarget, size);
            pWeight = Arrays.copyOf(pWeight, size);
            pDelay = Arrays.copyOf(pDelay, size);
        }
    }

    /** Adds a connection; {@code routeIn} sends it to the target's inhibitory buffer. */
    void add(int source, int localTarget, double w, int delaySteps, boolean routeIn) {
        if (delaySteps > Character.MAX_VALUE) {
            throw new BadConnectionException("a delay of " + delaySteps + " steps is longer than the " + (int) Character.MAX_VALUE
                    + " steps a connection can hold");
        }
        if (pending == pSource.length) {
            reserve(Math.max(1024, pending >> 1));
        }
        pSource[pending] = source;
        pTarget[pending] = routeIn ? localTarget | ROUTE_IN : localTarget;
        pWeight[pending] = w;
        pDelay[pending] = (char) delaySteps;
        pending++;
        minDelay = Math.min(minDelay, delaySteps);
        maxDelay = Math.max(maxDelay, delaySteps);
    }

    /**
     * Merges pending connections into the rows (a counting sort by source; stable, older first). A first
     * pass finds the sources whose connections all share one weight and delay, so that only the others
     * get per-connection arrays; targets are written in 16 bits when the VP's {@code localNeurons} allow.
     */
    void prepare(int maxNodeId, int localNeurons) {
        int sources = maxNodeId + 1;
        if (pending == 0 && offset.length == sources + 1) {
            return;
        }
        if (target16 != null) {
            target = widen(target16);
            target16 = null;
        }
        int oldSources = offset.length - 1;
        int[] count = new int[sources + 1];
        double[] firstW = new double[sources];
        char[] firstD = new char[sources];
        boolean[] mixed = new boolean[sources];
        boolean[] seen = new boolean[sources];
        for (int s = 0; s < oldSources; s++) {
            count[s] = offset[s + 1] - offset[s];
            if (count[s] > 0) {
                seen[s] = true;
                mixed[s] = own[s] >= 0;
                firstW[s] = sharedWeight[s];
                firstD[s] = sharedDelay[s];
            }
        }
        for (int i = 0; i < pending; i++) {
            int s = pSource[i];
            count[s]++;
            if (!seen[s]) {
                seen[s] = true;
                firstW[s] = pWeight[i];
                firstD[s] = pDelay[i];
            } else if (!mixed[s] && (Double.compare(pWeight[i], firstW[s]) != 0 || pDelay[i] != firstD[s])) {
                mixed[s] = true;
            }
        }
        int[] newOffset = new int[sources + 1];
        int[] ownStart = new int[sources];
        int owned = 0;
        for (int s = 0; s < sources; s++) {
            newOffset[s + 1] = newOffset[s] + count[s];
            ownStart[s] = mixed[s] ? owned : -1;
            owned += mixed[s] ? count[s] : 0;
        }
        int total = newOffset[sources];
        boolean narrow = localNeurons < (1 << 15);
        int[] t = narrow ? null : new int[total];
        char[] t16 = narrow ? new char[total] : null;
        double[] ow = new double[owned];
        char[] od = new char[owned];
        int[] fill = Arrays.copyOf(newOffset, sources);
        for (int s = 0; s < oldSources; s++) {
            for (int c = offset[s]; c < offset[s + 1]; c++) {
                int at = fill[s]++;
                put(t, t16, at, target[c]);
                if (mixed[s]) {
                    ow[ownStart[s] + at - newOffset[s]] = weightOf(s, c);
                    od[ownStart[s] + at - newOffset[s]] = delayOf(s, c);
                }
            }
        }
        for (int i = 0; i < pending; i++) {
            int s = pSource[i];
            int at = fill[s]++;
            put(t, t16, at, pTarget[i]);
            if (mixed[s]) {
                ow[ownStart[s] + at - newOffset[s]] = pWeight[i];
                od[ownStart[s] + at - newOffset[s]] = pDelay[i];
            }
        }
        pSource = new int[0];
        pTarget = new int[0];
        pWeight = new double[0];
        pDelay = new char[0];
        pending = 0;
        offset = newOffset;
        target = narrow ? new int[0] : t;
        target16 = t16;
        sharedWeight = firstW;
        sharedDelay = firstD;
        own = ownStart;
        weights = ow;
        delays = od;
        size = total;
    }

    private static void put(int[] t, char[] t16, int at, int value) {
        if (t16 != null) {
            t16[at] = (char) (value < 0 ? (value & ~ROUTE_IN) | ROUTE_IN_16 : value);
        } else {
            t[at] = value;
        }
    }

    private static int[] widen(char[] t) {
        int[] out = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = (t[i] & ROUTE_IN_16) != 0 ? (t[i] & ~ROUTE_IN_16) | ROUTE_IN : t[i];
        }
        return out;
    }

    private double weightOf(int s, int c) {
        return own[s] < 0 ? sharedWeight[s] : weights[own[s] + c - offset[s]];
    }

    private char delayOf(int s, int c) {
        return own[s] < 0 ? sharedDelay[s] : delays[own[s] + c - offset[s]];
    }

    boolean isEmpty() {
        return size == 0 && pending == 0;
    }

    /**
     * Adds the weights of this slice's spikes (sorted by stamp, then sender) into the ring buffers at step
     * stamp + delay - 1, and lists their targets in the VP's touched lists, where it keeps them.
     *
     * @return the number of synaptic events delivered
     */
    long deliver(long[] spikes, int count, VirtualProcess vp) {
        if (target16 != null) {
            return deliver16(spikes, count, vp);
        }
        final double[][] ex = vp.bufEx;
        final double[][] in = vp.bufIn;
        final int ring = vp.ring;
        final int[][] lists = vp.touched;
        final int[] listed = vp.touchedCount;
        final int[] off = offset;
        final int[] tgt = target;
        final int sources = off.length - 1;
        long events = 0;
        for (int k = 0; k < count; k++) {
            long key = spikes[k];
            int sender = (int) (key & 0xFFFFFFFFL);
            if (sender >= sources) {
                continue;
            }
            int from = off[sender];
            int to = off[sender + 1];
            if (from == to) {
                continue;
            }
            int base = (int) (((key >>> 32) - 1) % ring);
            int o = own[sender];
            if (o < 0) {
                double w = sharedWeight[sender];
                int slot = base + sharedDelay[sender];
                if (slot >= ring) {
                    slot -= ring;
                }
                final double[] rowEx = ex[slot];
                final double[] rowIn = in[slot];
                for (int c = from; c < to; c++) {
                    int t = tgt[c];
                    if (t >= 0) {
                        rowEx[t] += w;
                    } else {
                        rowIn[t & ~ROUTE_IN] += w;
                    }
                }
                if (listed != null && listed[slot] >= 0) {
                    list(lists, listed, slot, from, to);
                }
            } else {
                for (int c = from; c < to; c++) {
                    int t = tgt[c];
                    int slot = base + delays[o + c - from];
                    if (slot >= ring) {
                        slot -= ring;
                    }
                    double w = weights[o + c - from];
                    if (t >= 0) {
                        ex[slot][t] += w;
                    } else {
                        in[slot][t & ~ROUTE_IN] += w;
                    }
                    if (listed != null && listed[slot] >= 0) {
                        listOne(lists, listed, slot, t & ~ROUTE_IN);
                    }
                }
            }
            events += to - from;
        }
        return events;
    }

    /** {@link #deliver} over 16-bit targets: the same arithmetic in the same order. */
    private long deliver16(long[] spikes, int count, VirtualProcess vp) {
        final double[][] ex = vp.bufEx;
        final double[][] in = vp.bufIn;
        final int ring = vp.ring;
        final int[][] lists = vp.touched;
        final int[] listed = vp.touchedCount;
        final int[] off = offset;
        final char[] tgt = target16;
        final int sources = off.length - 1;
        long events = 0;
        for (int k = 0; k < count; k++) {
            long key = spikes[k];
            int sender = (int) (key & 0xFFFFFFFFL);
            if (sender >= sources) {
                continue;
            }
            int from = off[sender];
            int to = off[sender + 1];
            if (from == to) {
                continue;
            }
            int base = (int) (((key >>> 32) - 1) % ring);
            int o = own[sender];
            if (o < 0) {
                double w = sharedWeight[sender];
                int slot = base + sharedDelay[sender];
                if (slot >= ring) {
                    slot -= ring;
                }
                final double[] rowEx = ex[slot];
                final double[] rowIn = in[slot];
                for (int c = from; c < to; c++) {
                    char t = tgt[c];
                    if (t < ROUTE_IN_16) {
                        rowEx[t] += w;
                    } else {
                        rowIn[t & ~ROUTE_IN_16] += w;
                    }
                }
                if (listed != null && listed[slot] >= 0) {
                    list(lists, listed, slot, from, to);
                }
            } else {
                for (int c = from; c < to; c++) {
                    char t = tgt[c];
                    int slot = base + delays[o + c - from];
                    if (slot >= ring) {
                        slot -= ring;
                    }
                    double w = weights[o + c - from];
                    if (t < ROUTE_IN_16) {
                        ex[slot][t] += w;
                    } else {
                        in[slot][t & ~ROUTE_IN_16] += w;
                    }
                    if (listed != null && listed[slot] >= 0) {
                        listOne(lists, listed, slot, t & ~ROUTE_IN_16);
                    }
                }
            }
            events += to - from;
        }
        return events;
    }

    /**
     * Adds the targets of connections {@code from .. to - 1} to a slot's touched list, or marks the slot as
     * too full to list (-1).
     */
    private void list(int[][] lists, int[] listed, int slot, int from, int to) {
        int k = listed[slot];
        int[] into = lists[slot];
        if (k + (to - from) > into.length) {
            listed[slot] = -1;
            return;
        }
        if (target16 != null) {
            final char[] t = target16;
            for (int c = from; c < to; c++) {
                into[k++] = t[c] & ~ROUTE_IN_16;
            }
        } else {
            final int[] t = target;
            for (int c = from; c < to; c++) {
                into[k++] = t[c] & ~ROUTE_IN;
            }
        }
        listed[slot] = k;
    }

    private static void listOne(int[][] lists, int[] listed, int slot, int local) {
        int k = listed[slot];
        if (k == lists[slot].length) {
            listed[slot] = -1;
        } else {
            lists[slot][k] = local;
            listed[slot] = k + 1;
        }
    }

    long bytes() {
        return offset.length * 4L + (long) target.length * 4 + (target16 == null ? 0 : target16.length * 2L)
                + sharedWeight.length * 8L + sharedDelay.length * 2L
                + own.length * 4L + weights.length * 8L + delays.length * 2L + (long) pSource.length * (4 + 4 + 8 + 2);
    }
}
