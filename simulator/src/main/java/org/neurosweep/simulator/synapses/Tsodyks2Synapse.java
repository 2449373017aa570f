package org.neurosweep.simulator.synapses;

import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.BadParameterException;
import org.neurosweep.simulator.Params;
import org.neurosweep.simulator.Resolution;

/**
 * tsodyks2_synapse: short-term depression and facilitation (Tsodyks and Markram 1997, Fuhrmann et al.
 * 2002). Resources x recover with tau_rec, utilization u relaxes to U with tau_fac (no facilitation for
 * tau_fac 0). At a spike Δt after the last: x = 1 + (x - x u - 1) e^{-Δt/tau_rec} (with the old u), then
 * u = U + u (1 - U) e^{-Δt/tau_fac}; the spike is delivered with weight x u w. The first spike finds x = 1
 * and u as set (default U). The state changes only with the source's spikes, so it is kept once per source.
 */
public final class Tsodyks2Synapse extends SynapseModel<Tsodyks2Synapse.P> {
    public static final String NAME = "tsodyks2_synapse";
    public static final Tsodyks2Synapse MODEL = new Tsodyks2Synapse();
    private static final int U_NOW = 0;
    private static final int X = 1;
    private static final int T_LAST = 2;

    /** Defaults: U 0.5, u 0.5, tau_rec 800 ms, tau_fac 0 ms, x 1. */
    public record P(double bigU, double u, double tauRec, double tauFac, double x) {
    }

    private Tsodyks2Synapse() {
        super(NAME, List.of("U", "u", "tau_rec", "tau_fac", "x"));
    }

    @Override
    public P parse(Params g) {
        P p = new P(g.number("U", 0.5), g.number("u", 0.5), g.number("tau_rec", 800), g.number("tau_fac", 0), g.number("x", 1));
        for (String k : new String[] {"U", "u"}) {
            double v = k.equals("U") ? p.bigU : p.u;
            if (!(v >= 0 && v <= 1)) {
                throw new BadParameterException(NAME + ": " + k + " = " + v + " must be in [0, 1]");
            }
        }
        Params.positive(NAME, "tau_rec", p.tauRec, "ms");
        Params.nonNegative(NAME, "tau_fac", p.tauFac, "ms");
        if (!Double.isFinite(p.x)) {
            throw new BadParameterException(NAME + ": x = " + p.x + " must be finite");
        }
        return p;
    }

    @Override
    public Map<String, Object> toMap(P p) {
        return Params.named(parameterNames(), p.bigU, p.u, p.tauRec, p.tauFac, p.x);
    }

    @Override
    public int sourceStateSize() {
        return 3;
    }

    @Override
    public void initSource(P p, double[] s, int at) {
        s[at + U_NOW] = p.u;
        s[at + X] = p.x;
        s[at + T_LAST] = -1.0;
    }

    @Override
    public void beforeSpike(P p, double[] s, int at, long stamp, double t) {
        double last = s[at + T_LAST];
        if (last >= 0) {
            double dt = t - last;
            double u = s[at + U_NOW];
            double x = s[at + X];
            s[at + X] = 1.0 + (x - x * u - 1.0) * Math.exp(-dt / p.tauRec);
            s[at + U_NOW] = p.tauFac == 0 ? p.bigU : p.bigU + u * (1.0 - p.bigU) * Math.exp(-dt / p.tauFac);
        }
    }

    @Override
    public void sendAll(P p, Object cache, double[] weights, int from, int to, int[] targets, char[] delays, double[] s, int at,
                        long stamp, PostHistory post, Resolution r, double[] sent) {
        double ux = s[at + X] * s[at + U_NOW];
        for (int j = from; j < to; j++) {
            sent[j - from] = ux * weights[j];
        }
    }

    @Override
    public void afterSpike(P p, double[] s, int at, long stamp, double t, Resolution r) {
        s[at + T_LAST] = t;
    }
}
