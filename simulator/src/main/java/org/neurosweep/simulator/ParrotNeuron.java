package org.neurosweep.simulator;

import java.util.List;
import java.util.Map;

/**
 * parrot_neuron: repeats every spike it receives, one step later (its delay is the connection's), as
 * many times as spikes arrived; the weights of incoming connections are ignored (stored as 1). No state,
 * no refractoriness: useful to turn one generator's train into identical input for many neurons.
 */
final class ParrotNeuron extends OdeModel<ParrotNeuron.P> {
    static final String NAME = "parrot_neuron";
    static final ParrotNeuron MODEL = new ParrotNeuron();

    /** Part 1: no parameters. */
    record P() {
    }

    private ParrotNeuron() {
        super(NAME, List.of(), List.of());
    }

    @Override
    P parse(Params given) {
        return new P();
    }

    @Override
    Map<String, Object> toMap(P p) {
        return Map.of();
    }

    /** Part 2: no state. */
    @Override
    void initialize(P p, double[] y) {
    }

    /** Part 3: no dynamics. */
    @Override
    void derivatives(P p, double[] y, double[] dydt, OdeStep step) {
    }

    /** Part 4: every spike that arrived this step goes out again. */
    @Override
    void update(P p, double[] y, OdeStep step) {
        long n = Math.round(step.ex);
        for (long k = 0; k < n; k++) {
            step.spike();
        }
    }

    @Override
    Rkf45 integrator(P p) {
        return null;
    }

    @Override
    boolean sumsInput() {
        return true;
    }

    @Override
    boolean countsSpikes() {
        return true;
    }
}
