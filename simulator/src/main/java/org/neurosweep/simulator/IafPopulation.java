package org.neurosweep.simulator;

import java.util.List;
import java.util.Map;

/**
 * A population of one of the iaf_psc models (linear, exactly integrated), as structure-of-arrays state:
 * the fast paths. V is kept relative to E_L.
 */
abstract class IafPopulation extends Population {
    final NeuronParams params;
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

    IafPopulation(String model, NeuronParams params, int firstLocal, int[] ids) {
        super(model, firstLocal, ids);
        this.params = params;
        this.refractory = new double[ids.length];
        this.v = new double[ids.length];
        this.y0 = new double[ids.length];
        java.util.Arrays.fill(v, params.vM() - params.eL());
        this.refractoryList = new int[ids.length];
        this.held = new double[ids.length];
        this.crossed = new int[ids.length];
    }

    /** The registry entry of an iaf_psc model: its name, recordables and constructor. */
    record Model(String name, List<String> recordables, Maker maker) implements NeuronModel {
        @Override
        public List<String> parameterNames() {
            return NeuronParams.names(name);
        }

        @Override
        public List<String> stateNames() {
            return List.of("V_m");
        }

        @Override
        public Object parameters(Map<String, ?> given) {
            return NeuronParams.parse(name, given);
        }

        @Override
        public Population population(Object parameters, int firstLocal, int[] ids) {
            return maker.make((NeuronParams) parameters, firstLocal, ids);
        }
    }

    /** An iaf_psc population's constructor. */
    interface Maker {
        IafPopulation make(NeuronParams params, int firstLocal, int[] ids);
    }

    /** A new, fresh population of this model with these parameters and neurons, starting at local index firstLocal. */
    abstract IafPopulation make(NeuronParams params, int firstLocal, int[] ids);

    @Override
    Object parameters() {
        return params;
    }

    /** The model's own per-neuron state arrays, beyond V, the refractory count and y0. */
    abstract double[][] modelState();

    @Override
    final Population extendedBy(int[] more) {
        IafPopulation p = make(params, firstLocal, concat(ids, more));
        copyState(p, 0, 0, ids.length);
        return p;
    }

    @Override
    final Population slice(int from, int to, Object newParams) {
        NeuronParams np = (NeuronParams) newParams;
        IafPopulation p = make(np, firstLocal + from, java.util.Arrays.copyOfRange(ids, from, to));
        copyState(p, from, 0, to - from);
        // V is kept relative to E_L: a new E_L keeps the absolute V_m, as NEST keeps V_m when E_L is set
        double shift = params.eL() - np.eL();
        if (shift != 0) {
            for (int i = 0; i < p.v.length; i++) {
                p.v[i] += shift;
            }
        }
        return p;
    }

    /** Copies n neurons' state from index {@code from} of this population to index {@code to} of p. */
    private void copyState(IafPopulation p, int from, int to, int n) {
        System.arraycopy(refractory, from, p.refractory, to, n);
        System.arraycopy(v, from, p.v, to, n);
        System.arraycopy(y0, from, p.y0, to, n);
        double[][] a = modelState();
        double[][] b = p.modelState();
        for (int k = 0; k < a.length; k++) {
            System.arraycopy(a[k], from, b[k], to, n);
        }
    }

    /** Computes the model's propagators for resolution h (ms). */
    abstract void prepare(double h);

    /**
     * Before a simulation of a changed network, on its VP: the propagators, the refractory neurons and the
     * metered ones for the step-major update. Which update a population takes changes only with the
     * network (dc input connected), and so only after this has run: a neuron-major update, which counts
     * refractoriness down without the list, is never followed by a step-major one on a stale list.
     */
    @Override
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
    @Override
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
     * The names that can be recorded by a multimeter: V_m, then I_syn_ex and I_syn_in for models with
     * synaptic currents ({@link #synapticEx}, {@link #synapticIn}).
     */
    @Override
    abstract List<String> recordables();

    /** A recordable (V_m in mV; synaptic currents in pA), or a parameter, by NEST name. */
    @Override
    public final double get(String name, int i) {
        return switch (recordables().indexOf(name)) {
            case 0 -> v[i] + params.eL();
            case 1 -> synapticEx(i);
            case 2 -> synapticIn(i);
            default -> params.value(model, name);
        };
    }

    @Override
    Map<String, Object> status(int i) {
        Map<String, Object> m = params.toMap(model);
        for (String r : recordables()) {
            m.put(r, get(r, i));
        }
        return m;
    }

    @Override
    List<String> stateNames() {
        return List.of("V_m");
    }

    @Override
    Object withParameters(Map<String, ?> changes) {
        return params.with(model, changes);
    }

    @Override
    void setState(String name, int i, double value) {
        if (!name.equals("V_m")) {
            throw new UnknownNameException(model + " has no state '" + name + "' to set; its state: " + stateNames());
        }
        if (!Double.isFinite(value)) {
            throw new BadParameterException(model + ": V_m = " + value + " mV must be finite");
        }
        v[i] = value - params.eL();
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

}
