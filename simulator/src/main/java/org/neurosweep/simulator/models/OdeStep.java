package org.neurosweep.simulator.models;

/**
 * What an {@link OdeModel}'s update and right-hand side see of one neuron's step: the input arriving,
 * the current, the refractory count, the integrator with the neuron's own step size, and where to
 * report spikes. One per population, reused for every neuron and step.
 */
public final class OdeStep {
    /** The resolution h (ms). */
    public double h;
    /** Summed weights of the spikes arriving this step with weight &gt;= 0 (all of them if the model sums input). */
    public double ex;
    /** Summed weights of the spikes arriving this step with weight &lt; 0 (negative; 0 if the model sums input). */
    public double in;
    /** The current input (pA) for this step (NEST's I_stim: what current generators sent the step before). */
    public double current;
    /** Refractory steps left; the model counts it. */
    public int r;
    /** Spikes emitted in this step. */
    public int spikes;

    public Rkf45 solver;
    public Rkf45.Rhs rhs;
    /** The neuron's integration step size (ms), carried from step to step as NEST does. */
    public final double[] integrationStep = new double[1];

    /** Integrates the neuron's state over the whole step. */
    public void integrate(double[] y) {
        solver.integrate(rhs, y, h, integrationStep);
    }

    /** One accepted integration step from t (ms into the step); returns the new t (at most h). */
    public double evolve(double[] y, double t) {
        return solver.evolve(rhs, y, t, h, integrationStep);
    }

    /** The neuron emits a spike in this step. */
    public void spike() {
        spikes++;
    }
}
