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
    /** Steps taken by a step-major update (the updates' tests check that both ran). */
    long stepMajorSteps;

    // The step-major updates' refractory neurons (count above 0), in no particular order, and their V held
    // across a step; listed when the network is prepared (see prepare). Allocated here, not on
    // first use: a branch first taken by a later network would make the JIT throw away the compiled update.
    private final int[] refractoryList;
    private final double[] held;
    private int refractoryListSize;
    /** Indices of the neurons that crossed the threshold in one step. */
    private final int[] crossed;

    Population(String model, NeuronParams params, int firstLocal, int[] ids) {
        this.model = model;
        this.params = params;
        this.firstLocal = firstLocal;
        this.ids = ids;
        this.refractory = new double[ids.length];
        this.v = new double[ids.length];
        this.y0 = new double[ids.length];
        java.util.Arrays.fill(v, params.vM() - params.eL());
        this.refractoryList = new int[ids.length];
        this.held = new double[ids.length];
        this.crossed = new int[ids.length];
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

    /** Computes the model's propagators for resolution h (ms). */
    abstract void prepare(double h);

    /**
     * Before a simulation of a changed network, on its VP: the propagators, the refractory neurons and the
     * metered ones for the step-major update. Which update a population takes changes only with the
     * network (dc input connected), and so only after this has run: a neuron-major update, which counts
     * refractoriness down without the list, is never followed by a step-major one on a stale list.
     */
    final void prepare(VirtualProcess vp, double h) {
        prepare(h);
        refractoryCounts = (int) Math.round(params.tRef() / h);
        listRefractory();
        listMetered(vp.meterOf);
    }

    /**
     * Advances every neuron by {@code steps} steps from step {@code from}, the Poisson input first added
     * into the ring buffers: step by step over all of them when the VP has no dc input and the model can
     * ({@link #stepsAll}); otherwise neuron by neuron. The two give the same numbers.
     */
    final void update(VirtualProcess vp, long from, int steps) {
        if (!vp.poisson.isEmpty()) {
            vp.addPoisson(firstLocal, ids.length, from, steps, sumsInput());
        }
        if (vp.dc.isEmpty() && stepsAll()) {
            updateStepMajor(vp, from, steps);
        } else {
            updateNeuronMajor(vp, from, steps);
        }
    }

    /**
     * Step-major: the model's {@link #step} for every neuron (whose updates do not wait for each other as
     * one neuron's steps do, and which the JIT can vectorize), the refractory neurons' V held across it
     * and put back (far less reading and writing than a refractoriness test per neuron), then the
     * threshold.
     */
    private void updateStepMajor(VirtualProcess vp, long from, int steps) {
        final int ring = vp.ring;
        final double theta = params.vTh() - params.eL();
        final double reset = params.vReset() - params.eL();
        int listed = refractoryListSize;
        int slot = (int) (from % ring);
        for (int lag = 0; lag < steps; lag++, slot = slot + 1 == ring ? 0 : slot + 1) {
            holdRefractory(listed);
            step(vp, slot);
            listed = releaseRefractory(listed);
            listed = fireCrossed(vp, theta, reset, from + lag + 1, listed);
            if (metered.length > 0) {
                sampleMetered(vp, from + lag + 1);
            }
            stepMajorSteps++;
        }
        refractoryListSize = listed;
    }

    /** The neurons (indices in this population) that a multimeter samples; listed when the network is prepared. */
    private int[] metered = new int[0];

    /** Lists the neurons with a multimeter, from the VP's table of local neuron -> multimeter. */
    private void listMetered(int[] meterOf) {
        int k = 0;
        int[] list = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            if (meterOf[firstLocal + i] >= 0) {
                list[k++] = i;
            }
        }
        metered = java.util.Arrays.copyOf(list, k);
    }

    /** Step-major: the multimeters' samples at the end of a step, as the neuron-major update takes them. */
    private void sampleMetered(VirtualProcess vp, long stamp) {
        final double eL = params.eL();
        for (int i : metered) {
            vp.sample(vp.meterOf[firstLocal + i], ids[i], stamp, v[i] + eL, synapticEx(i), synapticIn(i));
        }
    }

    /** The excitatory synaptic current I_syn_ex (pA) of neuron i, 0 for delta synapses. */
    double synapticEx(int i) {
        return 0;
    }

    /** The inhibitory synaptic current I_syn_in (pA) of neuron i, 0 for delta synapses. */
    double synapticIn(int i) {
        return 0;
    }

    /** Whether the model has a step-major update (true unless overridden). */
    boolean stepsAll() {
        return true;
    }

    /** Whether the model sums excitatory and inhibitory input in one buffer (delta synapses). */
    boolean sumsInput() {
        return false;
    }

    /**
     * One step of every neuron's dynamics (V_min applied) with the input waiting in ring buffer slot
     * {@code slot}, which is emptied; the same arithmetic, in the same order, as the neuron-major update.
     */
    abstract void step(VirtualProcess vp, int slot);

    /** Neuron by neuron, each through all its steps, with device input and meters. */
    abstract void updateNeuronMajor(VirtualProcess vp, long from, int steps);

    /** Raises every V below V_min to it (a no-op with the default V_min of -inf). */
    final void clampToVMin() {
        final double vMin = params.vMin() - params.eL();
        if (vMin > Double.NEGATIVE_INFINITY) {
            final double[] vm = v;
            for (int i = 0; i < vm.length; i++) {
                if (vm[i] < vMin) {
                    vm[i] = vMin;
                }
            }
        }
    }

    /**
     * The names that can be read with {@link #get} and recorded by a multimeter: V_m, then I_syn_ex and
     * I_syn_in for models with synaptic currents ({@link #synapticEx}, {@link #synapticIn}).
     */
    abstract List<String> recordables();

    /** A recordable by NEST name (V_m in mV; synaptic currents in pA). */
    final double get(String name, int i) {
        return switch (recordableIndex(name)) {
            case 0 -> v[i] + params.eL();
            case 1 -> synapticEx(i);
            default -> synapticIn(i);
        };
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

    /** Lists the refractory neurons for the step-major update. */
    private void listRefractory() {
        refractoryListSize = 0;
        for (int i = 0; i < ids.length; i++) {
            if (refractory[i] > 0) {
                refractoryList[refractoryListSize++] = i;
            }
        }
    }

    /**
     * Step-major: before every neuron's V is advanced in one loop, the V of the listed refractory ones is
     * kept, to be put back by {@link #releaseRefractory}: far less reading and writing than a refractoriness
     * test per neuron.
     */
    final void holdRefractory(int listed) {
        final int[] list = refractoryList;
        final double[] hold = held;
        final double[] vm = v;
        for (int j = 0; j < listed; j++) {
            hold[j] = vm[list[j]];
        }
    }

    /** Puts back the held V of the listed neurons, counts their refractoriness down; returns how many stay listed. */
    final int releaseRefractory(int listed) {
        final int[] list = refractoryList;
        final double[] hold = held;
        final double[] vm = v;
        final double[] refr = refractory;
        int still = 0;
        for (int j = 0; j < listed; j++) {
            int i = list[j];
            vm[i] = hold[j];
            double r = refr[i] - 1;
            refr[i] = r;
            if (r > 0) {
                list[still++] = i;
            }
        }
        return still;
    }

    /**
     * Step-major: every neuron at or above the threshold spikes at this stamp, is reset and listed as
     * refractory; returns how many are listed.
     */
    final int fireCrossed(VirtualProcess vp, double theta, double reset, long stamp, int listed) {
        int k = scanCrossed(theta);
        return k == 0 ? listed : fire(vp, k, reset, stamp, listed);
    }

    private int scanCrossed(double theta) {
        final int[] hits = crossed;
        final double[] vm = v;
        int k = 0;
        for (int i = 0; i < vm.length; i++) {
            if (vm[i] >= theta) {
                hits[k++] = i;
            }
        }
        return k;
    }

    private int fire(VirtualProcess vp, int k, double reset, long stamp, int listed) {
        final int[] hits = crossed;
        final double[] vm = v;
        final double[] refr = refractory;
        final int counts = refractoryCounts;
        for (int h = 0; h < k; h++) {
            int i = hits[h];
            boolean listedAlready = refr[i] > 0; // only if V_m was set above threshold while refractory
            refr[i] = counts;
            vm[i] = reset;
            if (counts > 0 && !listedAlready) {
                refractoryList[listed++] = i;
            }
            fire(vp, i, stamp);
        }
        return listed;
    }

    /** Neuron i spikes at this stamp: the spike goes out, and to the VP's recorder if the neuron has one. */
    final void fire(VirtualProcess vp, int i, long stamp) {
        int id = ids[i];
        vp.emit(id, stamp);
        int r = vp.recorderOf[firstLocal + i];
        if (r >= 0) {
            vp.record(r, id, stamp);
        }
    }
}
