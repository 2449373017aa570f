package org.neurosweep.simulator.synapses;

import java.util.List;
import org.neurosweep.simulator.Resolution;

/**
 * What NEST's pair-based STDP synapses share: the whole delay d is dendritic, so a presynaptic spike at t
 * meets the postsynaptic spikes before t - d. On a presynaptic spike, in NEST's order: facilitation by
 * every postsynaptic spike t_j in (t_last - d, t - d] with the presynaptic trace K+ e^{(t_last - t_j - d)/tau_plus};
 * depression by the postsynaptic trace K- just before t - d (the target's tau_minus); delivery with the new
 * weight; then K+ = K+ e^{(t_last - t)/tau_plus} + 1 and t_last = t, shared by the source's synapses of one
 * connect call. Each model says how a weight is facilitated and depressed.
 */
public abstract class PairStdp<P extends PairStdp.Presynaptic> extends SynapseModel<P> {
    /** What a pair rule's parameters give the presynaptic trace: its time constant (ms) and its value before the first spike. */
    public interface Presynaptic {
        double tauPlus();

        double kPlus();
    }

    private static final int K_PLUS = 0;
    private static final int T_LAST = 1;

    protected PairStdp(String name, List<String> parameters) {
        super(name, parameters);
    }

    /** The weight after a pairing with presynaptic trace kPlus. */
    public abstract double facilitate(P p, double w, double kPlus);

    /** The weight after a pairing with postsynaptic trace kMinus. */
    public abstract double depress(P p, double w, double kMinus);

    @Override
    public final int sourceStateSize() {
        return 2;
    }

    @Override
    public final void initSource(P p, double[] s, int at) {
        s[at + K_PLUS] = p.kPlus();
        s[at + T_LAST] = 0; // step 0: NEST's t_lastspike of 0 ms
    }

    @Override
    public final boolean usesPostHistory() {
        return true;
    }

    /** Steps covered by the group's table of the presynaptic trace's decay. */
    private static final int DECAY_STEPS = 4096;

    /** The presynaptic trace's decay over n whole steps, exp(-n h / tau_plus), for n below {@value #DECAY_STEPS}. */
    @Override
    public final Object groupCache(P p, Resolution r) {
        double[] decay = new double[DECAY_STEPS];
        for (int n = 0; n < DECAY_STEPS; n++) {
            decay[n] = Math.exp(-r.toMs(n) / p.tauPlus());
        }
        return decay;
    }

    @Override
    public final void sendAll(P p, Object cache, double[] weights, int from, int to, int[] targets, char[] delays, double[] s,
                              int at, long stamp, PostHistory post, Resolution r, double[] sent) {
        double[] decay = (double[]) cache;
        long lastStep = (long) s[at + T_LAST];
        double kPlus = s[at + K_PLUS];
        for (int j = from; j < to; j++) {
            int delay = delays[j];
            PostHistory.Trace trace = post.trace(targets[j]);
            long q = stamp - delay;
            long after = lastStep - delay;
            double w = weights[j];
            int end = trace.upTo(q);
            // facilitation: the target's spikes t_j in (t_last - d, t - d], each n = (t_j + d - t_last) / h steps on
            for (int e = trace.firstAfter(after, end); e < end; e++) {
                long n = trace.stamp(e) - after;
                double decayed = n < DECAY_STEPS ? decay[(int) n] : Math.exp(-r.toMs(n) / p.tauPlus());
                w = facilitate(p, w, kPlus * decayed);
                trace.read(e);
            }
            // depression: the target's trace just before t - d
            w = depress(p, w, trace.kMinusBefore(q));
            weights[j] = w;
            sent[j - from] = w;
        }
    }

    @Override
    public final void afterSpike(P p, double[] s, int at, long stamp, double t, Resolution r) {
        s[at + K_PLUS] = s[at + K_PLUS] * Math.exp((r.toMs((long) s[at + T_LAST]) - t) / p.tauPlus()) + 1.0;
        s[at + T_LAST] = stamp; // in steps: exact
    }
}
