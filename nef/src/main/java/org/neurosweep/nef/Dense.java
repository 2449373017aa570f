package org.neurosweep.nef;

/**
 * Dense kernels for the decoder solvers: the Gram matrix R^T R and a blocked Cholesky factorization, both on
 * rows of the upper triangle (contiguous arrays), both deterministic: every sum is taken in an order fixed by
 * the sizes and by where the zeros are, never by timing or threads, so the same input gives the same bits.
 *
 * <p>Both inner loops are the same rank-4 update of a row segment, {@code g[j] += v0 r0[j] + ... + v3 r3[j]},
 * which HotSpot's C2 compiles to vector instructions (it has no loop-carried dependence, unlike a dot
 * product). Java's floating point is strict, so vectorized, compiled and interpreted code give the same bits.
 */
final class Dense {
    /** Rows of R per chunk of the Gram product (their nonzeros are gathered per column, one chunk at a time). */
    static final int ROW_CHUNK = 128;
    /**
     * Columns of G per tile of the Gram product: a chunk's slab of R (128 x 512 doubles, 512 KiB) stays in L2.
     * (Measured for m = 2000, n = 1000: 64-256 rows by 256-1000 columns all within the noise of each other.)
     */
    static final int COLUMN_TILE = 512;
    /** Rows per panel of the blocked Cholesky factorization (64 rows x n doubles stay in L2 for n ~ 1000). */
    static final int PANEL = 64;

    private Dense() {
    }

    /**
     * The upper triangle (j >= i) of R^T R + ridge I, for R (t x p, given by its rows), in a new p x p array whose
     * strict lower triangle is zero. Zero entries of R are skipped; G[i][j] sums r[t][i] r[t][j] over t in
     * ascending order, four nonzero r[t][i] at a time.
     */
    static double[][] gramUpper(double[][] r, int p, double ridge) {
        int tn = r.length;
        double[][] g = new double[p][p];
        int[] count = new int[p];
        int[] rows = new int[p * ROW_CHUNK]; // column i's nonzero rows in this chunk: rows[i * ROW_CHUNK ...]
        double[] values = new double[p * ROW_CHUNK];
        for (int t0 = 0; t0 < tn; t0 += ROW_CHUNK) {
            int t1 = Math.min(tn, t0 + ROW_CHUNK);
            java.util.Arrays.fill(count, 0);
            for (int t = t0; t < t1; t++) {
                double[] rt = r[t];
                for (int i = 0; i < p; i++) { // branch-free: always write, advance only past a nonzero
                    double v = rt[i];
                    int at = i * ROW_CHUNK + count[i];
                    rows[at] = t;
                    values[at] = v;
                    count[i] += v != 0 ? 1 : 0;
                }
            }
            for (int j0 = 0; j0 < p; j0 += COLUMN_TILE) {
                int j1 = Math.min(p, j0 + COLUMN_TILE);
                for (int i = 0; i < j1; i++) {
                    int lo = Math.max(i, j0);
                    double[] gi = g[i];
                    int e = i * ROW_CHUNK;
                    int end = e + count[i];
                    for (; e + 3 < end; e += 4) {
                        add4(gi, lo, j1, values[e], r[rows[e]], values[e + 1], r[rows[e + 1]], values[e + 2],
                                r[rows[e + 2]], values[e + 3], r[rows[e + 3]]);
                    }
                    for (; e < end; e++) {
                        add1(gi, lo, j1, values[e], r[rows[e]]);
                    }
                }
            }
        }
        for (int i = 0; i < p; i++) {
            g[i][i] += ridge;
        }
        return g;
    }

    /** g[j] += v0 r0[j] + v1 r1[j] + v2 r2[j] + v3 r3[j] for j in [lo, hi). */
    private static void add4(double[] g, int lo, int hi, double v0, double[] r0, double v1, double[] r1, double v2,
            double[] r2, double v3, double[] r3) {
        for (int j = lo; j < hi; j++) {
            g[j] += v0 * r0[j] + v1 * r1[j] + v2 * r2[j] + v3 * r3[j];
        }
    }

    private static void add1(double[] g, int lo, int hi, double v, double[] r) {
        for (int j = lo; j < hi; j++) {
            g[j] += v * r[j];
        }
    }

    /** g[j] -= v0 r0[j] + v1 r1[j] + v2 r2[j] + v3 r3[j] for j in [lo, hi). */
    private static void sub4(double[] g, int lo, int hi, double v0, double[] r0, double v1, double[] r1, double v2,
            double[] r2, double v3, double[] r3) {
        for (int j = lo; j < hi; j++) {
            g[j] -= v0 * r0[j] + v1 * r1[j] + v2 * r2[j] + v3 * r3[j];
        }
    }

    private static void sub1(double[] g, int lo, int hi, double v, double[] r) {
        for (int j = lo; j < hi; j++) {
            g[j] -= v * r[j];
        }
    }

    /**
     * Factorizes a symmetric positive definite G = U^T U in place: reads G's upper triangle (j >= i) and leaves U
     * there (the strict lower triangle is neither read nor written). Right-looking, by panels of {@link #PANEL}
     * rows: a panel is factorized row by row, then the rows below it are updated four panel rows at a time.
     *
     * @throws NefException when a pivot is not positive (the system needs regularization)
     */
    static void choleskyUpper(double[][] g) {
        int n = g.length;
        for (int k0 = 0; k0 < n; k0 += PANEL) {
            int k1 = Math.min(n, k0 + PANEL);
            for (int k = k0; k < k1; k++) {
                double[] gk = g[k];
                double pivot = gk[k];
                if (!(pivot > 0)) {
                    throw new NefException("the least-squares system is not positive definite (pivot " + pivot + " at "
                            + k + "); give the solver some regularization");
                }
                double ukk = Math.sqrt(pivot);
                gk[k] = ukk;
                for (int j = k + 1; j < n; j++) {
                    gk[j] /= ukk;
                }
                for (int i = k + 1; i < k1; i++) {
                    sub1(g[i], i, n, gk[i], gk);
                }
            }
            for (int i = k1; i < n; i++) {
                double[] gi = g[i];
                int k = k0;
                for (; k + 3 < k1; k += 4) {
                    sub4(gi, i, n, g[k][i], g[k], g[k + 1][i], g[k + 1], g[k + 2][i], g[k + 2], g[k + 3][i], g[k + 3]);
                }
                for (; k < k1; k++) {
                    sub1(gi, i, n, g[k][i], g[k]);
                }
            }
        }
    }

    /** X (n x d) with U^T U X = B, for U from {@link #choleskyUpper} and B (n x d). */
    static double[][] choleskySolve(double[][] u, double[][] b) {
        int n = u.length;
        int d = b[0].length;
        double[][] x = new double[n][d];
        double[] z = new double[n];
        for (int c = 0; c < d; c++) {
            for (int i = 0; i < n; i++) {
                z[i] = b[i][c];
            }
            for (int k = 0; k < n; k++) { // U^T z' = b: column k of U^T is row k of U
                double[] uk = u[k];
                double zk = z[k] / uk[k];
                z[k] = zk;
                for (int j = k + 1; j < n; j++) {
                    z[j] -= uk[j] * zk;
                }
            }
            for (int i = n - 1; i >= 0; i--) { // U x = z', in z
                double[] ui = u[i];
                double s = z[i];
                for (int j = i + 1; j < n; j++) {
                    s -= ui[j] * z[j];
                }
                z[i] = s / ui[i];
            }
            for (int i = 0; i < n; i++) {
                x[i][c] = z[i];
            }
        }
        return x;
    }

    /** The transpose of a (m x n, by rows): n x m. */
    static double[][] transpose(double[][] a, int n) {
        int m = a.length;
        double[][] t = new double[n][m];
        for (int k = 0; k < m; k++) {
            double[] ak = a[k];
            for (int i = 0; i < n; i++) {
                t[i][k] = ak[i];
            }
        }
        return t;
    }

    /** A^T Y (n x d) for A (m x n) and Y (m x d); rows of A summed in ascending order, zeros skipped. */
    static double[][] transposeTimes(double[][] a, int n, double[][] y) {
        int d = y[0].length;
        double[][] out = new double[d][n]; // by column of the result, filled row of A by row of A
        for (int k = 0; k < a.length; k++) {
            double[] ak = a[k];
            for (int c = 0; c < d; c++) {
                double w = y[k][c];
                if (w != 0) {
                    add1(out[c], 0, n, w, ak);
                }
            }
        }
        double[][] x = new double[n][d];
        for (int c = 0; c < d; c++) {
            for (int i = 0; i < n; i++) {
                x[i][c] = out[c][i];
            }
        }
        return x;
    }

    /** The largest entry of a (0 if there are none above 0), and a check that a and y are a system to solve. */
    static double checkedMax(String solver, double[][] a, double[][] y) {
        if (a.length == 0 || a[0].length == 0) {
            throw new NefException(solver + ": activities are " + a.length + " x " + (a.length == 0 ? 0 : a[0].length)
                    + "; need at least one eval point and one neuron");
        }
        if (y.length != a.length || y[0].length == 0) {
            throw new NefException(solver + ": targets are " + y.length + " x " + (y.length == 0 ? 0 : y[0].length)
                    + " for " + a.length + " eval points; need " + a.length + " rows of at least one dimension");
        }
        int n = a[0].length;
        int d = y[0].length;
        double max = 0;
        for (int k = 0; k < a.length; k++) {
            if (a[k].length != n || y[k].length != d) {
                throw new NefException(solver + ": eval point " + k + " has " + a[k].length + " activities and "
                        + y[k].length + " targets; expected " + n + " and " + d);
            }
            for (double v : a[k]) {
                max = Math.max(max, v);
            }
        }
        return max;
    }
}
