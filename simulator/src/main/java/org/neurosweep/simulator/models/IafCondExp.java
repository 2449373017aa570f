package org.neurosweep.simulator.models;

import java.util.List;

/**
 * iaf_cond_exp: leaky integrate-and-fire with conductances that jump by the spike's weight (nS) and decay
 * exponentially; excitatory (weight &gt; 0, reversal E_ex) and inhibitory (weight &lt; 0, as -weight,
 * reversal E_in). Integrated with NEST's adaptive RKF45 (absolute tolerance 1e-3).
 */
public final class IafCondExp extends IafCondModel {
    public static final String NAME = "iaf_cond_exp";
    public static final IafCondExp MODEL = new IafCondExp();
    private static final int G_EX = 1;
    private static final int G_IN = 2;

    private IafCondExp() {
        super(NAME, List.of("V_m", "g_ex", "g_in"));
    }

    // 1. parameters and 2. state: IafCondModel

    // 3. dynamics
    @Override
    public void derivatives(IafCondParams p, double[] y, double[] dydt, OdeStep step) {
        dydt[V] = p.dVdt(y[V], y[G_EX], y[G_IN], step);
        dydt[G_EX] = -y[G_EX] / p.tauSynEx();
        dydt[G_IN] = -y[G_IN] / p.tauSynIn();
    }

    // 4. update: integrate; the step's spikes into the conductances; refractoriness or threshold
    @Override
    public void update(IafCondParams p, double[] y, OdeStep step) {
        step.integrate(y);
        y[G_EX] += step.ex;
        y[G_IN] -= step.in;
        p.thresholdAndRefractoriness(y, V, step);
    }
}
