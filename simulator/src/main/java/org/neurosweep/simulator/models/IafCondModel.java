package org.neurosweep.simulator.models;

import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.Params;

/**
 * What iaf_cond_exp and iaf_cond_alpha share: parts 1 and 2, their parameters ({@link IafCondParams}) and
 * initial state (V_m at E_L's default -70 mV, no conductance; V_m first in the state vector). Each model
 * adds its synapses' dynamics and its update order.
 */
abstract class IafCondModel extends OdeModel<IafCondParams> {
    /** Index of V_m in the state vector. */
    static final int V = 0;

    IafCondModel(String name, List<String> state) {
        super(name, IafCondParams.NAMES, state);
    }

    @Override
    public final IafCondParams parse(Params given) {
        return IafCondParams.parse(name(), given);
    }

    @Override
    public final Map<String, Object> toMap(IafCondParams p) {
        return p.toMap();
    }

    @Override
    public final void initialize(IafCondParams p, double[] y) {
        y[V] = -70.0;
    }
}
