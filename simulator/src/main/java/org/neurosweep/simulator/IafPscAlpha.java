package org.neurosweep.simulator;

import java.util.List;

/**
 * iaf_psc_alpha: leaky integrate-and-fire with alpha-shaped synaptic currents: a spike of weight w (pA)
 * at t = 0 gives I(t) = w e/tau_syn t e^{-t/tau_syn}, peaking at w when t = tau_syn.
 *
 * <p>Exact integration (Rotter &amp; Diesmann 1999) of the state (dI, I, V) per synapse type:
 * V = P30 (y0 + I_e) + P31 dI + P32 I + P33 V; then I = P21 dI + P22 I, dI = P11 dI, and arriving
 * weights are added to dI as w e/tau_syn. P11 = P22 = e^{-h/tau_syn}, P21 = h e^{-h/tau_syn},
 * P31 and P32 from {@link Propagators}, exact also when tau_syn = tau_m. While refractory V is clamped at
 * V_reset; the currents go on. A spike is emitted when V >= V_th.
 */
final class IafPscAlpha extends IafPopulation {
    static final String NAME = "iaf_psc_alpha";
    static final NeuronModel MODEL = new Model(NAME, List.of("V_m", "I_syn_ex", "I_syn_in"), IafPscAlpha::new);

    final double[] dIex;
    final double[] iEx;
    final double[] dIin;
    final double[] iIn;
    private double p33;
    private double p30;
    private double p11ex;
    private double p21ex;
    private double p31ex;
    private double p32ex;
    private double p11in;
    private double p21in;
    private double p31in;
    private double p32in;
    private double epscInitial;
    private double ipscInitial;

    IafPscAlpha(NeuronParams params, int firstLocal, int[] ids) {
        super(NAME, params, firstLocal, ids);
        dIex = new double[ids.length];
        iEx = new double[ids.length];
        dIin = new double[ids.length];
        iIn = new double[ids.length];
    }

    @Override
    IafPopulation make(NeuronParams params, int firstLocal, int[] ids) {
        return new IafPscAlpha(params, firstLocal, ids);
    }

    @Override
    double[][] modelState() {
        return new double[][] {dIex, iEx, dIin, iIn};
    }

    @Override
    void prepare(double h) {
        double tauM = params.tauM();
        double cM = params.cM();
        p33 = Propagators.decay(h, tauM);
        p30 = Propagators.p30(h, tauM, cM);
        p11ex = Propagators.decay(h, params.tauSynEx());
        p21ex = h * p11ex;
        p31ex = Propagators.p31(h, params.tauSynEx(), tauM, cM);
        p32ex = Propagators.p32(h, params.tauSynEx(), tauM, cM);
        p11in = Propagators.decay(h, params.tauSynIn());
        p21in = h * p11in;
        p31in = Propagators.p31(h, params.tauSynIn(), tauM, cM);
        p32in = Propagators.p32(h, params.tauSynIn(), tauM, cM);
        epscInitial = Math.E / params.tauSynEx();
        ipscInitial = Math.E / params.tauSynIn();
    }

    @Override
    List<String> recordables() {
        return MODEL.recordables();
    }

    @Override
    double synapticEx(int i) {
        return iEx[i];
    }

    @Override
    double synapticIn(int i) {
        return iIn[i];
    }


    /** The neuron-major update's arithmetic for all neurons, y0 = 0 (no dc input). */
    @Override
    void step(VirtualProcess vp, int slot) {
        final int n = ids.length;
        final int first = firstLocal;
        final double drive = p30 * (0.0 + params.iE());
        final double[] vm = v;
        final double[] dex = dIex;
        final double[] iex = iEx;
        final double[] din = dIin;
        final double[] iin = iIn;
        final double[] rowEx = vp.bufEx[slot];
        final double[] rowIn = vp.bufIn[slot];
        for (int i = 0; i < n; i++) {
            vm[i] = drive + p31ex * dex[i] + p32ex * iex[i] + p31in * din[i] + p32in * iin[i] + p33 * vm[i];
            iex[i] = p21ex * dex[i] + p11ex * iex[i];
            dex[i] = p11ex * dex[i] + epscInitial * rowEx[first + i];
            iin[i] = p21in * din[i] + p11in * iin[i];
            din[i] = p11in * din[i] + ipscInitial * rowIn[first + i];
        }
        java.util.Arrays.fill(rowEx, first, first + n, 0.0);
        java.util.Arrays.fill(rowIn, first, first + n, 0.0);
        clampToVMin();
    }

    @Override
    void updateNeuronMajor(VirtualProcess vp, long from, int steps) {
        final double theta = params.vTh() - params.eL();
        final double reset = params.vReset() - params.eL();
        final double vMin = params.vMin() - params.eL();
        final double iE = params.iE();
        final double[] inputEx = vp.inputEx;
        final double[] inputIn = vp.inputIn;
        final double[] dcCurrent = vp.sliceCurrent;
        final boolean anyDc = !vp.dc.isEmpty();
        final boolean anyMeter = !vp.meters.isEmpty();
        for (int i = 0; i < ids.length; i++) {
            final int local = firstLocal + i;
            final boolean metered = anyMeter && vp.meterOf[local] >= 0;
            vp.takeInput(local, from, steps, false);
            final boolean dc = anyDc && vp.dcSlice(local, from, steps);
            double vm = v[i];
            double dex = dIex[i];
            double iex = iEx[i];
            double din = dIin[i];
            double iin = iIn[i];
            int r = (int) refractory[i];
            double current = y0[i];
            for (int lag = 0; lag < steps; lag++) {
                final double inEx = inputEx[lag];
                final double inIn = inputIn[lag];
                final long step = from + lag;
                if (r == 0) {
                    vm = p30 * (current + iE) + p31ex * dex + p32ex * iex + p31in * din + p32in * iin + p33 * vm;
                    if (vm < vMin) {
                        vm = vMin;
                    }
                } else {
                    r--;
                }
                iex = p21ex * dex + p11ex * iex;
                dex = p11ex * dex + epscInitial * inEx;
                iin = p21in * din + p11in * iin;
                din = p11in * din + ipscInitial * inIn;
                if (vm >= theta) {
                    r = refractoryCounts;
                    vm = reset;
                    fire(vp, i, step + 1);
                }
                current = dc ? dcCurrent[lag] : 0;
                if (metered) {
                    vp.sample(vp.meterOf[local], ids[i], step + 1, vm + params.eL(), iex, iin);
                }
            }
            v[i] = vm;
            dIex[i] = dex;
            iEx[i] = iex;
            dIin[i] = din;
            iIn[i] = iin;
            refractory[i] = r;
            y0[i] = current;
        }
    }
}
