package org.neurosweep.nef;

/**
 * A neuron model as Nengo's {@code nengo/neurons.py} defines it: how a maximum rate and an intercept give
 * a gain and a bias, the steady rate for an input current J (what the decoders are solved for), and the
 * step of the model a simulation runs.
 */
public sealed interface NeuronType permits NeuronType.Lif, NeuronType.LifRate, NeuronType.RectifiedLinear,
        NeuronType.SpikingRectifiedLinear {

    /** Gain and bias of each neuron: {@code {gain[], bias[]}}; refuses rates and intercepts the model cannot reach. */
    double[][] gainBias(double[] maxRates, double[] intercepts);

    /** The steady firing rate (Hz) for input current J. */
    double rate(double j);

    /** Whether the model spikes (its step output is amplitude/dt at a spike), or outputs its rate (the default). */
    default boolean spiking() {
        return false;
    }

    /** The per-neuron state arrays of {@code n} neurons (e.g. voltage, refractory time), drawn from rng where the model does. */
    default double[][] initialState(int n, java.util.SplittableRandom rng) {
        return new double[0][];
    }

    /**
     * One step of neurons {@code from .. to - 1}: {@code out[i]} from {@code j[i]}, with state arrays indexed
     * the same way (several ensembles of one model can be stepped as one array). By default the rate.
     */
    default void step(double dt, double[] j, double[] out, double[][] state, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = rate(j[i]);
        }
    }

    /** State for {@code n} neurons and one step of them, on arrays of their own. */
    default Stepper stepper(int n, java.util.SplittableRandom rng) {
        double[][] state = initialState(n, rng);
        NeuronType type = this;
        return new Stepper() {
            @Override
            public void step(double dt, double[] j, double[] out) {
                type.step(dt, j, out, state, 0, n);
            }

            @Override
            public long bytes() {
                return 8L * n * state.length;
            }
        };
    }

    /** The per-neuron state of a population of one model, advanced a step at a time. */
    interface Stepper {
        void step(double dt, double[] j, double[] out);

        /** Bytes of state. */
        long bytes();
    }

    /** Nengo's LIF(tau_rc = 0.02, tau_ref = 0.002, amplitude = 1). */
    static Lif lif() {
        return new Lif(0.02, 0.002, 1.0);
    }

    /** Leaky integrate-and-fire, spiking, with Nengo's exact spike time within the step. */
    record Lif(double tauRc, double tauRef, double amplitude) implements NeuronType {
        public Lif {
            positive("tau_rc", tauRc);
            if (!(tauRef >= 0)) {
                throw new NefException("LIF: tau_ref = " + tauRef + " s must be >= 0");
            }
        }

        @Override
        public double[][] gainBias(double[] maxRates, double[] intercepts) {
            return lifGainBias("LIF", tauRc, tauRef, maxRates, intercepts);
        }

        @Override
        public double rate(double j) {
            return lifRate(tauRc, tauRef, amplitude, j);
        }

        @Override
        public boolean spiking() {
            return true;
        }

        @Override
        public double[][] initialState(int n, java.util.SplittableRandom rng) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rng.nextDouble(); // Nengo: initial voltage uniform in (0, 1), refractory time 0
            }
            return new double[][] {v, new double[n]};
        }

        @Override
        public void step(double dt, double[] j, double[] out, double[][] state, int from, int to) {
            double[] v = state[0];
            double[] ref = state[1];
            double whole = Math.expm1(-dt / tauRc); // the decay of a neuron out of its refractory time all step
            double spikeOut = amplitude / dt;
            for (int i = from; i < to; i++) {
                double r = ref[i] - dt;
                double ji = j[i];
                double v0 = v[i];
                double decay;
                if (r <= 0) { // out of the refractory time all step: delta = dt
                    decay = whole;
                } else {
                    double delta = Math.min(Math.max(dt - r, 0), dt);
                    decay = delta == dt ? whole : Math.expm1(-delta / tauRc);
                }
                double vi = v0 - (ji - v0) * decay;
                if (vi > 1) {
                    out[i] = spikeOut;
                    double tSpike = dt + tauRc * Math.log1p(-(vi - 1) / (ji - 1));
                    v[i] = 0;
                    ref[i] = tauRef + tSpike;
                } else {
                    out[i] = 0;
                    v[i] = vi > 0 ? vi : 0; // min_voltage 0 (as max(vi, 0) for every number vi)
                    ref[i] = r;
                }
            }
        }
    }

    /** LIF's steady rate as the output (no spikes). */
    record LifRate(double tauRc, double tauRef, double amplitude) implements NeuronType {
        public LifRate {
            positive("tau_rc", tauRc);
        }

        @Override
        public double[][] gainBias(double[] maxRates, double[] intercepts) {
            return lifGainBias("LIFRate", tauRc, tauRef, maxRates, intercepts);
        }

        @Override
        public double rate(double j) {
            return lifRate(tauRc, tauRef, amplitude, j);
        }

    }

    /** max(0, J), scaled by amplitude. */
    record RectifiedLinear(double amplitude) implements NeuronType {
        @Override
        public double[][] gainBias(double[] maxRates, double[] intercepts) {
            return reluGainBias("RectifiedLinear", maxRates, intercepts);
        }

        @Override
        public double rate(double j) {
            return amplitude * Math.max(0, j);
        }

    }

    /** Integrates max(0, J) and spikes each time the integral passes a whole number. */
    record SpikingRectifiedLinear(double amplitude) implements NeuronType {
        @Override
        public double[][] gainBias(double[] maxRates, double[] intercepts) {
            return reluGainBias("SpikingRectifiedLinear", maxRates, intercepts);
        }

        @Override
        public double rate(double j) {
            return amplitude * Math.max(0, j);
        }

        @Override
        public boolean spiking() {
            return true;
        }

        @Override
        public double[][] initialState(int n, java.util.SplittableRandom rng) {
            return new double[][] {new double[n]};
        }

        @Override
        public void step(double dt, double[] j, double[] out, double[][] state, int from, int to) {
            double[] v = state[0];
            for (int i = from; i < to; i++) {
                v[i] += Math.max(j[i], 0) * dt;
                double spikes = Math.floor(v[i]);
                out[i] = amplitude / dt * spikes;
                v[i] -= spikes;
            }
        }
    }

    private static double lifRate(double tauRc, double tauRef, double amplitude, double current) {
        double j = current - 1;
        return j > 0 ? amplitude / (tauRef + tauRc * Math.log1p(1 / j)) : 0;
    }

    private static double[][] lifGainBias(String model, double tauRc, double tauRef, double[] maxRates, double[] intercepts) {
        int n = check(model, maxRates, intercepts);
        double[] gain = new double[n];
        double[] bias = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(maxRates[i] > 0) || maxRates[i] >= 1 / tauRef) {
                throw new NefException(model + ": max_rate " + maxRates[i] + " Hz of neuron " + i + " must be above 0 and below"
                        + " 1/tau_ref = " + 1 / tauRef + " Hz");
            }
            double z = 1 / (1 - Math.exp((tauRef - 1 / maxRates[i]) / tauRc));
            gain[i] = (1 - z) / (intercepts[i] - 1);
            bias[i] = 1 - gain[i] * intercepts[i];
        }
        return new double[][] {gain, bias};
    }

    private static double[][] reluGainBias(String model, double[] maxRates, double[] intercepts) {
        int n = check(model, maxRates, intercepts);
        double[] gain = new double[n];
        double[] bias = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(maxRates[i] > 0)) {
                throw new NefException(model + ": max_rate " + maxRates[i] + " Hz of neuron " + i + " must be above 0");
            }
            gain[i] = maxRates[i] / (1 - intercepts[i]);
            bias[i] = -intercepts[i] * gain[i];
        }
        return new double[][] {gain, bias};
    }

    private static int check(String model, double[] maxRates, double[] intercepts) {
        if (maxRates.length != intercepts.length) {
            throw new NefException(model + ": " + maxRates.length + " max_rates but " + intercepts.length + " intercepts");
        }
        for (int i = 0; i < intercepts.length; i++) {
            if (!(intercepts[i] > -1 && intercepts[i] < 1)) {
                throw new NefException(model + ": intercept " + intercepts[i] + " of neuron " + i + " must be inside (-1, 1)");
            }
        }
        return maxRates.length;
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new NefException(name + " = " + v + " s must be a positive number");
        }
    }
}
