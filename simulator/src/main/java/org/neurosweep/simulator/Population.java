package org.neurosweep.simulator;

import java.util.List;

/**
 * The neurons of one create call that live on one VP, as structure-of-arrays state — or of consecutive
 * create calls of the same model and parameters, which make one population (one loop over their
 * neurons; CUBA's excitatory and inhibitory neurons, for instance). Local indices
 * {@code firstLocal .. firstLocal + size - 1} of the VP.
 */
abstract class Population {
    final String model;
    final NeuronParams params;
    final int firstLocal;
    final int[] ids;
    /** Steps of refractoriness left (whole numbers, as doubles so that the step-major update can be branch-free). */
    final double[] refractory;
    /** Membrane potential relative to E_L (mV), per neuron. */
    final double[] v;
    /** Current input for the next step (pA), per neuron. */
    final double[] y0;
    int refractoryCounts;

    Population(String model, NeuronParams params, int firstLocal, int[] ids) {
        this.model = model;
        this.params = params;
        this.firstLocal = firstLocal;
        this.ids = ids;
        this.refractory = new double[ids.length];
        this.v = new double[ids.length];
        this.y0 = new double[ids.length];
        java.util.Arrays.fill(v, params.vM() - params.eL());
    }

    int size() {
        return ids.length;
    }

    /** A new, fresh population of this model and parameters with these neurons, at this one's local start. */
    abstract Population withIds(int[] ids);

    /** The model's own per-neuron state arrays, beyond V, the refractory count and y0. */
    abstract double[][] modelState();

    /** A new population of this model and parameters: its own neurons, then {@code more}, with their state. */
    final Population extendedBy(int[] more) {
        Population p = withIds(concat(ids, more));
        int n = ids.length;
        System.arraycopy(refractory, 0, p.refractory, 0, n);
        System.arraycopy(v, 0, p.v, 0, n);
        System.arraycopy(y0, 0, p.y0, 0, n);
        double[][] from = modelState();
        double[][] to = p.modelState();
        for (int a = 0; a < from.length; a++) {
            System.arraycopy(from[a], 0, to[a], 0, n);
        }
        p.refractoryCounts = refractoryCounts;
        return p;
    }

    static int[] concat(int[] a, int[] b) {
        int[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /**
     * Whether this model's update can read only the neurons listed in {@link VirtualProcess#touched}: the
     * VP then keeps the lists, and delivery fills them.
     */
    boolean usesTouchedLists() {
        return false;
    }

    /** Computes the propagators for resolution h (ms). */
    abstract void prepare(double h);

    /** Advances every neuron by {@code steps} steps from step {@code from}. */
    abstract void update(VirtualProcess vp, long from, int steps);

    /** The names that can be read with {@link #get} and recorded by a multimeter. */
    abstract List<String> recordables();

    /** A state variable by NEST name (V_m in mV; synaptic currents in pA). */
    double get(String name, int i) {
        if (name.equals("V_m")) {
            return v[i] + params.eL();
        }
        throw new UnknownNameException(model + " has no recordable '" + name + "'; recordables: " + recordables());
    }

    /** Sets a state variable (only V_m). */
    void set(String name, int i, double value) {
        if (!name.equals("V_m")) {
            throw new UnknownNameException(model + ": only V_m can be set after creation, not '" + name + "'");
        }
        if (!Double.isFinite(value)) {
            throw new BadParameterException(model + ": V_m = " + value + " mV must be finite");
        }
        v[i] = value - params.eL();
    }

    int recordableIndex(String name) {
        int k = recordables().indexOf(name);
        if (k < 0) {
            throw new UnknownNameException(model + " has no recordable '" + name + "'; recordables: " + recordables());
        }
        return k;
    }

    /** Neuron i spikes at this stamp: the spike goes out, and to the VP's recorder if the neuron has one. */
    final void fire(VirtualProcess vp, int i, long stamp) {
        int id = ids[i];
        vp.emit(id, stamp);
        int r = vp.recorderOf[firstLocal + i];
        if (r >= 0) {
            vp.recorders.get(r).record(id, stamp);
        }
    }
}
