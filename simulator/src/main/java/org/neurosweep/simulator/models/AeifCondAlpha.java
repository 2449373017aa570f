package org.neurosweep.simulator.models;

import java.util.List;

/** aeif_cond_alpha: AdEx ({@link AeifModel}) with alpha-shaped conductances peaking at the weight (nS) after tau_syn. */
public final class AeifCondAlpha extends AeifModel {
    public static final String NAME = "aeif_cond_alpha";
    public static final AeifCondAlpha MODEL = new AeifCondAlpha();
    private static final int DG_EX = 1;
    private static final int G_EX = 2;
    private static final int DG_IN = 3;
    private static final int G_IN = 4;

    private AeifCondAlpha() {
        super(NAME, List.of("V_m", "dg_ex", "g_ex", "dg_in", "g_in", "w"));
    }

    @Override
    public void derivatives(P p, double[] y, double[] dydt, OdeStep step) {
        membrane(p, y, dydt, step);
        dydt[DG_EX] = -y[DG_EX] / p.tauSynEx();
        dydt[G_EX] = y[DG_EX] - y[G_EX] / p.tauSynEx();
        dydt[DG_IN] = -y[DG_IN] / p.tauSynIn();
        dydt[G_IN] = y[DG_IN] - y[G_IN] / p.tauSynIn();
    }

    @Override
    protected void addInput(P p, double[] y, OdeStep step) {
        y[DG_EX] += step.ex * Math.E / p.tauSynEx();
        y[DG_IN] -= step.in * Math.E / p.tauSynIn();
    }
}
