package org.neurosweep.simulator.models;

import java.util.List;

/**
 * iaf_cond_alpha: leaky integrate-and-fire with alpha-shaped conductances: a spike of weight w (nS)
 * gives g(t) = w (t/tau) e^{1 - t/tau}, peaking at w after tau_syn. Excitatory for w &gt; 0 (E_ex),
 * inhibitory for w &lt; 0 as -w (E_in). Integrated with NEST's adaptive RKF45 (absolute tolerance 1e-3).
 */
public final class IafCondAlpha extends IafCondModel {
    public static final String NAME = "iaf_cond_alpha";
    public static final IafCondAlpha MODEL = new IafCondAlpha();
    private static final int DG_EX = 1;
    private static final int G_EX = 2;
    private static final int DG_IN = 3;
    private static final int G_IN = 4;

    private IafCondAlpha() {
        super(NAME, List.of("V_m", "dg_ex", "g_ex", "dg_in", "g_in"));
    }

    @Override
    public List<String> recordables() {
        return List.of("V_m", "g_ex", "g_in", "dg_ex", "dg_in");
    }

    // 1. parameters and 2. state: IafCondModel

    // 3. dynamics: dg' = -dg/tau, g' = dg - g/tau
    @Override
    public void derivatives(IafCondParams p, double[] y, double[] dydt, OdeStep step) {
        dydt[V] = p.dVdt(y[V], y[G_EX], y[G_IN], step);
        dydt[DG_EX] = -y[DG_EX] / p.tauSynEx();
        dydt[G_EX] = y[DG_EX] - y[G_EX] / p.tauSynEx();
        dydt[DG_IN] = -y[DG_IN] / p.tauSynIn();
        dydt[G_IN] = y[DG_IN] - y[G_IN] / p.tauSynIn();
    }

    // 4. update: integrate; refractoriness or threshold; then the step's spikes into dg, scaled by e/tau
    @Override
    public void update(IafCondParams p, double[] y, OdeStep step) {
        step.integrate(y);
        p.thresholdAndRefractoriness(y, V, step);
        y[DG_EX] += step.ex * Math.E / p.tauSynEx();
        y[DG_IN] -= step.in * Math.E / p.tauSynIn();
    }
}
