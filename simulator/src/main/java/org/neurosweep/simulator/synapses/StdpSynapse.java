package org.neurosweep.simulator.synapses;

import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.BadConnectionException;
import org.neurosweep.simulator.BadParameterException;
import org.neurosweep.simulator.Params;

/**
 * stdp_synapse: NEST's pair-based spike-timing dependent plasticity ({@link PairStdp}) with Gütig et al.
 * (2003)'s weight dependence, normalised by Wmax: facilitation
 * w/Wmax += lambda (1 - w/Wmax)^mu_plus K+, at most Wmax; depression w/Wmax -= alpha lambda (w/Wmax)^mu_minus K-,
 * at least 0.
 */
public final class StdpSynapse extends PairStdp<StdpSynapse.P> {
    public static final String NAME = "stdp_synapse";
    public static final StdpSynapse MODEL = new StdpSynapse();

    /** Defaults: tau_plus 20 ms, lambda 0.01, alpha 1, mu_plus 1, mu_minus 1, Wmax 100, Kplus 0. */
    public record P(double tauPlus, double lambda, double alpha, double muPlus, double muMinus, double wMax, double kPlus)
            implements PairStdp.Presynaptic {
    }

    private StdpSynapse() {
        super(NAME, List.of("tau_plus", "lambda", "alpha", "mu_plus", "mu_minus", "Wmax", "Kplus"));
    }

    @Override
    public P parse(Params g) {
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
    public Map<String, Object> toMap(P p) {
        return Params.named(parameterNames(), p.tauPlus, p.lambda, p.alpha, p.muPlus, p.muMinus, p.wMax, p.kPlus);
    }

    @Override
    public void checkWeight(P p, double weight) {
        if ((weight >= 0) != (p.wMax >= 0)) {
            throw new BadConnectionException(NAME + ": weight " + weight + " and Wmax " + p.wMax + " must have the same sign");
        }
    }

    @Override
    public double facilitate(P p, double w, double kPlus) {
        double norm = w / p.wMax + p.lambda * Math.pow(1.0 - w / p.wMax, p.muPlus) * kPlus;
        return norm < 1.0 ? norm * p.wMax : p.wMax;
    }

    @Override
    public double depress(P p, double w, double kMinus) {
        double norm = w / p.wMax - p.alpha * p.lambda * Math.pow(w / p.wMax, p.muMinus) * kMinus;
        return norm > 0.0 ? norm * p.wMax : 0.0;
    }
}
