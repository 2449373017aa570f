package org.neurosweep.simulator.models;

import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.Params;

/**
 * A neuron model in NEST's four parts, for models integrated numerically (or by a formula of their own):
 * <ol>
 *   <li><b>parameters</b>: a record {@code P} read by {@link #parse} (defaults, validation) and written
 *       back by {@link #toMap};</li>
 *   <li><b>state</b>: named variables ({@link #state}), initial values from {@link #initialize};</li>
 *   <li><b>dynamics</b>: the right-hand side {@link #derivatives};</li>
 *   <li><b>update</b>: one resolution step, {@link #update}: integrate, add arriving input, refractoriness,
 *       threshold and reset, in the model's own order.</li>
 * </ol>
 * One instance per model, registered in the kernel's model registry; the kernel keeps the per-neuron
 * state and calls these parts. See docs/adding-a-model.md.
 *
 * @param <P> the parameter record
 */
public abstract class OdeModel<P> {
    private final String name;
    private final List<String> parameterNames;
    private final List<String> state;

    /**
     * @param name       the NEST name
     * @param parameters the parameter names (not the state)
     * @param state      the state variables, in the order of the state vector; all recordable and settable
     */
    protected OdeModel(String name, List<String> parameters, List<String> state) {
        this.name = name;
        this.parameterNames = List.copyOf(parameters);
        this.state = List.copyOf(state);
    }

    /** The NEST name. */
    public final String name() {
        return name;
    }

    /** The parameters (not the state). */
    public final List<String> parametersOnly() {
        return parameterNames;
    }

    /** The state variables, in the order of the state vector. */
    public final List<String> state() {
        return state;
    }

    /** What a multimeter can record: the state, unless a model chooses. */
    public List<String> recordables() {
        return state;
    }

    // ------------------------------------------------------------------ the four parts

    /** Part 1: the parameters from a dictionary (defaults for those not given), every value checked. */
    public abstract P parse(Params given);

    /** Part 1: the parameters by NEST name. */
    public abstract Map<String, Object> toMap(P p);

    /** Part 2: the initial state for these parameters (before values given at create are applied). */
    public abstract void initialize(P p, double[] y);

    /** Part 3: dy/dt at state y; the step gives the input current and refractoriness. */
    public abstract void derivatives(P p, double[] y, double[] dydt, OdeStep step);

    /** Part 4: advances one neuron's state y by one resolution step. */
    public abstract void update(P p, double[] y, OdeStep step);

    /** The integrator of a population with these parameters; NEST's default: absolute 1e-3, relative 0. */
    public Rkf45 integrator(P p) {
        return Rkf45.yControl(state.size(), 1e-3, 0);
    }

    /** Whether excitatory and inhibitory input arrive summed (models whose input jumps V directly). */
    public boolean sumsInput() {
        return false;
    }

    /** Whether each arriving spike counts one, whatever its weight (parrot_neuron). */
    public boolean countsSpikes() {
        return false;
    }

    /** Checks a state value set at create or with SetStatus (finite already checked); by default any value. */
    public void checkState(P p, String variable, double value) {
    }

    /** How many steps a refractory period lasts, as NEST counts them: t_ref rounded to 1 µs, then up to whole steps. */
    public static int refractorySteps(double tRef, double h) {
        long tics = Math.round(tRef * 1000);
        long step = Math.round(h * 1000);
        return (int) ((tics + step - 1) / step);
    }
}
