package org.neurosweep.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * One instance per model; populations ({@link OdePopulation}) hold the per-neuron state. See
 * docs/adding-a-model.md.
 *
 * @param <P> the parameter record
 */
abstract class OdeModel<P> implements NeuronModel {
    private final String name;
    private final List<String> parameterNames;
    private final List<String> state;

    /**
     * @param name       the NEST name
     * @param parameters the parameter names (not the state)
     * @param state      the state variables, in the order of the state vector; all recordable and settable
     */
    OdeModel(String name, List<String> parameters, List<String> state) {
        this.name = name;
        this.parameterNames = List.copyOf(parameters);
        this.state = List.copyOf(state);
    }

    @Override
    public final String name() {
        return name;
    }

    /** Parameters and state names: what create accepts. */
    @Override
    public final List<String> parameterNames() {
        List<String> all = new ArrayList<>(parameterNames);
        all.addAll(state);
        return all;
    }

    /** The parameters alone. */
    final List<String> parametersOnly() {
        return parameterNames;
    }

    /** The state variables, in the order of the state vector. */
    final List<String> state() {
        return state;
    }

    @Override
    public List<String> recordables() {
        return state;
    }

    // ------------------------------------------------------------------ the four parts

    /** Part 1: the parameters from a dictionary (defaults for those not given), every value checked. */
    abstract P parse(Params given);

    /** Part 1: the parameters by NEST name. */
    abstract Map<String, Object> toMap(P p);

    /** Part 2: the initial state for these parameters (before values given at create are applied). */
    abstract void initialize(P p, double[] y);

    /** Part 3: dy/dt at state y; the step gives the input current and refractoriness. */
    abstract void derivatives(P p, double[] y, double[] dydt, OdeStep step);

    /** Part 4: advances one neuron's state y by one resolution step. */
    abstract void update(P p, double[] y, OdeStep step);

    /** The integrator of a population with these parameters; NEST's default: absolute 1e-3, relative 0. */
    Rkf45 integrator(P p) {
        return Rkf45.yControl(state.size(), 1e-3, 0);
    }

    /** Whether excitatory and inhibitory input arrive summed (models whose input jumps V directly). */
    boolean sumsInput() {
        return false;
    }

    /** Whether each arriving spike counts one, whatever its weight (parrot_neuron). */
    boolean countsSpikes() {
        return false;
    }

    /** Checks a state value set with SetStatus (finite already checked); by default any value. */
    void checkState(P p, String variable, double value) {
    }

    // ------------------------------------------------------------------ the kernel's side

    /** Parameters and the initial state given at create: one population's identity. */
    record Setup<P>(P parameters, List<Double> initial) {
    }

    @Override
    public final Object parameters(Map<String, ?> given) {
        Params p = new Params(name, given, parameterNames());
        P params = parse(p);
        double[] y = new double[state.size()];
        initialize(params, y);
        List<Double> initial = new ArrayList<>();
        for (int k = 0; k < y.length; k++) {
            double v = p.number(state.get(k), y[k]);
            if (!Double.isFinite(v)) {
                throw new BadParameterException(name + ": " + state.get(k) + " = " + v + " must be finite");
            }
            checkState(params, state.get(k), v);
            initial.add(v);
        }
        return new Setup<>(params, List.copyOf(initial));
    }

    /** The parameters with NEST-named changes, checked as at create; the initial state kept. */
    final Setup<P> with(Setup<P> setup, Map<String, ?> changes) {
        Map<String, Object> m = new LinkedHashMap<>(toMap(setup.parameters()));
        m.putAll(changes);
        for (String s : state) {
            if (m.containsKey(s)) {
                throw new IllegalStateException(s + " is state");
            }
        }
        return new Setup<>(parse(new Params(name, m, parameterNames)), setup.initial());
    }

    @Override
    public final Population population(Object parameters, int firstLocal, int[] ids) {
        @SuppressWarnings("unchecked")
        Setup<P> s = (Setup<P>) parameters;
        return new OdePopulation<>(this, s, firstLocal, ids);
    }

    /** How many steps a refractory period lasts, as NEST counts them: t_ref rounded to 1 µs, then up to whole steps. */
    static int refractorySteps(double tRef, double h) {
        long tics = Math.round(tRef * 1000);
        long step = Math.round(h * 1000);
        return (int) ((tics + step - 1) / step);
    }
}
