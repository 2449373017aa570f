package org.neurosweep.simulator;

/**
 * What an {@link OdeModel}'s update and right-hand side see of one neuron's step: the input arriving,
 * the current, the refractory count, the integrator with the neuron's own step size, and where to
 * report spikes. One per population, reused for every neuron and step.
 */
final class OdeStep {
    /** The resolution h (ms). */
    double h;
    /** Summed weights of the spikes arriving this step with weight &gt;= 0 (all of them if the model sums input). */
    double ex;
    /** Summed weights of the spikes arriving this step with weight &lt; 0 (negative; 0 if the model sums input). */
    double in;
    /** The current input (pA) for this step (NEST's I_stim: what current generators sent the step before). */
    double current;
    /** Refractory steps left; the model counts it. */
    int r;
    /** Whether the right-hand side sees a refractory neuron (models set it before integrating). */
    boolean refractory;
    /** Spikes emitted in this step. */
    int spikes;
    /** The time (ms) within the step at which the last spike was emitted (models that spike mid-step). */
    double spikeOffset;

    Rkf45 solver;
    Rkf45.Rhs rhs;
    /** The neuron's integration step size (ms), carried from step to step as NEST does. */
    final double[] integrationStep = new double[1];

    /** Integrates the neuron's state over the whole step. */
    void integrate(double[] y) {
        solver.integrate(rhs, y, h, integrationStep);
    }

    /** One accepted integration step from t (ms into the step); returns the new t (at most h). */
    double evolve(double[] y, double t) {
        return solver.evolve(rhs, y, t, h, integrationStep);
    }

    /** The neuron emits a spike in this step. */
    void spike() {
        spikes++;
    }
}
