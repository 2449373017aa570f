package org.neurosweep.simulator;

import java.util.Arrays;
import org.neurosweep.simulator.devices.WeightRecorder;
import org.neurosweep.simulator.synapses.PostHistory;
import org.neurosweep.simulator.synapses.SynapseModel;

/**
 * The plastic synapses of one connect call on one VP, grouped by source: each a local target (4 bytes),
 * a weight (8) and a delay in steps (2): 14 bytes a synapse. The state a source's synapses share (an STDP
 * presynaptic trace, short-term plasticity's u and x) is kept once per source.
 */
final class PlasticGroup {
    final SynapseModel<Object> model;
    final Object params;
    private final int stateSize;

    // connections made since the last prepare, in the order made
    private int[] pendingSource = new int[16];
    private int[] pendingTarget = new int[16];
    private double[] pendingWeight = new double[16];
    private char[] pendingDelay = new char[16];
    private int pending;

    /** Per source s: its synapses are {@code offset[s] .. offset[s + 1] - 1}. */
    private int[] offset = new int[1];
    int[] target = new int[0];
    double[] weight = new double[0];
    char[] delay = new char[0];
    private double[] sourceState = new double[0];
    int minDelay = Integer.MAX_VALUE;
    int maxDelay;
    /** The model's {@link SynapseModel#groupCache}, made at the first prepare. */
    private Object cache;
    private boolean cacheMade;
    /** Per synapse of the source being delivered: the weight its spike carries. */
    private double[] sent = new double[0];

    /** Synapses to a parrot's port 1: their weights change, nothing is delivered. */
    private final boolean silent;
    /** Where every delivered spike's weight is logged, or null. */
    private final WeightRecorder.Buffer recorder;

    @SuppressWarnings("unchecked")
    PlasticGroup(SynapseModel<?> model, Object params, boolean silent, WeightRecorder.Buffer recorder) {
        this.model = (SynapseModel<Object>) model;
        this.params = params;
        this.stateSize = model.sourceStateSize();
        this.silent = silent;
        this.recorder = recorder;
    }

    void add(int source, int localTarget, double w, int delaySteps) {
        model.checkWeight(params, w);
        if (delaySteps > Character.MAX_VALUE) {
            throw new BadConnectionException("a delay of " + delaySteps + " steps is longer than the " + (int) Character.MAX_VALUE
                    + " steps a connection can hold");
        }
        if (pending == pendingSource.length) {
            int n = pending * 2;
            pendingSource = Arrays.copyOf(pendingSource, n);
            pendingTarget = Arrays.copyOf(pendingTarget, n);
            pendingWeight = Arrays.copyOf(pendingWeight, n);
            pendingDelay = Arrays.copyOf(pendingDelay, n);
        }
        pendingSource[pending] = source;
        pendingTarget[pending] = localTarget;
        pendingWeight[pending] = w;
        pendingDelay[pending] = (char) delaySteps;
        pending++;
        minDelay = Math.min(minDelay, delaySteps);
        maxDelay = Math.max(maxDelay, delaySteps);
    }

    int size() {
        return offset[offset.length - 1];
    }

    /** Lays the pending synapses out by source (a stable counting sort: older synapses of a source first). */
    void prepare(int maxNodeId, Resolution r) {
        if (!cacheMade) {
            cache = model.groupCache(params, r);
            cacheMade = true;
        }
        int sources = maxNodeId + 1;
        if (pending == 0 && offset.length == sources + 1) {
            return;
        }
        int old = offset.length - 1;
        int[] count = new int[sources];
        for (int s = 0; s < old; s++) {
            count[s] = offset[s + 1] - offset[s];
        }
        for (int i = 0; i < pending; i++) {
            count[pendingSource[i]]++;
        }
        int[] off = new int[sources + 1];
        for (int s = 0; s < sources; s++) {
            off[s + 1] = off[s] + count[s];
        }
        int n = off[sources];
        int[] t = new int[n];
        double[] w = new double[n];
        char[] d = new char[n];
        int[] fill = Arrays.copyOf(off, sources);
        for (int s = 0; s < old; s++) {
            int len = offset[s + 1] - offset[s];
            System.arraycopy(target, offset[s], t, fill[s], len);
            System.arraycopy(weight, offset[s], w, fill[s], len);
            System.arraycopy(delay, offset[s], d, fill[s], len);
            fill[s] += len;
        }
        for (int i = 0; i < pending; i++) {
            int at = fill[pendingSource[i]]++;
            t[at] = pendingTarget[i];
            w[at] = pendingWeight[i];
            d[at] = pendingDelay[i];
        }
        double[] state = Arrays.copyOf(sourceState, sources * stateSize);
        for (int s = old; s < sources; s++) {
            model.initSource(params, state, s * stateSize);
        }
        int fanOut = 0;
        for (int c : count) {
            fanOut = Math.max(fanOut, c);
        }
        sent = new double[fanOut];
        offset = off;
        target = t;
        weight = w;
        delay = d;
        sourceState = state;
        pending = 0;
        // the pending arrays grew to hold every synapse (18 bytes each); laid out, they are not needed
        pendingSource = new int[16];
        pendingTarget = new int[16];
        pendingWeight = new double[16];
        pendingDelay = new char[16];
    }

    /**
     * Delivers this slice's spikes (in canonical order) through the group's synapses, each spike's weight
     * as the rule makes it, into the ring buffers at step stamp + delay - 1.
     *
     * @param summed per local neuron: whether it takes all input in one buffer
     * @return the synaptic events delivered
     */
    long deliver(long[] spikes, int count, VirtualProcess vp, boolean[] summed, Resolution r) {
        final int sources = offset.length - 1;
        final int ring = vp.ring;
        final PostHistory post = model.usesPostHistory() ? vp.history : null;
        long events = 0;
        for (int k = 0; k < count; k++) {
            long key = spikes[k];
            int s = (int) (key & 0xFFFFFFFFL);
            if (s >= sources || offset[s] == offset[s + 1]) {
                continue;
            }
            long stamp = key >>> 32;
            double t = r.toMs(stamp);
            int at = s * stateSize;
            model.beforeSpike(params, sourceState, at, stamp, t);
            int base = (int) ((stamp - 1) % ring);
            int from = offset[s];
            model.sendAll(params, cache, weight, from, offset[s + 1], target, delay, sourceState, at, stamp, post, r, sent);
            for (int j = from; j < offset[s + 1]; j++) {
                int local = target[j];
                double w = sent[j - from];
                if (recorder != null) {
                    recorder.record(s, vp.ids[local], stamp, w);
                }
                if (silent) {
                    continue;
                }
                int slot = base + delay[j];
                if (slot >= ring) {
                    slot -= ring;
                }
                if (vp.counts[local]) {
                    vp.bufEx[slot][local] += 1.0; // a parrot counts the spike
                } else if (w < 0 && !summed[local]) {
                    vp.bufIn[slot][local] += w;
                } else {
                    vp.bufEx[slot][local] += w;
                }
                if (vp.touchedCount != null) {
                    vp.touchedCount[slot] = -1; // read the whole row
                }
            }
            model.afterSpike(params, sourceState, at, stamp, t, r);
            events += offset[s + 1] - offset[s];
        }
        return events;
    }

    /** Visits the group's synapses from {@code source}: local target, weight, delay (steps). */
    void forEach(int source, Visitor v) {
        if (source + 1 >= offset.length) {
            return;
        }
        for (int j = offset[source]; j < offset[source + 1]; j++) {
            v.visit(target[j], weight[j], delay[j]);
        }
    }

    /** One synapse. */
    interface Visitor {
        void visit(int localTarget, double weight, int delaySteps);
    }

    long bytes() {
        return offset.length * 4L + target.length * 4L + weight.length * 8L + delay.length * 2L + sourceState.length * 8L
                + pendingSource.length * 18L + sent.length * 8L + (cache instanceof double[] table ? table.length * 8L : 0);
    }
}
