package org.neurosweep.simulator;

import java.util.Map;

/**
 * A synapse specification: the synapse model (NEST's name; {@code static_synapse} by default, or a
 * plastic one: {@code stdp_synapse}, {@code tsodyks2_synapse}), its weight (mV for iaf_psc_delta, pA for
 * the current-based models, nS for the conductance-based ones; a factor for current generators), its
 * delay (ms, a whole number of resolution steps, at least one step) and the model's own parameters.
 */
public record SynSpec(Distribution weight, Distribution delay, String model, Map<String, ?> params) {
    public static final String STATIC = "static_synapse";
    /** NEST's defaults: static_synapse, weight 1, delay 1 ms. */
    public static final SynSpec DEFAULT = new SynSpec(Distribution.constant(1.0), Distribution.constant(1.0));

    public SynSpec {
        if (weight == null || delay == null) {
            throw new BadParameterException("a synapse needs a weight and a delay");
        }
        model = model == null ? STATIC : model;
        params = params == null ? Map.of() : Map.copyOf(params);
        if (!model.equals(STATIC) && Synapses.model(model) == null) {
            throw new UnknownNameException("unknown synapse model '" + model + "'; synapse models: " + Synapses.names());
        }
        Map<String, Object> own = new java.util.HashMap<>(params);
        Object receptor = own.remove(RECEPTOR);
        if (receptor != null && !(receptor instanceof Integer r && (r == 0 || r == 1))) {
            throw new BadParameterException("receptor_type = " + receptor + "; allowed: 0, or 1 (a parrot_neuron's port that"
                    + " does not repeat)");
        }
        Object recorder = own.remove(WEIGHT_RECORDER);
        if (recorder != null && !(recorder instanceof Integer)) {
            throw new BadParameterException("weight_recorder = " + recorder + " must be the node id of a weight_recorder");
        }
        if (model.equals(STATIC) && !own.isEmpty()) {
            throw new UnknownNameException("static_synapse has no parameters besides weight, delay and receptor_type; got "
                    + own.keySet());
        }
        if (!model.equals(STATIC)) {
            Synapses.model(model).check(own); // bad values refused before anything connects
        }
    }

    /** The port of the target the synapse arrives at (NEST's receptor_type; default 0). */
    static final String RECEPTOR = "receptor_type";
    /** A weight_recorder that logs every spike's weight through a plastic synapse (NEST's syn_spec key). */
    static final String WEIGHT_RECORDER = "weight_recorder";

    int receptor() {
        return params.get(RECEPTOR) instanceof Integer r ? r : 0;
    }

    /** The weight_recorder's node id, or 0 for none. */
    int weightRecorder() {
        return params.get(WEIGHT_RECORDER) instanceof Integer r ? r : 0;
    }

    /** The synapse model's own parameters (without receptor_type and weight_recorder). */
    Map<String, Object> modelParams() {
        Map<String, Object> own = new java.util.HashMap<>(params);
        own.remove(RECEPTOR);
        own.remove(WEIGHT_RECORDER);
        return own;
    }

    /** A static synapse. */
    public SynSpec(Distribution weight, Distribution delay) {
        this(weight, delay, STATIC, Map.of());
    }

    public static SynSpec of(double weight, double delayMs) {
        return new SynSpec(Distribution.constant(weight), Distribution.constant(delayMs));
    }

    public static SynSpec of(Distribution weight, Distribution delayMs) {
        return new SynSpec(weight, delayMs);
    }

    /** A synapse of a named model with its parameters (NEST names), e.g. {@code stdp_synapse} with {@code Wmax}. */
    public static SynSpec of(String model, double weight, double delayMs, Map<String, ?> params) {
        return new SynSpec(Distribution.constant(weight), Distribution.constant(delayMs), model, params);
    }

    boolean isStatic() {
        return model.equals(STATIC);
    }
}
