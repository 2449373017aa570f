package org.neurosweep.nef;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.neurosweep.nef.Parts.Ens;

/**
 * The build of ensembles and decoders, timed by stage: eval points, encoders, max rates and intercepts from
 * the ensemble's own random stream; gains and biases; activities and targets; the solve; the decoder cache.
 * Decoders may be solved on several threads at once (the stages' times are then summed over threads).
 */
final class Builds {
    private final DecoderCache cache;
    long evalNanos;
    long gainBiasNanos;
    final AtomicLong activitiesNanos = new AtomicLong();
    final AtomicLong solveNanos = new AtomicLong();
    final AtomicLong cacheNanos = new AtomicLong();

    Builds(DecoderCache cache) {
        this.cache = cache;
    }

    Ens build(Ensemble e, SplittableRandom rng) {
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
        return new Ens(e, eval, enc, gb[0], gb[1], e.neuronType.initialState(e.neurons, rng));
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

    /**
     * Sets {@code out}'s decoders (n x size, row-major) of {@code f} (identity when null) over the eval points given or the
     * ensemble's, and, when it solved them rather than took them from the cache, their training RMSE per dimension
     * (Nengo's solver info {@code rmses}: rms over eval points of target minus decoded rates).
     */
    void solve(Parts.Out out, Ens b, java.util.function.Function<double[], double[]> f, int size, Solver solver, double[][] points) {
        long t0 = System.nanoTime();
        Ensemble e = b.e;
        double[][] eval = points != null ? points : b.evalPoints;
        int m = eval.length;
        double[][] y = new double[m][];
        for (int k = 0; k < m; k++) {
            double[] x = eval[k];
            y[k] = f == null ? x.clone() : f.apply(x.clone());
            if (y[k] == null || y[k].length != size) {
                throw new NefException("the function of a connection from " + e + " returned "
                        + (y[k] == null ? "null" : y[k].length + " values") + " at eval point " + java.util.Arrays.toString(x)
                        + "; it must return " + size);
            }
        }
        String key = null;
        if (cache != null) {
            long c0 = System.nanoTime();
            key = DecoderCache.key(solver.toString(), e.neuronType + "|radius " + e.radius, b.gain, b.bias, b.encoders, eval, y);
            double[][] hit = cache.get(key);
            cacheNanos.addAndGet(System.nanoTime() - c0);
            if (hit != null && hit.length == e.neurons && hit[0].length == size) {
                out.decoders = flatten(hit);
                return;
            }
        }
        double[][] a = new double[m][e.neurons];
        for (int k = 0; k < m; k++) {
            double[] ak = a[k];
            Parts.encode(b, eval[k], ak, 0);
            for (int i = 0; i < e.neurons; i++) {
                ak[i] = e.neuronType.rate(ak[i]);
            }
        }
        long t1 = System.nanoTime();
        double[][] dec = solver.solve(a, y);
        double[] rmses = new double[size];
        double[] decoded = new double[size];
        for (int k = 0; k < m; k++) {
            java.util.Arrays.fill(decoded, 0);
            double[] ak = a[k];
            for (int i = 0; i < e.neurons; i++) {
                double rate = ak[i];
                if (rate != 0) {
                    double[] di = dec[i];
                    for (int c = 0; c < size; c++) {
                        decoded[c] += rate * di[c];
                    }
                }
            }
            for (int c = 0; c < size; c++) {
                double err = y[k][c] - decoded[c];
                rmses[c] += err * err;
            }
        }
        for (int c = 0; c < size; c++) {
            rmses[c] = Math.sqrt(rmses[c] / m);
        }
        out.rmses = rmses;
        long t2 = System.nanoTime();
        activitiesNanos.addAndGet(t1 - t0);
        solveNanos.addAndGet(t2 - t1);
        if (cache != null) {
            cache.put(key, dec);
            cacheNanos.addAndGet(System.nanoTime() - t2);
        }
        out.decoders = flatten(dec);
    }

    private static double[] flatten(double[][] m) {
        int k = m[0].length;
        double[] f = new double[m.length * k];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, f, i * k, k);
        }
        return f;
    }
}
