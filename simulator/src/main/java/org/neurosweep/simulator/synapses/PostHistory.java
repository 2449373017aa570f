package org.neurosweep.simulator.synapses;

import java.util.Arrays;
import org.neurosweep.simulator.Resolution;

/**
 * The spike histories of a VP's neurons that plastic synapses read (NEST's ArchivingNode): per neuron,
 * its spikes since the STDP synapses into it last needed them, each with the postsynaptic trace K-
 * (decaying with the neuron's tau_minus, +1 per spike) just after it. Kept only for neurons with an
 * incoming synapse that reads it; a spike is forgotten once every such synapse has read it and a later
 * spike lies more than the longest delay before the newest (so K- before any t - d stays known).
 */
public final class PostHistory {
    /** Per local neuron: its trace, or null when no plastic synapse reads it. */
    private Trace[] traces = new Trace[0];

    private static final class Trace {
        int incoming;
        int maxDelay;
        double tauMinus = 20.0;
        double kMinus;
        long last = Long.MIN_VALUE;
        long[] stamps = new long[8];
        double[] k = new double[8];
        int[] reads = new int[8];
        int head;
        int size;
    }

    /** A synapse with this delay (steps) will read local neuron {@code local}'s history. */
    public void register(int local, int delay) {
        if (local >= traces.length) {
            traces = Arrays.copyOf(traces, Math.max(local + 1, traces.length * 2));
        }
        if (traces[local] == null) {
            traces[local] = new Trace();
        }
        traces[local].incoming++;
        traces[local].maxDelay = Math.max(traces[local].maxDelay, delay);
    }

    /** Whether local neuron's spikes are kept. */
    public boolean keeps(int local) {
        return local < traces.length && traces[local] != null;
    }

    /** Sets the neurons' tau_minus (ms), by local index. */
    public void tauMinus(double[] byLocal) {
        for (int i = 0; i < traces.length; i++) {
            if (traces[i] != null) {
                traces[i].tauMinus = byLocal[i];
            }
        }
    }

    /** Local neuron {@code local} spiked at step {@code stamp}. */
    public void spike(int local, long stamp, Resolution r) {
        Trace tr = traces[local];
        // forget what every synapse has read, keeping a spike more than 2 max_delay back: a query at t - d,
        // with t in the slice being delivered, is never further back than max_delay + min_delay
        while (tr.size > 1 && tr.reads[tr.head] >= tr.incoming && stamp - tr.stamps[tr.head + 1] > 2L * tr.maxDelay) {
            tr.head++;
            tr.size--;
        }
        tr.kMinus = tr.last == Long.MIN_VALUE ? 1.0 : tr.kMinus * Math.exp((r.toMs(tr.last) - r.toMs(stamp)) / tr.tauMinus) + 1.0;
        tr.last = stamp;
        if (tr.head + tr.size == tr.stamps.length) {
            if (tr.head > 0) {
                System.arraycopy(tr.stamps, tr.head, tr.stamps, 0, tr.size);
                System.arraycopy(tr.k, tr.head, tr.k, 0, tr.size);
                System.arraycopy(tr.reads, tr.head, tr.reads, 0, tr.size);
                tr.head = 0;
            }
            if (tr.size == tr.stamps.length) {
                tr.stamps = Arrays.copyOf(tr.stamps, tr.size * 2);
                tr.k = Arrays.copyOf(tr.k, tr.size * 2);
                tr.reads = Arrays.copyOf(tr.reads, tr.size * 2);
            }
        }
        int at = tr.head + tr.size++;
        tr.stamps[at] = stamp;
        tr.k[at] = tr.kMinus;
        tr.reads[at] = 0;
    }

    /** The index of the first kept spike of local neuron later than step {@code after}. */
    public int firstAfter(int local, long after) {
        Trace tr = traces[local];
        int lo = tr.head;
        int hi = tr.head + tr.size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tr.stamps[mid] <= after) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public long stamp(int local, int index) {
        return traces[local].stamps[index];
    }

    /** A synapse has read spike {@code index}. */
    public void read(int local, int index) {
        traces[local].reads[index]++;
    }

    /** K- of local neuron just before step {@code at}: from its last spike strictly before, decayed to {@code at}. */
    public double kMinus(int local, long at, Resolution r) {
        Trace tr = traces[local];
        int e = firstAfter(local, at - 1) - 1; // the last spike at a step below `at`
        if (e < tr.head) {
            return 0.0;
        }
        return tr.k[e] * Math.exp((r.toMs(tr.stamps[e]) - r.toMs(at)) / tr.tauMinus);
    }
}
