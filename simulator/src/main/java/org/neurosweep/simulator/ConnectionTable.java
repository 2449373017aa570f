package org.neurosweep.simulator;

import java.util.Arrays;

/**
 * The connections into one VP's neurons, grouped by source: source node s has
 * {@code offset[s + 1] - offset[s]} connections. Each holds its local target index; the route bit sends it
 * to the inhibitory buffer (current-based models split input by sign).
 *
 * <p>Most sources (as in most networks: one weight per population) send every connection on this VP with
 * the same weight, delay and route. Their weight and delay are stored once, and their targets, in
 * ascending order, as one byte per connection: the gap from the previous target, starting from the first
 * ({@code first[s]}), when every gap is below 256 (dense connectivity; Brunel's network at any VP count).
 * Delivery then reads one byte per synaptic event. Other sources keep their targets in 16 bits (VPs of
 * fewer than 32,768 neurons) or 32, and sources with several weights or delays also per-connection weights
 * and delays. Targets are sorted only where the weight is shared: the sum each target receives does not
 * depend on the order of equal weights.
 */
final class ConnectionTable {
    static final int ROUTE_IN = 1 << 31;
    /** In the 16-bit form: the route bit, leaving 15 bits of local index. */
    static final char ROUTE_IN_16 = (char) (1 << 15);

    int[] offset = new int[2];
    /**
     * Per source: where its targets start: {@code ~start[s]} into {@link #gaps} when packed as gaps, else
     * {@code start[s]} into {@link #target16} or {@link #target}.
     */
    int[] start = new int[1];
    /** Per packed source: its first (lowest) target, with the route bit. */
    int[] first = new int[1];
    byte[] gaps = new byte[0];
    int[] target = new int[0];
    /** The wide targets as 16-bit local indices when the VP has fewer than 32,768 neurons; else null. */
    char[] target16;
    /** Per source: the shared weight and delay, or own[s] >= 0 pointing into weights/delays. */
    double[] sharedWeight = new double[1];
    char[] sharedDelay = new char[1];
    int[] own = new int[1];
    double[] weights = new double[0];
    char[] delays = new char[0];
    int minDelay = Integer.MAX_VALUE;
    int maxDelay;

    private PendingConnections pending = new PendingConnections();

    /** Makes room for n more pending connections at once (avoids repeated growth). */
    void reserve(int n) {
        pending.reserve(n);
    }

    /** Adds a connection; {@code routeIn} sends it to the target's inhibitory buffer. */
    void add(int source, int localTarget, double w, int delaySteps, boolean routeIn) {
        if (delaySteps > Character.MAX_VALUE) {
            throw new BadConnectionException("a delay of " + delaySteps + " steps is longer than the " + (int) Character.MAX_VALUE
                    + " steps a connection can hold");
        }
        pending.add(source, routeIn ? localTarget | ROUTE_IN : localTarget, w, (char) delaySteps);
        minDelay = Math.min(minDelay, delaySteps);
        maxDelay = Math.max(maxDelay, delaySteps);
    }

    /**
     * Merges the pending connections into the table (grouped by source; older first) and chooses each
     * source's form: shared or own weights and delays, targets as gaps or 16- or 32-bit indices.
     */
    void prepare(int maxNodeId, int localNeurons) {
        int sources = maxNodeId + 1;
        final PendingConnections p = pending;
        if (p.size == 0 && offset.length == sources + 1) {
            return;
        }
        int oldSources = offset.length - 1;
        int[] count = new int[sources];
        double[] sw = new double[sources];
        char[] sd = new char[sources];
        int[] route = new int[sources];
        boolean[] mixed = new boolean[sources];
        for (int s = 0; s < oldSources; s++) {
            count[s] = offset[s + 1] - offset[s];
            if (count[s] > 0) {
                mixed[s] = own[s] >= 0;
                sw[s] = sharedWeight[s];
                sd[s] = sharedDelay[s];
                route[s] = mixed[s] ? 0 : routeOf(s);
            }
        }
        for (int r = 0; r < p.runs; r++) {
            double w = p.runWeight[r];
            char d = p.runDelay[r];
            int routed = p.runTarget[r] & ROUTE_IN;
            for (int i = p.runStart[r], end = p.runEnd(r); i < end; i++) {
                int s = p.source[i];
                if (count[s]++ == 0) {
                    sw[s] = w;
                    sd[s] = d;
                    route[s] = routed;
                } else if (!mixed[s] && (Double.compare(w, sw[s]) != 0 || d != sd[s] || routed != route[s])) {
                    mixed[s] = true;
                }
            }
        }
        int[] off = new int[sources + 1];
        int[] ownStart = new int[sources];
        int owned = 0;
        for (int s = 0; s < sources; s++) {
            off[s + 1] = off[s] + count[s];
            ownStart[s] = mixed[s] ? owned : -1;
            owned += mixed[s] ? count[s] : 0;
        }
        // every target grouped by source (a counting sort: stable, older first); own weights and delays too
        int[] tAll = new int[off[sources]];
        double[] ow = new double[owned];
        char[] od = new char[owned];
        int[] fill = Arrays.copyOf(off, sources);
        for (int s = 0; s < oldSources; s++) {
            int n = offset[s + 1] - offset[s];
            targetsOf(s, n, tAll, fill[s]);
            if (mixed[s]) {
                for (int j = 0; j < n; j++) {
                    ow[ownStart[s] + j] = weightOf(s, j);
                    od[ownStart[s] + j] = delayOf(s, j);
                }
            }
            fill[s] += n;
        }
        for (int r = 0; r < p.runs; r++) {
            int target = p.runTarget[r];
            for (int i = p.runStart[r], end = p.runEnd(r); i < end; i++) {
                int s = p.source[i];
                int at = fill[s]++;
                tAll[at] = target;
                if (mixed[s]) {
                    ow[ownStart[s] + at - off[s]] = p.runWeight[r];
                    od[ownStart[s] + at - off[s]] = p.runDelay[r];
                }
            }
        }
        pending = new PendingConnections();
        layOut(off, tAll, ownStart, localNeurons < (1 << 15));
        sharedWeight = sw;
        sharedDelay = sd;
        own = ownStart;
        weights = ow;
        delays = od;
    }

    /**
     * Stores the grouped targets: a shared-weight source's sorted, as gaps when all are below 256, others
     * in 16 or 32 bits.
     */
    private void layOut(int[] off, int[] tAll, int[] ownStart, boolean narrow) {
        int sources = off.length - 1;
        int[] where = new int[sources];
        int[] low = new int[sources];
        int packed = 0;
        int wide = 0;
        for (int s = 0; s < sources; s++) {
            int from = off[s];
            int to = off[s + 1];
            if (ownStart[s] < 0 && from < to && packable(tAll, from, to)) {
                where[s] = ~packed;
                low[s] = tAll[from];
                packed += to - from;
            } else {
                where[s] = wide;
                wide += to - from;
            }
        }
        byte[] g = new byte[packed];
        int[] t = narrow ? new int[0] : new int[wide];
        char[] t16 = narrow ? new char[wide] : null;
        for (int s = 0; s < sources; s++) {
            int at = where[s];
            if (at < 0) {
                at = ~at;
                int previous = tAll[off[s]];
                for (int c = off[s]; c < off[s + 1]; c++) {
                    g[at++] = (byte) (tAll[c] - previous);
                    previous = tAll[c];
                }
            } else if (narrow) {
                for (int c = off[s]; c < off[s + 1]; c++) {
                    t16[at++] = (char) (tAll[c] < 0 ? (tAll[c] & ~ROUTE_IN) | ROUTE_IN_16 : tAll[c]);
                }
            } else {
                System.arraycopy(tAll, off[s], t, at, off[s + 1] - off[s]);
            }
        }
        offset = off;
        start = where;
        first = low;
        gaps = g;
        target = t;
        target16 = t16;
    }

    /**
     * Whether a shared-weight source's targets (one route: the same sign bit throughout) step by less than
     * 256 from one to the next once sorted; sorts them if they are not in order already (most rules
     * connect target by target, which leaves them ascending).
     */
    private static boolean packable(int[] t, int from, int to) {
        boolean small = true;
        for (int c = from + 1; c < to; c++) {
            int gap = t[c] - t[c - 1];
            if (gap < 0) {
                Arrays.sort(t, from, to);
                return packable(t, from, to);
            }
            small &= gap <= 255;
        }
        return small;
    }

    /** The n targets of source s, with the route bit in the 32-bit form, into {@code into} from {@code at}. */
    private void targetsOf(int s, int n, int[] into, int at) {
        int begin = start[s];
        if (begin < 0) {
            int route = first[s] & ROUTE_IN;
            int local = first[s] & ~ROUTE_IN;
            for (int j = 0; j < n; j++) {
                local += gaps[~begin + j] & 0xFF;
                into[at + j] = local | route;
            }
        } else {
            for (int j = 0; j < n; j++) {
                into[at + j] = target16 != null ? wide16(target16[begin + j]) : target[begin + j];
            }
        }
    }

    /** The route bit of a source whose connections share one route. */
    private int routeOf(int s) {
        int at = start[s];
        if (at < 0) {
            return first[s] & ROUTE_IN;
        }
        return (target16 != null ? wide16(target16[at]) : target[at]) & ROUTE_IN;
    }

    /** Visits source s's laid-out connections: local target, weight, delay (steps), as {@link PlasticGroup.Visitor}. */
    void forEach(int s, PlasticGroup.Visitor v) {
        if (s + 1 >= offset.length) {
            return;
        }
        int n = offset[s + 1] - offset[s];
        int[] t = new int[n];
        targetsOf(s, n, t, 0);
        for (int j = 0; j < n; j++) {
            v.visit(t[j] & ~ROUTE_IN, weightOf(s, j), delayOf(s, j));
        }
    }

    /** The connections laid out (not counting pending ones). */
    int size() {
        return offset[offset.length - 1];
    }

    private double weightOf(int s, int j) {
        return own[s] < 0 ? sharedWeight[s] : weights[own[s] + j];
    }

    private char delayOf(int s, int j) {
        return own[s] < 0 ? sharedDelay[s] : delays[own[s] + j];
    }

    /**
     * Adds the weights of this slice's spikes (sorted by stamp, then sender) into the ring buffers at step
     * stamp + delay - 1, and lists their targets in the VP's touched lists, where it keeps them.
     *
     * @return the number of synaptic events delivered
     */
    long deliver(long[] spikes, int count, VirtualProcess vp) {
        final double[][] ex = vp.bufEx;
        final double[][] in = vp.bufIn;
        final int ring = vp.ring;
        final int[] listed = vp.touchedCount;
        final int[] off = offset;
        final int sources = off.length - 1;
        long events = 0;
        int touched = 0;
        for (int k = 0; k < count; k++) {
            touched += touchAhead(spikes, k, count);
            long key = spikes[k];
            int sender = (int) (key & 0xFFFFFFFFL);
            if (sender >= sources) {
                continue;
            }
            int n = off[sender + 1] - off[sender];
            if (n == 0) {
                continue;
            }
            int base = (int) (((key >>> 32) - 1) % ring);
            if (own[sender] >= 0) {
                deliverOwn(sender, n, base, vp);
            } else {
                int at = start[sender];
                double w = sharedWeight[sender];
                int slot = base + sharedDelay[sender];
                if (slot >= ring) {
                    slot -= ring;
                }
                if (at < 0) {
                    int low = first[sender];
                    addGaps(gaps, ~at, n, low & ~ROUTE_IN, w, low < 0 ? in[slot] : ex[slot]);
                } else if (target16 != null) {
                    add16(target16, at, n, w, ex[slot], in[slot]);
                } else {
                    add32(target, at, n, w, ex[slot], in[slot]);
                }
                if (listed != null && listed[slot] >= 0) {
                    list(vp, slot, sender, n);
                }
            }
            events += n;
        }
        touchSink = touched;
        return events;
    }

    /** Where {@link #touchAhead} leaves what it read, so that the reads are not optimized away. */
    int touchSink;

    /**
     * Reads ahead of delivery, as a prefetch: the source entries of the spike 8 places on, and the first
     * targets of the spike 4 places on. Each source's targets are one short run in memory, and the first
     * cache lines of every run missed: with two VPs (runs half as long) Brunel's delivery took 40 % longer
     * than with one on the same thread. The reads are issued before the current spike's long loop and
     * complete while it runs. Returns what it read (to be kept).
     */
    private int touchAhead(long[] spikes, int k, int count) {
        int sources = offset.length - 1;
        int x = 0;
        if (k + 8 < count) {
            int far = (int) (spikes[k + 8] & 0xFFFFFFFFL);
            if (far < sources) {
                x += start[far] + own[far];
            }
        }
        if (k + 4 < count) {
            int near = (int) (spikes[k + 4] & 0xFFFFFFFFL);
            if (near < sources && offset[near + 1] > offset[near]) {
                int at = start[near];
                int n = offset[near + 1] - offset[near];
                if (at < 0) {
                    at = ~at;
                    for (int c = at; c < at + n && c < at + 256; c += 64) {
                        x += gaps[c];
                    }
                } else if (target16 != null) {
                    for (int c = at; c < at + n && c < at + 128; c += 32) {
                        x += target16[c];
                    }
                }
            }
        }
        return x;
    }

    private static void addGaps(byte[] gaps, int at, int n, int local, double w, double[] row) {
        int t = local;
        for (int c = at; c < at + n; c++) {
            t += gaps[c] & 0xFF;
            row[t] += w;
        }
    }

    private static void add16(char[] targets, int at, int n, double w, double[] rowEx, double[] rowIn) {
        for (int c = at; c < at + n; c++) {
            char t = targets[c];
            if (t < ROUTE_IN_16) {
                rowEx[t] += w;
            } else {
                rowIn[t & ~ROUTE_IN_16] += w;
            }
        }
    }

    private static void add32(int[] targets, int at, int n, double w, double[] rowEx, double[] rowIn) {
        for (int c = at; c < at + n; c++) {
            int t = targets[c];
            if (t >= 0) {
                rowEx[t] += w;
            } else {
                rowIn[t & ~ROUTE_IN] += w;
            }
        }
    }

    /** A source with its own weight and delay per connection: each may land in another slot. */
    private void deliverOwn(int sender, int n, int base, VirtualProcess vp) {
        int o = own[sender];
        int at = start[sender];
        int[] listed = vp.touchedCount;
        for (int j = 0; j < n; j++) {
            int t = target16 != null ? wide16(target16[at + j]) : target[at + j];
            int slot = base + delays[o + j];
            if (slot >= vp.ring) {
                slot -= vp.ring;
            }
            int local = t & ~ROUTE_IN;
            if (t >= 0) {
                vp.bufEx[slot][local] += weights[o + j];
            } else {
                vp.bufIn[slot][local] += weights[o + j];
            }
            if (listed != null && listed[slot] >= 0) {
                int[] into = vp.touched[slot];
                int k = listed[slot];
                if (k == into.length) {
                    listed[slot] = -1;
                } else {
                    into[k] = local;
                    listed[slot] = k + 1;
                }
            }
        }
    }

    private static int wide16(char t) {
        return (t & ROUTE_IN_16) != 0 ? (t & ~ROUTE_IN_16) | ROUTE_IN : t;
    }

    /**
     * Adds the targets of a source with a shared weight and delay to a slot's touched list, or marks the
     * slot as too full to list (-1).
     */
    private void list(VirtualProcess vp, int slot, int sender, int n) {
        int[] into = vp.touched[slot];
        int k = vp.touchedCount[slot];
        if (k + n > into.length) {
            vp.touchedCount[slot] = -1;
            return;
        }
        targetsOf(sender, n, into, k);
        for (int c = k; c < k + n; c++) {
            into[c] &= ~ROUTE_IN;
        }
        vp.touchedCount[slot] = k + n;
    }

    long bytes() {
        return (offset.length + start.length + first.length + own.length) * 4L + gaps.length
                + (long) target.length * 4 + (target16 == null ? 0 : target16.length * 2L)
                + sharedWeight.length * 8L + sharedDelay.length * 2L + weights.length * 8L + delays.length * 2L
                + pending.bytes();
    }
}
