package org.neurosweep.simulator.models;

import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.Params;

/**
 * parrot_neuron: repeats every spike it receives, one step later (its delay is the connection's), as
 * many times as spikes arrived; the weights of incoming connections are ignored (stored as 1). No state,
 * no refractoriness: useful to turn one generator's train into identical input for many neurons.
 */
public final class ParrotNeuron extends OdeModel<ParrotNeuron.P> {
    public static final String NAME = "parrot_neuron";
    public static final ParrotNeuron MODEL = new ParrotNeuron();

    /** Part 1: no parameters. */
    public record P() {
    }

    private ParrotNeuron() {
        super(NAME, List.of(), List.of());
    }

    @Override
    public P parse(Params given) {
        return new P();
    }

    @Override
    public Map<String, Object> toMap(P p) {
        return Map.of();
    }

    /** Part 2: no state. */
    @Override
    public void initialize(P p, double[] y) {
    }

    /** Part 3: no dynamics. */
    @Override
    public void derivatives(P p, double[] y, double[] dydt, OdeStep step) {
    }

    /** Part 4: every spike that arrived this step goes out again. */
    @Override
    public void update(P p, double[] y, OdeStep step) {
        long n = Math.round(step.ex);
        for (long k = 0; k < n; k++) {
            step.spike();
        }
    }

    @Override
    public Rkf45 integrator(P p) {
        return null;
    }

    @Override
    public boolean sumsInput() {
        return true;
    }

    @Override
    public boolean countsSpikes() {
        return true;
    }
}
