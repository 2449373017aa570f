package org.neurosweep.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.models.OdeModel;

/** The kernel's side of an {@link OdeModel}: its registry entry, parameter setups and populations. */
final class OdeNeuron<P> implements NeuronModel {
    final OdeModel<P> model;

    OdeNeuron(OdeModel<P> model) {
        this.model = model;
    }

    /** Parameters and the initial state given at create: one population's identity. */
    record Setup<P>(P parameters, List<Double> initial) {
    }

    @Override
    public String name() {
        return model.name();
    }

    /** Parameters and state names: what create accepts. */
    @Override
    public List<String> parameterNames() {
        List<String> all = new ArrayList<>(model.parametersOnly());
        all.addAll(model.state());
        return all;
    }

    @Override
    public List<String> stateNames() {
        return model.state();
    }

    @Override
    public List<String> recordables() {
        return model.recordables();
    }

    @Override
    public Object parameters(Map<String, ?> given) {
        Params p = new Params(model.name(), given, parameterNames());
        P params = model.parse(p);
        double[] y = new double[model.state().size()];
        model.initialize(params, y);
        List<Double> initial = new ArrayList<>();
        for (int k = 0; k < y.length; k++) {
            String s = model.state().get(k);
            double v = p.number(s, y[k]);
            if (!Double.isFinite(v)) {
                throw new BadParameterException(model.name() + ": " + s + " = " + v + " must be finite");
            }
            model.checkState(params, s, v);
            initial.add(v);
        }
        return new Setup<>(params, List.copyOf(initial));
    }

    /** The parameters with NEST-named changes (no state), checked as at create; the initial state kept. */
    Setup<P> with(Setup<P> setup, Map<String, ?> changes) {
        Map<String, Object> m = new LinkedHashMap<>(model.toMap(setup.parameters()));
        m.putAll(changes);
        return new Setup<>(model.parse(new Params(model.name(), m, model.parametersOnly())), setup.initial());
    }

    @Override
    public Population population(Object parameters, int firstLocal, int[] ids) {
        @SuppressWarnings("unchecked")
        Setup<P> s = (Setup<P>) parameters;
        return new OdePopulation<>(this, s, firstLocal, ids);
    }
}
