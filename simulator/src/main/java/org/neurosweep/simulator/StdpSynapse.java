package org.neurosweep.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * stdp_synapse: NEST's pair-based spike-timing dependent plasticity (Gütig et al. 2003's weight
 * dependence). The whole delay d is dendritic: a presynaptic spike at t meets the postsynaptic spikes
 * that happened before t - d. On a presynaptic spike, in NEST's order:
 * <ol>
 *   <li>facilitation by every postsynaptic spike t_j in (t_last - d, t - d]:
 *       w/Wmax += lambda (1 - w/Wmax)^mu_plus K+ e^{(t_last - t_j - d)/tau_plus}, at most Wmax;</li>
 *   <li>depression by the postsynaptic trace just before t - d (the target's tau_minus):
 *       w/Wmax -= alpha lambda (w/Wmax)^mu_minus K-(t - d), at least 0;</li>
 *   <li>the spike is delivered with the new weight;</li>
 *   <li>K+ = K+ e^{(t_last - t)/tau_plus} + 1, t_last = t (shared by the source's synapses of one connect call).</li>
 * </ol>
 */
final class StdpSynapse extends SynapseModel<StdpSynapse.P> {
    static final String NAME = "stdp_synapse";
    static final StdpSynapse MODEL = new StdpSynapse();
    private static final int K_PLUS = 0;
    private static final int T_LAST = 1;

    /** Defaults: tau_plus 20 ms, lambda 0.01, alpha 1, mu_plus 1, mu_minus 1, Wmax 100, Kplus 0. */
    record P(double tauPlus, double lambda, double alpha, double muPlus, double muMinus, double wMax, double kPlus) {
    }

    private StdpSynapse() {
        super(NAME, List.of("tau_plus", "lambda", "alpha", "mu_plus", "mu_minus", "Wmax", "Kplus"));
    }

    @Override
    P parse(Params g) {
        P p = new P(g.number("tau_plus", 20), g.number("lambda", 0.01), g.number("alpha", 1), g.number("mu_plus", 1),
                g.number("mu_minus", 1), g.number("Wmax", 100), g.number("Kplus", 0));
        Params.positive(NAME, "tau_plus", p.tauPlus, "ms");
        Params.nonNegative(NAME, "Kplus", p.kPlus, "");
        if (!Double.isFinite(p.wMax) || !Double.isFinite(p.lambda) || !Double.isFinite(p.alpha)
                || !Double.isFinite(p.muPlus) || !Double.isFinite(p.muMinus)) {
            throw new BadParameterException(NAME + ": lambda, alpha, mu_plus, mu_minus and Wmax must be finite, got " + toMap(p));
        }
        return p;
    }

    @Override
    Map<String, Object> toMap(P p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tau_plus", p.tauPlus);
        m.put("lambda", p.lambda);
        m.put("alpha", p.alpha);
        m.put("mu_plus", p.muPlus);
        m.put("mu_minus", p.muMinus);
        m.put("Wmax", p.wMax);
        m.put("Kplus", p.kPlus);
        return m;
    }

    @Override
    void checkWeight(P p, double weight) {
        if ((weight >= 0) != (p.wMax >= 0)) {
            throw new BadConnectionException(NAME + ": weight " + weight + " and Wmax " + p.wMax + " must have the same sign");
        }
    }

    @Override
    int sourceStateSize() {
        return 2;
    }

    @Override
    void initSource(P p, double[] s, int at) {
        s[at + K_PLUS] = p.kPlus;
        s[at + T_LAST] = 0; // step 0: NEST's t_lastspike of 0 ms
    }

    @Override
    boolean usesPostHistory() {
        return true;
    }

    @Override
    double send(P p, double[] weights, int j, double[] s, int at, long stamp, int delay, PostHistory post, int target,
                Resolution r) {
        double w = weights[j];
        long lastStep = (long) s[at + T_LAST];
        double tLast = r.toMs(lastStep);
        double kPlus = s[at + K_PLUS];
        double d = r.toMs(delay);
        // facilitation: the target's spikes in (t_last - d, t - d]
        int from = post.firstAfter(target, lastStep - delay);
        int to = post.firstAfter(target, stamp - delay);
        for (int e = from; e < to; e++) {
            double tj = r.toMs(post.stamp(target, e));
            w = facilitate(p, w, kPlus * Math.exp((tLast - (tj + d)) / p.tauPlus));
            post.read(target, e);
        }
        // depression: the target's trace just before t - d
        w = depress(p, w, post.kMinus(target, stamp - delay, r));
        weights[j] = w;
        return w;
    }

    private static double facilitate(P p, double w, double kPlus) {
        double norm = w / p.wMax + p.lambda * Math.pow(1.0 - w / p.wMax, p.muPlus) * kPlus;
        return norm < 1.0 ? norm * p.wMax : p.wMax;
    }

    private static double depress(P p, double w, double kMinus) {
        double norm = w / p.wMax - p.alpha * p.lambda * Math.pow(w / p.wMax, p.muMinus) * kMinus;
        return norm > 0.0 ? norm * p.wMax : 0.0;
    }

    @Override
    void afterSpike(P p, double[] s, int at, long stamp, double t, Resolution r) {
        s[at + K_PLUS] = s[at + K_PLUS] * Math.exp((r.toMs((long) s[at + T_LAST]) - t) / p.tauPlus) + 1.0;
        s[at + T_LAST] = stamp; // in steps: exact
    }
}
