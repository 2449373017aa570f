package org.neurosweep.nef;

/**
 * Records a node's output or an ensemble's decoded value (decoders of its own, as Nengo), filtered by an
 * optional lowpass synapse, every {@code sampleEvery} seconds (a multiple of dt).
 */
public final class Probe {
    final Object target;
    final double synapse;
    final double sampleEvery;

    Probe(Object target, double synapse, double sampleEvery) {
        if (!(synapse >= 0)) {
            throw new NefException("probe on " + target + ": synapse " + synapse + " s must be >= 0");
        }
        this.target = target;
        this.synapse = synapse;
        this.sampleEvery = sampleEvery;
    }
}
