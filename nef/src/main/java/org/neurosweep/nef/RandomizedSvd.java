package org.neurosweep.nef;

import java.util.Random;

/**
 * Nengo's RandomizedSVD solver: a ridge-regularized least squares solved through a truncated SVD of the
 * activities found by random projection (Halko, Martinsson and Tropp; scikit-learn's {@code randomized_svd}).
 * With A (m x n) ~ U diag(s) V^T, sigma = reg * max(A): X = V diag(s / (s^2 + m sigma^2)) U^T Y.
 *
 * <p>When min(m, n) &lt;= nComponents + nOversamples the SVD is computed in full (all min(m, n) singular values),
 * which makes this exactly {@link LstsqL2}'s problem. Otherwise, on M = A or A^T, whichever has more rows (as
 * scikit-learn does): Q = an orthonormal basis of M G for a Gaussian G (columns of M x (nComponents +
 * nOversamples)), refined by nIter power iterations (M^T Q, then M times that, each orthonormalized); the SVD
 * of the small Q^T M gives M's leading nComponents singular triplets. G comes from {@code new
 * java.util.Random(seed).nextGaussian()}, whose algorithm Java specifies, so a seed gives the same decoders on
 * every JVM. All the sums are in a fixed order: the same input gives the same bits.
 *
 * @param reg the regularization relative to the largest activity (Nengo: 0.1)
 * @param nComponents singular values kept (Nengo: 60)
 * @param nOversamples extra random directions sampled (Nengo: 10)
 * @param nIter power iterations (Nengo: 0); each is orthonormalized by Gram-Schmidt (scikit-learn may use LU)
 * @param seed the random projection's seed
 */
public record RandomizedSvd(double reg, int nComponents, int nOversamples, int nIter, long seed) implements Solver {
    public RandomizedSvd {
        if (!(reg >= 0) || Double.isInfinite(reg)) {
            throw new NefException("RandomizedSvd: reg = " + reg + " must be a finite number >= 0");
        }
        if (nComponents < 1) {
            throw new NefException("RandomizedSvd: nComponents = " + nComponents + " must be >= 1");
        }
        if (nOversamples < 0) {
            throw new NefException("RandomizedSvd: nOversamples = " + nOversamples + " must be >= 0");
        }
        if ((long) nComponents + nOversamples > Integer.MAX_VALUE) {
            throw new NefException("RandomizedSvd: nComponents + nOversamples = " + ((long) nComponents + nOversamples)
                    + " must be at most " + Integer.MAX_VALUE);
        }
        if (nIter < 0) {
            throw new NefException("RandomizedSvd: nIter = " + nIter + " must be >= 0");
        }
    }

    /** Nengo's defaults: reg 0.1, 60 components, 10 oversamples, no power iteration; seed 0. */
    public static RandomizedSvd defaults() {
        return new RandomizedSvd(0.1, 60, 10, 0, 0);
    }

    /** These settings with another seed for the random projection. */
    public RandomizedSvd withSeed(long newSeed) {
        return new RandomizedSvd(reg, nComponents, nOversamples, nIter, newSeed);
    }

    /** Decoders X (n x d) for activities a (m x n, one row per eval point) and targets y (m x d). */
    @Override
    public double[][] solve(double[][] a, double[][] y) {
        double max = Dense.checkedMax("RandomizedSvd", a, y);
        int m = a.length;
        int n = a[0].length;
        int d = y[0].length;
        double sigma = reg * max;
        double ridge = m * sigma * sigma;
        int samples = nComponents + nOversamples;
        double[][] u; // left singular vectors (length m), largest first
        double[] s;
        double[][] v; // right singular vectors (length n)
        if (Math.min(m, n) <= samples) {
            Svd full = Svd.of(a);
            u = full.u;
            s = full.s;
            v = full.v;
        } else {
            boolean tall = m >= n; // M = A, else M = A^T
            int q = Math.min(m, n);
            Random rng = new Random(seed);
            double[][] basis = new double[samples][q];
            for (double[] column : basis) {
                for (int i = 0; i < q; i++) {
                    column[i] = rng.nextGaussian();
                }
            }
            basis = timesM(a, tall, basis);
            for (int it = 0; it < nIter; it++) {
                orthonormalize(basis);
                double[][] back = timesMTranspose(a, tall, basis);
                orthonormalize(back);
                basis = timesM(a, tall, back);
            }
            orthonormalize(basis); // Q: columns of length max(m, n)
            Svd small = Svd.ofColumns(timesMTranspose(a, tall, basis)); // B^T = (Q^T M)^T = Ub Sb Vb^T
            int k = nComponents;
            double[][] qv = new double[k][]; // M's left singular vectors: Q Vb
            double[][] ub = new double[k][];
            s = new double[k];
            for (int j = 0; j < k; j++) {
                double[] column = new double[basis[0].length];
                double[] vb = small.v[j];
                for (int c = 0; c < samples; c++) {
                    if (vb[c] != 0) {
                        addScaled(column, vb[c], basis[c]);
                    }
                }
                qv[j] = column;
                ub[j] = small.u[j];
                s[j] = small.s[j];
            }
            u = tall ? qv : ub;
            v = tall ? ub : qv;
        }
        double[][] x = new double[n][d];
        for (int j = 0; j < s.length; j++) {
            if (s[j] == 0) {
                continue;
            }
            double f = s[j] / (s[j] * s[j] + ridge);
            double[] uj = u[j];
            double[] vj = v[j];
            for (int c = 0; c < d; c++) {
                double w = 0; // (U^T Y)[j][c]
                for (int kk = 0; kk < m; kk++) {
                    w += uj[kk] * y[kk][c];
                }
                w *= f;
                for (int i = 0; i < n; i++) {
                    x[i][c] += vj[i] * w;
                }
            }
        }
        return x;
    }

    /** M times each column (length: M's columns); M = A when tall, else A^T. */
    private static double[][] timesM(double[][] a, boolean tall, double[][] columns) {
        return tall ? aTimes(a, columns) : aTransposeTimes(a, columns);
    }

    /** M^T times each column (length: M's rows). */
    private static double[][] timesMTranspose(double[][] a, boolean tall, double[][] columns) {
        return tall ? aTransposeTimes(a, columns) : aTimes(a, columns);
    }

    /** A x for each column x (length n): columns of length m; zero activities skipped. */
    private static double[][] aTimes(double[][] a, double[][] columns) {
        int l = columns.length;
        int n = columns[0].length;
        double[][] byRow = new double[n][l];
        for (int c = 0; c < l; c++) {
            for (int i = 0; i < n; i++) {
                byRow[i][c] = columns[c][i];
            }
        }
        double[][] out = new double[l][a.length];
        double[] acc = new double[l];
        for (int k = 0; k < a.length; k++) {
            java.util.Arrays.fill(acc, 0);
            double[] ak = a[k];
            for (int i = 0; i < n; i++) {
                if (ak[i] != 0) {
                    addScaled(acc, ak[i], byRow[i]);
                }
            }
            for (int c = 0; c < l; c++) {
                out[c][k] = acc[c];
            }
        }
        return out;
    }

    /** A^T x for each column x (length m): columns of length n. */
    private static double[][] aTransposeTimes(double[][] a, double[][] columns) {
        int l = columns.length;
        int n = a[0].length;
        double[][] out = new double[l][n];
        for (int k = 0; k < a.length; k++) {
            double[] ak = a[k];
            for (int c = 0; c < l; c++) {
                double w = columns[c][k];
                if (w != 0) {
                    addScaled(out[c], w, ak);
                }
            }
        }
        return out;
    }

    /** x += w y. */
    private static void addScaled(double[] x, double w, double[] y) {
        for (int i = 0; i < x.length; i++) {
            x[i] += w * y[i];
        }
    }

    /**
     * Orthonormalizes the columns in place by modified Gram-Schmidt, repeated while a pass removes more than
     * half of what is left (at most three passes); a column with nothing left (dependent on the earlier ones)
     * becomes zeros.
     */
    static void orthonormalize(double[][] columns) {
        for (int c = 0; c < columns.length; c++) {
            double[] x = columns[c];
            double norm = norm(x);
            for (int pass = 0; pass < 3 && norm > 0; pass++) {
                for (int e = 0; e < c; e++) {
                    double[] qe = columns[e];
                    double dot = 0;
                    for (int i = 0; i < x.length; i++) {
                        dot += qe[i] * x[i];
                    }
                    if (dot != 0) {
                        addScaled(x, -dot, qe);
                    }
                }
                double after = norm(x);
                boolean enough = after > 0.5 * norm;
                norm = after;
                if (enough) {
                    break;
                }
            }
            if (norm > 0) {
                for (int i = 0; i < x.length; i++) {
                    x[i] /= norm;
                }
            } else {
                java.util.Arrays.fill(x, 0);
            }
        }
    }

    private static double norm(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }
}
