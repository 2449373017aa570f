package org.neurosweep.simulator;

/**
 * A static synapse: weight (mV for iaf_psc_delta, pA for the current-based models; a factor for
 * dc_generator current) and delay (ms, a whole number of resolution steps, at least one step).
 */
public record SynSpec(Distribution weight, Distribution delay) {
    /** NEST's defaults: weight 1, delay 1 ms. */
    public static final SynSpec DEFAULT = new SynSpec(Distribution.constant(1.0), Distribution.constant(1.0));

    public SynSpec {
        if (weight == null || delay == null) {
            throw new BadParameterException("a synapse needs a weight and a delay");
        }
    }

    public static SynSpec of(double weight, double delayMs) {
        return new SynSpec(Distribution.constant(weight), Distribution.constant(delayMs));
    }

    public static SynSpec of(Distribution weight, Distribution delayMs) {
        return new SynSpec(weight, delayMs);
    }
}
