package org.neurosweep.nef.networks;

import org.neurosweep.nef.Ensemble;
import org.neurosweep.nef.NefStats;
import org.neurosweep.nef.Network;
import org.neurosweep.nef.Node;
import org.neurosweep.nef.Probe;
import org.neurosweep.nef.Simulator;

/**
 * Bekolay et al. (2014)'s communication channel as ../shared/notes/nef.md defines it: a node
 * u_i(t) = sin(2 pi t + 2 pi i / d) / sqrt(d) feeds ensemble A (n neurons, d dimensions), A feeds B (decoded
 * identity), B is probed with a 10 ms synapse; Nengo's defaults otherwise.
 */
public final class CommunicationChannel {
    private CommunicationChannel() {
    }

    /**
     * What one run gave.
     *
     * @param rmse  the error of the probe against u delayed by the best lag (0-50 ms), over t >= 0.1 s, averaged
     *              over dimensions
     * @param lagMs that lag
     * @param stats build stages, run time, memory (of this process)
     * @param fingerprint a hash of every bit of the probe's samples and times ({@link Simulator#fingerprint}): equal
     *                    for runs that gave the same output bit for bit
     */
    public record Result(int neurons, int dimensions, double rmse, double lagMs, NefStats stats, long fingerprint) {
    }

    /** Builds and runs the channel for {@code seconds}, without a decoder cache. */
    public static Result run(int n, int d, double seconds, long seed) {
        return run(n, d, seconds, seed, null);
    }

    /** Builds (decoders from {@code cache} when it has them; null: no cache) and runs the channel for {@code seconds}. */
    public static Result run(int n, int d, double seconds, long seed, org.neurosweep.nef.DecoderCache cache) {
        return run(n, d, 0.005, seconds, seed, RunOptions.defaults().withCache(cache));
    }

    /**
     * The channel with synapse {@code tau} (s; Nengo's default 0.005) on the connections into A and B, built
     * and run with {@code options}; with processes, every process calls it and gets the same result.
     */
    public static Result run(int n, int d, double tau, double seconds, long seed, RunOptions options) {
        Network net = new Network(seed);
        Node u = net.node("u", d, t -> input(t, d));
        Ensemble a = net.ensemble("A", n, d);
        Ensemble b = net.ensemble("B", n, d);
        net.connect(u, a).synapse(tau);
        net.connect(a, b).synapse(tau);
        Probe p = net.probe(b, 0.01, 0);
        Simulator sim = options.simulator(net);
        sim.run(seconds);
        double[] best = rmse(sim.times(p), sim.data(p), d);
        return new Result(2 * n, d, best[0], best[1], sim.stats(), sim.fingerprint(p));
    }

    /** u(t). */
    public static double[] input(double t, int d) {
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = Math.sin(2 * Math.PI * t + 2 * Math.PI * i / d) / Math.sqrt(d);
        }
        return v;
    }

    /**
     * {rmse, lag in ms}: the lag of 0..50 ms (whole steps of 1 ms) that makes the mean over dimensions least; both
     * NaN when no sample is at t >= 0.1 s.
     * The delayed target u_i(t - lag) is sin(a - b) / sqrt(d) with a = 2 pi t + 2 pi i / d and b = 2 pi lag,
     * formed as sin a cos b - cos a sin b from sines and cosines computed once per sample and dimension.
     */
    public static double[] rmse(double[] t, double[][] out, int d) {
        int first = 0;
        while (first < t.length && t[first] < 0.1) {
            first++;
        }
        int count = t.length - first;
        if (count == 0) {
            return new double[] {Double.NaN, Double.NaN}; // a run too short to score (a build's timing, say)
        }
        double best = Double.MAX_VALUE;
        int bestLag = 0;
        double[][] sin = new double[d][count];
        double[][] cos = new double[d][count];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < count; k++) {
                double a = 2 * Math.PI * t[first + k] + 2 * Math.PI * i / d;
                sin[i][k] = Math.sin(a);
                cos[i][k] = Math.cos(a);
            }
        }
        double scale = 1 / Math.sqrt(d);
        double[] se = new double[d];
        for (int lag = 0; lag <= 50; lag++) {
            double sb = Math.sin(2 * Math.PI * lag * 0.001);
            double cb = Math.cos(2 * Math.PI * lag * 0.001);
            for (int i = 0; i < d; i++) {
                double sum = 0;
                for (int k = 0; k < count; k++) {
                    double e = out[first + k][i] - (sin[i][k] * cb - cos[i][k] * sb) * scale;
                    sum += e * e;
                }
                se[i] = sum;
            }
            double mean = 0;
            for (int i = 0; i < d; i++) {
                mean += Math.sqrt(se[i] / count);
            }
            mean /= d;
            if (mean < best) {
                best = mean;
                bestLag = lag;
            }
        }
        return new double[] {best, bestLag};
    }
}
