package org.neurosweep.nef;

/**
 * Records a node's output or an ensemble's decoded value (decoders of its own, as Nengo), filtered by an
 * optional lowpass synapse, every {@code sampleEvery} seconds (a multiple of dt).
 */
public final class Probe {
    final Object target;
    final double synapse;
    final double sampleEvery;
    final int index;

    Probe(Object target, double synapse, double sampleEvery, int index) {
        if (!(synapse >= 0) || Double.isInfinite(synapse)) {
            throw new NefException("probe on " + target + ": synapse " + synapse + " s must be a number >= 0 (0 for none)");
        }
        if (!(sampleEvery >= 0) || Double.isInfinite(sampleEvery)) {
            throw new NefException("probe on " + target + ": sample_every " + sampleEvery + " s must be a number >= 0 (0 for every step)");
        }
        this.target = target;
        this.synapse = synapse;
        this.sampleEvery = sampleEvery;
        this.index = index;
    }
}
