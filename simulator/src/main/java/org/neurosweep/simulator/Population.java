package org.neurosweep.simulator;

import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.devices.Recordables;

/**
 * The neurons of one model and parameter set that live on one VP: of one create call, or of consecutive
 * create calls of the same model and parameters (one loop over their neurons; CUBA's excitatory and
 * inhibitory neurons, for instance). Local indices {@code firstLocal .. firstLocal + size - 1} of the VP.
 *
 * <p>Parameters belong to the population, state to each neuron. Changing a parameter of some neurons
 * (NEST's SetStatus) slices the population into runs that share parameters ({@link #slice}), so the
 * update loops stay per parameter set.
 */
abstract class Population implements Recordables {
    final String model;
    final int firstLocal;
    final int[] ids;

    Population(String model, int firstLocal, int[] ids) {
        this.model = model;
        this.firstLocal = firstLocal;
        this.ids = ids;
    }

    final int size() {
        return ids.length;
    }

    /** The parameter set shared by the population's neurons; equal sets let consecutive populations merge. */
    abstract Object parameters();

    /** A new population of this model and parameters: its own neurons, then {@code more} (fresh), with their state. */
    abstract Population extendedBy(int[] more);

    /**
     * Neurons {@code from .. to - 1} as a population of their own, with their state, starting at local
     * index {@code firstLocal + from}, with parameters {@code newParameters} (from {@link #withParameters}
     * or {@link #parameters}).
     */
    abstract Population slice(int from, int to, Object newParameters);

    /**
     * This population's parameters with NEST-named changes, validated as at create (state names in
     * {@code changes} are skipped: {@link #setState} takes them).
     */
    abstract Object withParameters(Map<String, ?> changes);

    /** The state variables SetStatus may change (V_m and, per model, more). */
    abstract List<String> stateNames();

    /** Sets one neuron's state variable, validated. */
    abstract void setState(String name, int i, double value);

    /** What a multimeter can record, by NEST name. */
    abstract List<String> recordables();

    /** A recordable, state variable or parameter of neuron i, by NEST name, in NEST's units. */
    @Override
    public abstract double get(String name, int i);

    /** Every parameter and state variable of neuron i, by NEST name (GetStatus). */
    abstract Map<String, Object> status(int i);

    /**
     * Whether this model's update can read only the neurons listed in {@link VirtualProcess#touched}: the
     * VP then keeps the lists, and delivery fills them.
     */
    boolean usesTouchedLists() {
        return false;
    }

    /** Whether the model takes excitatory and inhibitory input summed in one buffer (delta synapses, izhikevich). */
    boolean sumsInput() {
        return false;
    }

    /**
     * Whether a connection's weight is ignored and each arriving spike counts one (parrot_neuron); weights
     * to such a neuron are stored as 1.
     */
    boolean countsSpikes() {
        return false;
    }

    /** Before a simulation of a changed network, on its VP: propagators, lists, integrators. */
    abstract void prepare(VirtualProcess vp, double h);

    /** Advances every neuron by {@code steps} steps from step {@code from}. */
    abstract void update(VirtualProcess vp, long from, int steps);

    /** Neuron i spikes at this stamp: the spike goes out, and to the VP's recorder if the neuron has one. */
    final void fire(VirtualProcess vp, int i, long stamp) {
        int id = ids[i];
        vp.emit(id, stamp);
        if (vp.archiving && vp.history.keeps(firstLocal + i)) {
            vp.history.spike(firstLocal + i, stamp);
        }
        int r = vp.recorderOf[firstLocal + i];
        if (r >= 0) {
            vp.record(r, id, stamp);
        }
    }

    /** The index of a recordable, or an error naming the model's recordables. */
    final int recordableIndex(String name) {
        int k = recordables().indexOf(name);
        if (k < 0) {
            throw new UnknownNameException(model + " has no recordable '" + name + "'; recordables: " + recordables());
        }
        return k;
    }

    static int[] concat(int[] a, int[] b) {
        int[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
