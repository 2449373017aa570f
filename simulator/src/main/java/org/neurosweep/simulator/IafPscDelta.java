package org.neurosweep.simulator;

import java.util.List;

/**
 * iaf_psc_delta: leaky integrate-and-fire with delta-shaped synaptic input. A spike of weight w (mV)
 * makes the membrane potential jump by w in the step it arrives.
 *
 * <p>Exact integration with V relative to E_L: V(t+h) = P33 V(t) + P30 (y0 + I_e) + sum of weights
 * arriving, with P33 = e^{-h/tau_m} and P30 = tau_m/C_m (1 - P33). While refractory (t_ref) V is clamped
 * at V_reset and arriving spikes are dropped, or, with refractory_input, kept and added, decayed by
 * e^{-r h/tau_m}, when the refractory period ends (NEST's semantics). A spike is emitted when V >= V_th.
 */
final class IafPscDelta extends IafPopulation {
    static final String NAME = "iaf_psc_delta";
    static final NeuronModel MODEL = new Model(NAME, List.of("V_m"), IafPscDelta::new);

    private final double[] refractorySpikes;
    private double p33;
    private double p30;
    private double h;

    IafPscDelta(NeuronParams params, int firstLocal, int[] ids) {
        super(NAME, params, firstLocal, ids);
        refractorySpikes = new double[ids.length];
    }

    @Override
    IafPopulation make(NeuronParams params, int firstLocal, int[] ids) {
        return new IafPscDelta(params, firstLocal, ids);
    }

    @Override
    double[][] modelState() {
        return new double[][] {refractorySpikes};
    }

    @Override
    void prepare(double resolution) {
        h = resolution;
        p33 = Propagators.decay(h, params.tauM());
        p30 = Propagators.p30(h, params.tauM(), params.cM());
    }

    @Override
    List<String> recordables() {
        return MODEL.recordables();
    }

    @Override
    boolean stepsAll() {
        return !params.refractoryInput();
    }

    @Override
    boolean sumsInput() {
        return true;
    }

    /** V = P30 (0.0 + I_e) + P33 V + input, as the neuron-major update's P30 (y0 + I_e) + P33 V + input with y0 = 0. */
    @Override
    void step(VirtualProcess vp, int slot) {
        final int n = ids.length;
        final int first = firstLocal;
        final double drive = p30 * (0.0 + params.iE());
        final double decay = p33;
        final double[] vm = v;
        final double[] row = vp.bufEx[slot];
        if (first == 0) {
            for (int i = 0; i < n; i++) {
                vm[i] = drive + decay * vm[i] + row[i];
            }
            java.util.Arrays.fill(row, 0, n, 0.0);
        } else {
            for (int i = 0; i < n; i++) {
                vm[i] = drive + decay * vm[i] + row[first + i];
                row[first + i] = 0;
            }
        }
        clampToVMin();
    }

    @Override
    void updateNeuronMajor(VirtualProcess vp, long from, int steps) {
        final double theta = params.vTh() - params.eL();
        final double reset = params.vReset() - params.eL();
        final double vMin = params.vMin() - params.eL();
        final double iE = params.iE();
        final boolean keepRefractoryInput = params.refractoryInput();
        final double[] inputs = vp.inputEx; // delta neurons take input of either sign in one buffer
        final double[] dcCurrent = vp.sliceCurrent;
        final boolean anyDc = !vp.dc.isEmpty();
        final boolean anyMeter = !vp.meters.isEmpty();
        for (int i = 0; i < ids.length; i++) {
            final int local = firstLocal + i;
            final boolean metered = anyMeter && vp.meterOf[local] >= 0;
            vp.takeInput(local, from, steps, true);
            final boolean dc = anyDc && vp.dcSlice(local, from, steps);
            double vm = v[i];
            int r = (int) refractory[i];
            double current = y0[i];
            for (int lag = 0; lag < steps; lag++) {
                final double input = inputs[lag];
                final long step = from + lag;
                if (r == 0) {
                    vm = p30 * (current + iE) + p33 * vm + input;
                    if (keepRefractoryInput && refractorySpikes[i] != 0) {
                        vm += refractorySpikes[i];
                        refractorySpikes[i] = 0;
                    }
                    if (vm < vMin) {
                        vm = vMin;
                    }
                } else {
                    if (keepRefractoryInput) {
                        refractorySpikes[i] += input * Math.exp(-r * h / params.tauM());
                    }
                    r--;
                }
                if (vm >= theta) {
                    r = refractoryCounts;
                    vm = reset;
                    fire(vp, i, step + 1);
                }
                current = dc ? dcCurrent[lag] : 0;
                if (metered) {
                    vp.sample(vp.meterOf[local], ids[i], step + 1, vm + params.eL(), 0, 0);
                }
            }
            v[i] = vm;
            refractory[i] = r;
            y0[i] = current;
        }
    }
}
