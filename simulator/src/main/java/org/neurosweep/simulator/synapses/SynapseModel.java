package org.neurosweep.simulator.synapses;

import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.Params;
import org.neurosweep.simulator.Resolution;

/**
 * A plastic synapse model in NEST's parts: parameters (one record per connect call), the state every
 * synapse of one source shares (its presynaptic trace: it changes only with that source's spikes), and
 * what a spike does ({@link #beforeSpike}, {@link #sendAll} through its synapses, {@link #afterSpike}). Weights are per
 * synapse. Registered in {@link Synapses}; updated on the target's VP, during delivery, in the canonical
 * spike order, so weights are the same for any number of threads and VPs.
 *
 * @param <P> the parameter record
 */
public abstract class SynapseModel<P> {
    private final String name;
    private final List<String> parameterNames;

    protected SynapseModel(String name, List<String> parameterNames) {
        this.name = name;
        this.parameterNames = List.copyOf(parameterNames);
    }

    public final String name() {
        return name;
    }

    /** The parameters a synapse specification may give, besides weight and delay. */
    public final List<String> parameterNames() {
        return parameterNames;
    }

    /** Parameters from a dictionary, defaults filled in, every value checked. */
    public abstract P parse(Params given);

    /** Parameters by NEST name. */
    public abstract Map<String, Object> toMap(P p);

    /** Checks a parameter dictionary (before any connection is made). */
    public final P check(Map<String, ?> given) {
        return parse(new Params(name, given, parameterNames));
    }

    /** Checks one synapse's weight against the parameters (e.g. its sign against Wmax's). */
    public void checkWeight(P p, double weight) {
    }

    /** How many numbers of state each source's synapses share. */
    public abstract int sourceStateSize();

    /** The shared state of a source's synapses before its first spike. */
    public abstract void initSource(P p, double[] s, int at);

    /** Whether the rule reads its targets' spike histories (pair-based STDP). */
    public boolean usesPostHistory() {
        return false;
    }

    /** A spike of the source at {@code t} ms (step {@code stamp}), before it reaches the source's synapses. */
    public void beforeSpike(P p, double[] s, int at, long stamp, double t) {
    }

    /**
     * What one group of synapses (a connect call's synapses on one VP) may keep to speed up {@link #sendAll}:
     * made once when the group is laid out, used only by the VP's own thread. Null by default.
     */
    public Object groupCache(P p, Resolution r) {
        return null;
    }

    /**
     * A spike of the source at step {@code stamp} through its synapses {@code from .. to - 1} (local targets
     * and delays in steps by synapse; a rule may change {@code weights[j]} first): {@code sent[j - from]}
     * becomes the weight synapse j delivers the spike with. {@code s[at..]} is the source's shared state,
     * {@code post} the targets' histories (null unless {@link #usesPostHistory}), {@code cache} the group's
     * {@link #groupCache}. What the synapses share is done once here, not per synapse.
     */
    public abstract void sendAll(P p, Object cache, double[] weights, int from, int to, int[] targets, char[] delays, double[] s,
                                 int at, long stamp, PostHistory post, Resolution r, double[] sent);

    /** After the spike reached every synapse of the source. */
    public abstract void afterSpike(P p, double[] s, int at, long stamp, double t, Resolution r);
}
