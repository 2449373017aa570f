package org.neurosweep.simulator.synapses;

import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.BadConnectionException;
import org.neurosweep.simulator.BadParameterException;
import org.neurosweep.simulator.Params;

/**
 * stdp_pl_synapse_hom: pair-based STDP ({@link PairStdp}) with Morrison et al. (2007)'s power-law
 * potentiation and multiplicative depression, the synapse of NEST's hpc_benchmark: facilitation
 * w += lambda w^mu K+ (no upper bound); depression w -= lambda alpha w K-, at least 0. Parameters are shared
 * by the synapses of a connect call (NEST's "hom": common properties).
 */
public final class StdpPlSynapseHom extends PairStdp<StdpPlSynapseHom.P> {
    public static final String NAME = "stdp_pl_synapse_hom";
    public static final StdpPlSynapseHom MODEL = new StdpPlSynapseHom();

    /** Defaults: tau_plus 20 ms, lambda 0.1, alpha 1, mu 0.4, Kplus 0. */
    public record P(double tauPlus, double lambda, double alpha, double mu, double kPlus)
            implements PairStdp.Presynaptic {
    }

    private StdpPlSynapseHom() {
        super(NAME, List.of("tau_plus", "lambda", "alpha", "mu", "Kplus"));
    }

    @Override
    public P parse(Params g) {
        P p = new P(g.number("tau_plus", 20), g.number("lambda", 0.1), g.number("alpha", 1), g.number("mu", 0.4),
                g.number("Kplus", 0));
        Params.positive(NAME, "tau_plus", p.tauPlus, "ms");
        Params.nonNegative(NAME, "Kplus", p.kPlus, "");
        if (!Double.isFinite(p.lambda) || !Double.isFinite(p.alpha) || !Double.isFinite(p.mu)) {
            throw new BadParameterException(NAME + ": lambda, alpha and mu must be finite, got " + toMap(p));
        }
        return p;
    }

    @Override
    public Map<String, Object> toMap(P p) {
        return Params.named(parameterNames(), p.tauPlus, p.lambda, p.alpha, p.mu, p.kPlus);
    }

    @Override
    public void checkWeight(P p, double weight) {
        if (!(weight >= 0)) {
            throw new BadConnectionException(NAME + ": weight " + weight + " must not be negative (w^mu)");
        }
    }

    @Override
    public double facilitate(P p, double w, double kPlus) {
        return w + p.lambda * Math.pow(w, p.mu) * kPlus;
    }

    @Override
    public double depress(P p, double w, double kMinus) {
        double v = w - p.lambda * p.alpha * w * kMinus;
        return v > 0.0 ? v : 0.0;
    }
}
