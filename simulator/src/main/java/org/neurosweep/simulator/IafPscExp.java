package org.neurosweep.simulator;

import java.util.List;

/**
 * iaf_psc_exp: leaky integrate-and-fire with exponentially decaying synaptic currents. A spike of weight
 * w (pA) makes the excitatory (w &gt;= 0) or inhibitory (w &lt; 0) current jump by w.
 *
 * <p>Exact integration, V relative to E_L, per step: V = P22 V + P21ex I_ex + P21in I_in + P20 (I_e + y0)
 * with P22 = e^{-h/tau_m}, P20 = tau_m/C_m (1 - P22), P21 = {@link Propagators#p32}; then
 * I_x = P11x I_x + arriving weights, P11x = e^{-h/tau_syn_x}. While refractory V is clamped at V_reset but
 * the synaptic currents go on decaying and receiving input, as in NEST.
 */
final class IafPscExp extends IafPopulation {
    static final String NAME = "iaf_psc_exp";
    static final NeuronModel MODEL = new Model(NAME, List.of("V_m", "I_syn_ex", "I_syn_in"), IafPscExp::new);

    final double[] iEx;
    final double[] iIn;
    private double p22;
    private double p20;
    private double p21ex;
    private double p21in;
    private double p11ex;
    private double p11in;

    IafPscExp(NeuronParams params, int firstLocal, int[] ids) {
        super(NAME, params, firstLocal, ids);
        this.stepEx = new double[ids.length];
        this.stepIn = new double[ids.length];
        iEx = new double[ids.length];
        iIn = new double[ids.length];
    }

    @Override
    IafPopulation make(NeuronParams params, int firstLocal, int[] ids) {
        return new IafPscExp(params, firstLocal, ids);
    }

    @Override
    double[][] modelState() {
        return new double[][] {iEx, iIn};
    }

    @Override
    void prepare(double h) {
        p22 = Propagators.decay(h, params.tauM());
        p20 = Propagators.p30(h, params.tauM(), params.cM());
        p21ex = Propagators.p32(h, params.tauSynEx(), params.tauM(), params.cM());
        p21in = Propagators.p32(h, params.tauSynIn(), params.tauM(), params.cM());
        p11ex = Propagators.decay(h, params.tauSynEx());
        p11in = Propagators.decay(h, params.tauSynIn());
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


    /** Steps of the step-major update that read only the listed neurons' input (the others read whole rows). */
    long listedSteps;
    /** One step's excitatory and inhibitory input, out of the ring buffers. */
    private final double[] stepEx;
    private final double[] stepIn;

    /**
     * Every neuron's V and currents in one branch-free loop the JIT vectorizes (synaptic currents decay
     * regardless of refractoriness): V = P22 V + P21ex I_ex + P21in I_in + (I_e + 0.0) P20, as the
     * neuron-major update's with y0 = 0 (without dc input).
     */
    @Override
    void step(VirtualProcess vp, int slot) {
        // without dc generators y0 stays 0, and (I_e + 0.0) * P20 is exactly I_e * P20
        final double drive = (params.iE() + 0.0) * p20;
        final int known = vp.touchedCount == null ? -1 : vp.touchedCount[slot];
        if (known < 0) {
            fullStep(vp.bufEx[slot], vp.bufIn[slot], p22, p21ex, p21in, drive, p11ex, p11in);
            return;
        }
        // few neurons have input in this slot: the loop reads no ring buffer, and adds 0.0 as the full
        // loop adds an empty slot's 0.0 (x + 0.0 is x except that -0.0 becomes 0.0); then the listed
        // neurons' input is added. Bit for bit the full loop's result: a slot's sum of weights is never
        // -0.0, and adding it to (x + 0.0) equals adding it to x
        final int n = ids.length;
        final double[] vm = v;
        final double[] ie = iEx;
        final double[] ii = iIn;
        final double a22 = p22;
        final double a21ex = p21ex;
        final double a21in = p21in;
        final double a11ex = p11ex;
        final double a11in = p11in;
        for (int i = 0; i < n; i++) {
            vm[i] = vm[i] * a22 + ie[i] * a21ex + ii[i] * a21in + drive;
            ie[i] = ie[i] * a11ex + 0.0;
            ii[i] = ii[i] * a11in + 0.0;
        }
        addListed(vp.bufEx[slot], vp.bufIn[slot], vp.touched[slot], known);
        listedSteps++;
    }

    /**
     * One step of every neuron's V and currents with the input of whole ring buffer rows, which are then
     * emptied: the rows themselves when this population starts the VP's neurons; otherwise copied out
     * first, because read at an offset inside the loop the JIT cannot tell them apart from the arrays it
     * writes, and does not vectorize it (2x slower).
     */
    private void fullStep(double[] rowEx, double[] rowIn, double a22, double a21ex, double a21in, double drive,
                          double a11ex, double a11in) {
        final int n = ids.length;
        final double[] vm = v;
        final double[] ie = iEx;
        final double[] ii = iIn;
        final double[] inputEx;
        final double[] inputIn;
        if (firstLocal == 0) {
            inputEx = rowEx;
            inputIn = rowIn;
        } else {
            inputEx = stepEx;
            inputIn = stepIn;
            System.arraycopy(rowEx, firstLocal, inputEx, 0, n);
            System.arraycopy(rowIn, firstLocal, inputIn, 0, n);
            java.util.Arrays.fill(rowEx, firstLocal, firstLocal + n, 0.0);
            java.util.Arrays.fill(rowIn, firstLocal, firstLocal + n, 0.0);
        }
        for (int i = 0; i < n; i++) {
            vm[i] = vm[i] * a22 + ie[i] * a21ex + ii[i] * a21in + drive;
            ie[i] = ie[i] * a11ex + inputEx[i];
            ii[i] = ii[i] * a11in + inputIn[i];
        }
        if (firstLocal == 0) {
            java.util.Arrays.fill(rowEx, 0, n, 0.0);
            java.util.Arrays.fill(rowIn, 0, n, 0.0);
        }
    }

    /**
     * Adds the input of the listed local neurons that are this population's to its synaptic currents and
     * empties their ring buffer entries (a neuron listed twice adds 0.0 the second time).
     */
    private void addListed(double[] rowEx, double[] rowIn, int[] list, int count) {
        final int n = ids.length;
        for (int j = 0; j < count; j++) {
            int local = list[j];
            int i = local - firstLocal;
            if (i >= 0 && i < n) {
                iEx[i] += rowEx[local];
                rowEx[local] = 0;
                iIn[i] += rowIn[local];
                rowIn[local] = 0;
            }
        }
    }

    @Override
    boolean usesTouchedLists() {
        return true;
    }

    @Override
    void updateNeuronMajor(VirtualProcess vp, long from, int steps) {
        final double theta = params.vTh() - params.eL();
        final double reset = params.vReset() - params.eL();
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
            double ie = iEx[i];
            double ii = iIn[i];
            int r = (int) refractory[i];
            double current = y0[i];
            for (int lag = 0; lag < steps; lag++) {
                final double inEx = inputEx[lag];
                final double inIn = inputIn[lag];
                final long step = from + lag;
                if (r == 0) {
                    vm = vm * p22 + ie * p21ex + ii * p21in + (iE + current) * p20;
                } else {
                    r--;
                }
                ie = ie * p11ex + inEx;
                ii = ii * p11in + inIn;
                if (vm >= theta) {
                    r = refractoryCounts;
                    vm = reset;
                    fire(vp, i, step + 1);
                }
                current = dc ? dcCurrent[lag] : 0;
                if (metered) {
                    vp.sample(vp.meterOf[local], ids[i], step + 1, vm + params.eL(), ie, ii);
                }
            }
            v[i] = vm;
            iEx[i] = ie;
            iIn[i] = ii;
            refractory[i] = r;
            y0[i] = current;
        }
    }
}
