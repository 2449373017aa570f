package org.neurosweep.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurosweep.simulator.models.OdeModel;
import org.neurosweep.simulator.models.OdeStep;
import org.neurosweep.simulator.models.Rkf45;

/**
 * A population of an {@link OdeModel}: each neuron's state vector, refractory count, current and
 * integration step size; updated neuron by neuron, each through the slice's steps.
 */
final class OdePopulation<P> extends Population implements Rkf45.Rhs {
    private final OdeNeuron<P> neuron;
    private final OdeModel<P> m;
    private final OdeNeuron.Setup<P> setup;
    private final P p;
    private final int dim;
    /** State vectors, neuron after neuron. */
    private final double[] y;
    private final int[] refractory;
    private final double[] current;
    private final double[] integrationStep;
    private final double[] scratch;
    private final OdeStep step = new OdeStep();

    OdePopulation(OdeNeuron<P> neuron, OdeNeuron.Setup<P> setup, int firstLocal, int[] ids) {
        super(neuron.name(), firstLocal, ids);
        this.neuron = neuron;
        this.m = neuron.model;
        this.setup = setup;
        this.p = setup.parameters();
        this.dim = m.state().size();
        int n = ids.length;
        y = new double[n * dim];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) {
                y[i * dim + k] = setup.initial().get(k);
            }
        }
        refractory = new int[n];
        current = new double[n];
        integrationStep = new double[n];
        scratch = new double[dim];
        step.rhs = this;
    }

    @Override
    Object parameters() {
        return setup;
    }

    @Override
    Population extendedBy(int[] more) {
        OdePopulation<P> q = new OdePopulation<>(neuron, setup, firstLocal, concat(ids, more));
        copy(q, 0, 0, ids.length);
        return q;
    }

    @Override
    Population slice(int from, int to, Object newParameters) {
        @SuppressWarnings("unchecked")
        OdeNeuron.Setup<P> s = (OdeNeuron.Setup<P>) newParameters;
        OdePopulation<P> q = new OdePopulation<>(neuron, s, firstLocal + from, java.util.Arrays.copyOfRange(ids, from, to));
        copy(q, from, 0, to - from);
        return q;
    }

    private void copy(OdePopulation<P> q, int from, int to, int n) {
        System.arraycopy(y, from * dim, q.y, to * dim, n * dim);
        System.arraycopy(refractory, from, q.refractory, to, n);
        System.arraycopy(current, from, q.current, to, n);
        System.arraycopy(integrationStep, from, q.integrationStep, to, n);
    }

    @Override
    Object withParameters(Map<String, ?> changes) {
        return neuron.with(setup, changes);
    }

    @Override
    List<String> stateNames() {
        return m.state();
    }

    @Override
    void setState(String name, int i, double value) {
        int k = m.state().indexOf(name);
        if (k < 0) {
            throw new UnknownNameException(model + " has no state '" + name + "'; its state: " + m.state());
        }
        m.checkState(p, name, value);
        y[i * dim + k] = value;
    }

    @Override
    List<String> recordables() {
        return m.recordables();
    }

    @Override
    public double get(String name, int i) {
        int k = m.state().indexOf(name);
        if (k >= 0) {
            return y[i * dim + k];
        }
        Object v = m.toMap(p).get(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new UnknownNameException(model + " has no parameter or state '" + name + "'; parameters: "
                + m.parametersOnly() + ", state: " + m.state());
    }

    @Override
    Map<String, Object> status(int i) {
        Map<String, Object> s = new LinkedHashMap<>(m.toMap(p));
        for (int k = 0; k < dim; k++) {
            s.put(m.state().get(k), y[i * dim + k]);
        }
        return s;
    }

    @Override
    boolean sumsInput() {
        return m.sumsInput();
    }

    @Override
    boolean countsSpikes() {
        return m.countsSpikes();
    }

    @Override
    void prepare(VirtualProcess vp, double h) {
        step.h = h;
        step.solver = m.integrator(p);
        for (int i = 0; i < ids.length; i++) {
            if (!(integrationStep[i] > 0)) {
                integrationStep[i] = h; // NEST starts each neuron's integration with a step of h
            }
        }
    }

    @Override
    public void derivatives(double t, double[] state, double[] dydt) {
        m.derivatives(p, state, dydt, step);
    }

    @Override
    void update(VirtualProcess vp, long from, int steps) {
        final boolean summed = m.sumsInput();
        if (!vp.poisson.isEmpty()) {
            vp.addPoisson(firstLocal, ids.length, from, steps, summed);
        }
        final boolean anyDc = !vp.dc.isEmpty();
        final boolean anyMeter = !vp.meters.isEmpty();
        final double[] s = scratch;
        final OdeStep st = step;
        for (int i = 0; i < ids.length; i++) {
            final int local = firstLocal + i;
            final boolean metered = anyMeter && vp.meterOf[local] >= 0;
            vp.takeInput(local, from, steps, summed);
            final boolean dc = anyDc && vp.dcSlice(local, from, steps);
            System.arraycopy(y, i * dim, s, 0, dim);
            st.r = refractory[i];
            st.integrationStep[0] = integrationStep[i];
            double cur = current[i];
            for (int lag = 0; lag < steps; lag++) {
                final long stamp = from + lag + 1;
                st.ex = vp.inputEx[lag];
                st.in = summed ? 0 : vp.inputIn[lag];
                st.current = cur;
                st.spikes = 0;
                m.update(p, s, st);
                for (int k = 0; k < st.spikes; k++) {
                    fire(vp, i, stamp);
                }
                cur = dc ? vp.sliceCurrent[lag] : 0;
                if (metered) {
                    System.arraycopy(s, 0, y, i * dim, dim);
                    vp.sample(vp.meterOf[local], this, i, stamp);
                }
            }
            System.arraycopy(s, 0, y, i * dim, dim);
            refractory[i] = st.r;
            integrationStep[i] = st.integrationStep[0];
            current[i] = cur;
        }
    }
}
