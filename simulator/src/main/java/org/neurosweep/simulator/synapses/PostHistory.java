package org.neurosweep.simulator.synapses;

import java.util.Arrays;
import org.neurosweep.simulator.Resolution;

/**
 * The spike histories of a VP's neurons that plastic synapses read (NEST's ArchivingNode): per neuron,
 * its spikes since the STDP synapses into it last needed them, each with the postsynaptic trace K-
 * (decaying with the neuron's tau_minus, +1 per spike) just after it. Kept only for neurons with an
 * incoming synapse that reads it; a spike is forgotten once every such synapse has read it and a later
 * spike lies more than twice the longest delay before the newest (so K- before any t - d stays known).
 */
public final class PostHistory {
    /** Per local neuron: its trace, or null when no plastic synapse reads it. */
    private Trace[] traces = new Trace[0];

    /**
     * One neuron's history. A query at step q (a presynaptic spike's t - d) is cached: every synapse into
     * the neuron with the same t - d (spikes of one step, multapses) reads the same position and trace.
     */
    public static final class Trace {
        int incoming;
        int maxDelay;
        double tauMinus = 20.0;
        private double kMinus;
        private long last = Long.MIN_VALUE;
        /** The spike before the last one (or MIN_VALUE): with {@link #last}, the common windows without the arrays. */
        private long beforeLast = Long.MIN_VALUE;
        private long[] stamps = new long[8];
        private double[] k = new double[8];
        private int[] reads = new int[8];
        private int head;
        private int size;
        // the last query
        private long queried = Long.MIN_VALUE;
        private int upTo;
        private double kBefore;
        private final Resolution resolution;

        Trace(Resolution resolution) {
            this.resolution = resolution;
        }

        /** The index past the last kept spike at or before step q (spikes t_j &lt;= q: a window's end). */
        public int upTo(long q) {
            query(q);
            return upTo;
        }

        /** K- just before step q: from the last spike strictly before q, decayed to q (0 if none). */
        public double kMinusBefore(long q) {
            query(q);
            return kBefore;
        }

        private void query(long q) {
            if (q == queried) {
                return;
            }
            int lo = head;
            int hi = head + size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (stamps[mid] <= q) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            upTo = lo;
            int e = lo - 1;
            if (e >= head && stamps[e] == q) {
                e--; // a spike exactly at q is in the window, not in the trace before q
            }
            kBefore = e < head ? 0.0 : k[e] * Math.exp((resolution.toMs(stamps[e]) - resolution.toMs(q)) / tauMinus);
            queried = q;
        }

        /** The index of the first kept spike after step {@code after}, searching back from {@code end}. */
        public int firstAfter(long after, int end) {
            if (last <= after) {
                return end; // no spike since: the window is empty (and the spikes' memory is not touched)
            }
            int newest = head + size - 1;
            if (end == newest + 1 && beforeLast <= after) {
                return newest; // only the last spike is in the window
            }
            int e = end;
            while (e > head && stamps[e - 1] > after) {
                e--;
            }
            return e;
        }

        /** The step of kept spike {@code index}. */
        public long stamp(int index) {
            return index == head + size - 1 ? last : stamps[index];
        }

        /** A synapse has read spike {@code index}. */
        public void read(int index) {
            reads[index]++;
        }

        void spike(long stamp) {
            // forget what every synapse has read, keeping a spike more than 2 max_delay back: a query at t - d,
            // with t in the slice being delivered, is never further back than max_delay + min_delay
            while (size > 1 && reads[head] >= incoming && stamp - stamps[head + 1] > 2L * maxDelay) {
                head++;
                size--;
            }
            kMinus = last == Long.MIN_VALUE ? 1.0
                    : kMinus * Math.exp((resolution.toMs(last) - resolution.toMs(stamp)) / tauMinus) + 1.0;
            beforeLast = last;
            last = stamp;
            if (head + size == stamps.length) {
                if (head > 0) {
                    System.arraycopy(stamps, head, stamps, 0, size);
                    System.arraycopy(k, head, k, 0, size);
                    System.arraycopy(reads, head, reads, 0, size);
                    head = 0;
                }
                if (size == stamps.length) {
                    stamps = Arrays.copyOf(stamps, size * 2);
                    k = Arrays.copyOf(k, size * 2);
                    reads = Arrays.copyOf(reads, size * 2);
                }
            }
            int at = head + size++;
            stamps[at] = stamp;
            k[at] = kMinus;
            reads[at] = 0;
            queried = Long.MIN_VALUE; // positions and the trace have changed
        }
    }

    /** A synapse with this delay (steps) will read local neuron {@code local}'s history. */
    public void register(int local, int delay, Resolution resolution) {
        if (local >= traces.length) {
            traces = Arrays.copyOf(traces, Math.max(local + 1, traces.length * 2));
        }
        if (traces[local] == null) {
            traces[local] = new Trace(resolution);
        }
        traces[local].incoming++;
        traces[local].maxDelay = Math.max(traces[local].maxDelay, delay);
    }

    /** Whether local neuron's spikes are kept. */
    public boolean keeps(int local) {
        return local < traces.length && traces[local] != null;
    }

    /** Local neuron's history (it must be kept). */
    public Trace trace(int local) {
        return traces[local];
    }

    /** Sets the neurons' tau_minus (ms), by local index. */
    public void tauMinus(double[] byLocal) {
        for (int i = 0; i < traces.length; i++) {
            if (traces[i] != null) {
                traces[i].tauMinus = byLocal[i];
                traces[i].queried = Long.MIN_VALUE;
            }
        }
    }

    /** Local neuron {@code local} spiked at step {@code stamp}. */
    public void spike(int local, long stamp) {
        traces[local].spike(stamp);
    }
}
