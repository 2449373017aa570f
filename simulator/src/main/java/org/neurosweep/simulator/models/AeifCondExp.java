package org.neurosweep.simulator.models;

import java.util.List;

/** aeif_cond_exp: AdEx ({@link AeifModel}) with conductances that jump by the weight (nS) and decay exponentially. */
public final class AeifCondExp extends AeifModel {
    public static final String NAME = "aeif_cond_exp";
    public static final AeifCondExp MODEL = new AeifCondExp();
    private static final int G_EX = 1;
    private static final int G_IN = 2;

    private AeifCondExp() {
        super(NAME, List.of("V_m", "g_ex", "g_in", "w"));
    }

    @Override
    public void derivatives(P p, double[] y, double[] dydt, OdeStep step) {
        membrane(p, y, dydt, step);
        dydt[G_EX] = -y[G_EX] / p.tauSynEx();
        dydt[G_IN] = -y[G_IN] / p.tauSynIn();
    }

    @Override
    protected void addInput(P p, double[] y, OdeStep step) {
        y[G_EX] += step.ex;
        y[G_IN] -= step.in;
    }
}
