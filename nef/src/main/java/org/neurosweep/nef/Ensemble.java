package org.neurosweep.nef;

/**
 * A population of neurons representing a vector of {@code dimensions} within {@code radius}, with Nengo's
 * defaults: encoders on the unit hypersphere, max rates uniform in [200, 400) Hz, intercepts uniform in
 * [-1, 0.9), LIF neurons, eval points in the ball (max(clip(500 d, 750, 2500), 2 n) of them).
 */
public final class Ensemble {
    final String label;
    final int neurons;
    final int dimensions;
    double radius = 1.0;
    NeuronType neuronType = NeuronType.lif();
    double[] maxRates = {200, 400};
    double[] intercepts = {-1.0, 0.9};
    int evalPoints;
    final int index;

    Ensemble(String label, int neurons, int dimensions, int index) {
        if (neurons < 1) {
            throw new NefException("ensemble " + label + ": n_neurons = " + neurons + " must be at least 1");
        }
        if (dimensions < 1) {
            throw new NefException("ensemble " + label + ": dimensions = " + dimensions + " must be at least 1");
        }
        this.label = label;
        this.neurons = neurons;
        this.dimensions = dimensions;
        this.index = index;
        this.evalPoints = Math.max(Math.min(Math.max(500 * dimensions, 750), 2500), 2 * neurons);
    }

    public Ensemble radius(double r) {
        if (!(r > 0) || Double.isInfinite(r)) {
            throw new NefException("ensemble " + label + ": radius = " + r + " must be a positive number");
        }
        radius = r;
        return this;
    }

    public Ensemble neuronType(NeuronType t) {
        neuronType = java.util.Objects.requireNonNull(t, "neuron type");
        return this;
    }

    /** Max rates drawn uniformly from [low, high) Hz. */
    public Ensemble maxRates(double low, double high) {
        if (!(low > 0) || !(high >= low)) {
            throw new NefException("ensemble " + label + ": max_rates Uniform(" + low + ", " + high + ") must have 0 < low <= high");
        }
        maxRates = new double[] {low, high};
        return this;
    }

    /** Intercepts drawn uniformly from [low, high), inside (-1, 1). */
    public Ensemble intercepts(double low, double high) {
        if (!(low > -1) || !(high < 1) || !(high >= low)) {
            throw new NefException("ensemble " + label + ": intercepts Uniform(" + low + ", " + high
                    + ") must lie inside (-1, 1) with low <= high");
        }
        intercepts = new double[] {low, high};
        return this;
    }

    public Ensemble evalPoints(int m) {
        if (m < 1) {
            throw new NefException("ensemble " + label + ": " + m + " eval points; give at least 1");
        }
        evalPoints = m;
        return this;
    }

    public int neurons() {
        return neurons;
    }

    public int dimensions() {
        return dimensions;
    }

    @Override
    public String toString() {
        return "Ensemble " + label + " (" + neurons + " neurons, " + dimensions + "D)";
    }
}
