package org.neurosweep.nef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds a {@link Network} and runs it in Nengo's time base: steps of dt (default 1 ms), the first at
 * t = dt; per step: nodes, then each ensemble's neurons from its input (the synapses' outputs of the last
 * step), then decoding, synapses and probes. Every synapse adds one step of delay. Decoded connections stay
 * factored (decoders, then transform), never a neuron-to-neuron weight matrix.
 *
 * <p>Build, run and memory are measured ({@link #stats}): build time per stage (eval points, gain and bias,
 * activities, solve), run time, and the bytes of the signals, decoders, neuron state and probe data.
 */
public final class Simulator {
    private final double dt;
    private final List<Built> ensembles = new ArrayList<>();
    private final Map<Ensemble, Built> byEnsemble = new HashMap<>();
    private final List<Link> links = new ArrayList<>();
    private final List<Recorder> recorders = new ArrayList<>();
    private final List<Node> nodes;
    private final Map<Node, double[]> nodeOut = new HashMap<>();
    private final DecoderCache cache;
    private long step;
    private long cacheNanos;
    private long evalNanos;
    private long gainBiasNanos;
    private long activitiesNanos;
    private long solveNanos;
    private long runNanos;

    public Simulator(Network net) {
        this(net, 0.001, null);
    }

    public Simulator(Network net, double dt) {
        this(net, dt, null);
    }

    /** With decoders taken from and stored in {@code cache} (null: none). */
    public Simulator(Network net, double dt, DecoderCache cache) {
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new NefException("dt = " + dt + " s must be a positive number");
        }
        this.dt = dt;
        this.cache = cache;
        this.nodes = List.copyOf(net.nodes);
        for (Ensemble e : net.ensembles) {
            Built b = build(e, new SplittableRandom(net.seed * 0x9E3779B97F4A7C15L + e.index));
            ensembles.add(b);
            byEnsemble.put(e, b);
        }
        for (Connection c : net.connections) {
            double[][] transform = c.transformMatrix();
            double[][] decoders = null;
            if (c.pre instanceof Ensemble e) {
                decoders = decoders(byEnsemble.get(e), c.function, c.functionSize, c.solver);
            }
            links.add(new Link(c, decoders, transform, c.synapse, dt));
        }
        for (Probe p : net.probes) {
            int stride = 1;
            if (p.sampleEvery != 0) {
                double k = p.sampleEvery / dt;
                stride = (int) Math.round(k);
                if (stride < 1 || Math.abs(k - stride) > 1e-9 * Math.max(1, k)) {
                    throw new NefException("probe: sample_every = " + p.sampleEvery + " s must be a positive multiple of dt = " + dt + " s");
                }
            }
            double[][] decoders = null;
            int size;
            if (p.target instanceof Ensemble e) {
                Built b = byEnsemble.get(e);
                decoders = decoders(b, null, e.dimensions, LstsqL2.defaults());
                size = e.dimensions;
            } else {
                size = ((Node) p.target).size;
            }
            recorders.add(new Recorder(p, decoders, size, stride, p.synapse == 0 ? 0 : Math.exp(-dt / p.synapse)));
        }
    }

    /** One ensemble as built: its random choices and its neurons' state. */
    private final class Built {
        final Ensemble e;
        final double[][] evalPoints;
        final double[][] encoders;
        final double[] gain;
        final double[] bias;
        final NeuronType.Stepper neurons;
        final double[] input;
        final double[] current;
        final double[] activity;

        Built(Ensemble e, double[][] evalPoints, double[][] encoders, double[] gain, double[] bias, NeuronType.Stepper neurons) {
            this.e = e;
            this.evalPoints = evalPoints;
            this.encoders = encoders;
            this.gain = gain;
            this.bias = bias;
            this.neurons = neurons;
            input = new double[e.dimensions];
            current = new double[e.neurons];
            activity = new double[e.neurons];
        }
    }

    /** A connection as run: decoders (n x k) or none, the transform (d_post x k), the synapse's state. */
    private static final class Link {
        final Connection c;
        final double[][] decoders;
        final double[][] transform;
        final double a;
        final double[] decoded;
        final double[] value;
        final double[] out;

        Link(Connection c, double[][] decoders, double[][] transform, double tau, double dt) {
            this.c = c;
            this.decoders = decoders;
            this.transform = transform;
            this.a = tau == 0 ? 0 : Math.exp(-dt / tau);
            decoded = new double[c.functionSize];
            value = new double[c.post.dimensions];
            out = new double[c.post.dimensions];
        }
    }

    /** A probe as run: its decoders (ensembles), filter state and samples. */
    private static final class Recorder {
        final Probe p;
        final double[][] decoders;
        final int stride;
        /** The probe synapse's decay per step (0: none), computed once. */
        final double a;
        final double[] filtered;
        /** The ensemble's decoded value this step (ensemble probes). */
        final double[] decoded;
        final List<double[]> samples = new ArrayList<>();
        final List<Double> times = new ArrayList<>();

        Recorder(Probe p, double[][] decoders, int size, int stride, double a) {
            this.p = p;
            this.decoders = decoders;
            this.stride = stride;
            this.a = a;
            filtered = new double[size];
            decoded = new double[size];
        }
    }

    private Built build(Ensemble e, SplittableRandom rng) {
        long t0 = System.nanoTime();
        int d = e.dimensions;
        double[][] eval = new double[e.evalPoints][];
        for (int k = 0; k < eval.length; k++) {
            double[] x = unitVector(rng, d);
            double r = e.radius * Math.pow(rng.nextDouble(), 1.0 / d); // uniform in the ball
            for (int i = 0; i < d; i++) {
                x[i] *= r;
            }
            eval[k] = x;
        }
        double[][] enc = new double[e.neurons][];
        for (int i = 0; i < e.neurons; i++) {
            enc[i] = unitVector(rng, d);
        }
        double[] rates = new double[e.neurons];
        double[] icpt = new double[e.neurons];
        for (int i = 0; i < e.neurons; i++) {
            rates[i] = e.maxRates[0] + (e.maxRates[1] - e.maxRates[0]) * rng.nextDouble();
            icpt[i] = e.intercepts[0] + (e.intercepts[1] - e.intercepts[0]) * rng.nextDouble();
        }
        long t1 = System.nanoTime();
        double[][] gb = e.neuronType.gainBias(rates, icpt);
        long t2 = System.nanoTime();
        evalNanos += t1 - t0;
        gainBiasNanos += t2 - t1;
        return new Built(e, eval, enc, gb[0], gb[1], e.neuronType.stepper(e.neurons, rng));
    }

    private static double[] unitVector(SplittableRandom rng, int d) {
        while (true) {
            double[] x = new double[d];
            double norm = 0;
            for (int i = 0; i < d; i++) {
                x[i] = gaussian(rng);
                norm += x[i] * x[i];
            }
            if (norm > 0) {
                norm = Math.sqrt(norm);
                for (int i = 0; i < d; i++) {
                    x[i] /= norm;
                }
                return x;
            }
        }
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    /** Decoders of {@code f} (identity when null) over the ensemble's eval points. */
    private double[][] decoders(Built b, java.util.function.Function<double[], double[]> f, int size, Solver solver) {
        long t0 = System.nanoTime();
        Ensemble e = b.e;
        int m = b.evalPoints.length;
        double[][] y = new double[m][];
        for (int k = 0; k < m; k++) {
            double[] x = b.evalPoints[k];
            y[k] = f == null ? x.clone() : f.apply(x.clone());
            if (y[k] == null || y[k].length != size) {
                throw new NefException("the function of a connection from " + e + " returned "
                        + (y[k] == null ? "null" : y[k].length + " values") + "; it must return " + size);
            }
        }
        String key = null;
        if (cache != null) {
            long c0 = System.nanoTime();
            key = DecoderCache.key(solver.toString(), e.neuronType + "|radius " + e.radius, b.gain, b.bias, b.encoders,
                    b.evalPoints, y);
            double[][] hit = cache.get(key);
            cacheNanos += System.nanoTime() - c0;
            if (hit != null && hit.length == e.neurons && (e.neurons == 0 || hit[0].length == size)) {
                return hit;
            }
        }
        double[][] a = new double[m][e.neurons];
        for (int k = 0; k < m; k++) {
            double[] x = b.evalPoints[k];
            for (int i = 0; i < e.neurons; i++) {
                double dot = 0;
                for (int j = 0; j < e.dimensions; j++) {
                    dot += b.encoders[i][j] * x[j];
                }
                a[k][i] = e.neuronType.rate(b.gain[i] * dot / e.radius + b.bias[i]);
            }
        }
        long t1 = System.nanoTime();
        double[][] dec = solver.solve(a, y);
        long t2 = System.nanoTime();
        activitiesNanos += t1 - t0;
        solveNanos += t2 - t1;
        if (cache != null) {
            cache.put(key, dec);
            cacheNanos += System.nanoTime() - t2;
        }
        return dec;
    }

    /** Runs for {@code seconds} (a whole number of steps), continuing where the last run stopped. */
    public void run(double seconds) {
        long steps = Math.round(seconds / dt);
        if (steps < 0 || Math.abs(steps * dt - seconds) > 1e-9 * Math.max(1, seconds)) {
            throw new NefException("run time " + seconds + " s must be a whole number of steps of dt = " + dt + " s, >= 0");
        }
        long t0 = System.nanoTime();
        for (long k = 0; k < steps; k++) {
            step();
        }
        runNanos += System.nanoTime() - t0;
    }

    private void step() {
        step++;
        double t = step * dt;
        for (Node n : nodes) {
            nodeOut.put(n, n.at(t));
        }
        for (Built b : ensembles) {
            java.util.Arrays.fill(b.input, 0);
        }
        for (Link l : links) {
            double[] in = byEnsemble.get(l.c.post).input;
            for (int i = 0; i < in.length; i++) {
                in[i] += l.out[i];
            }
        }
        for (Built b : ensembles) {
            Ensemble e = b.e;
            for (int i = 0; i < e.neurons; i++) {
                double dot = 0;
                for (int j = 0; j < e.dimensions; j++) {
                    dot += b.encoders[i][j] * b.input[j];
                }
                b.current[i] = b.gain[i] * dot / e.radius + b.bias[i];
            }
            b.neurons.step(dt, b.current, b.activity);
        }
        for (Link l : links) {
            double[] source;
            if (l.decoders != null) {
                decode(l.decoders, byEnsemble.get((Ensemble) l.c.pre).activity, l.decoded);
                source = l.decoded;
            } else {
                source = nodeOut.get((Node) l.c.pre);
            }
            for (int i = 0; i < l.value.length; i++) {
                double s = 0;
                for (int j = 0; j < source.length; j++) {
                    s += l.transform[i][j] * source[j];
                }
                l.out[i] = l.a * l.out[i] + (1 - l.a) * s;
            }
        }
        for (Recorder r : recorders) {
            double[] v;
            if (r.decoders != null) {
                v = r.decoded;
                decode(r.decoders, byEnsemble.get((Ensemble) r.p.target).activity, v);
            } else {
                v = nodeOut.get((Node) r.p.target);
            }
            for (int i = 0; i < v.length; i++) {
                r.filtered[i] = r.a * r.filtered[i] + (1 - r.a) * v[i];
            }
            if (step % r.stride == 0) {
                r.samples.add(r.filtered.clone());
                r.times.add(t);
            }
        }
    }

    private static void decode(double[][] decoders, double[] activity, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < activity.length; i++) {
            double a = activity[i];
            if (a != 0) {
                double[] di = decoders[i];
                for (int c = 0; c < out.length; c++) {
                    out[c] += di[c] * a;
                }
            }
        }
    }

    /** A probe's samples so far: [sample][dimension]. */
    public double[][] data(Probe p) {
        return recorder(p).samples.toArray(new double[0][]);
    }

    /** The times (s) of a probe's samples. */
    public double[] times(Probe p) {
        return recorder(p).times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private Recorder recorder(Probe p) {
        for (Recorder r : recorders) {
            if (r.p == p) {
                return r;
            }
        }
        throw new NefException("the probe is not of this simulator's network");
    }

    /** The current time (s). */
    public double time() {
        return step * dt;
    }

    /** Build stages, run time and memory so far. */
    public NefStats stats() {
        long bytes = 0;
        for (Built b : ensembles) {
            bytes += 8L * (b.evalPoints.length * (long) b.e.dimensions + (long) b.e.neurons * b.e.dimensions + 4L * b.e.neurons
                    + b.e.dimensions) + b.neurons.bytes();
        }
        for (Link l : links) {
            bytes += 8L * ((l.decoders == null ? 0 : (long) l.decoders.length * l.c.functionSize)
                    + (long) l.transform.length * l.c.functionSize + l.decoded.length + 2L * l.value.length);
        }
        for (Recorder r : recorders) {
            bytes += 8L * ((r.decoders == null ? 0 : (long) r.decoders.length * r.filtered.length)
                    + (long) (r.samples.size() + 1) * r.filtered.length + r.times.size());
        }
        return new NefStats(evalNanos / 1e9, gainBiasNanos / 1e9, activitiesNanos / 1e9, solveNanos / 1e9, cacheNanos / 1e9,
                runNanos / 1e9, bytes);
    }
}
