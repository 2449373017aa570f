package org.neurosweep.nef;

/**
 * Nengo's default solver: regularized least squares. With activities A (m x n), targets Y (m x d),
 * sigma = reg * max(A): X = (A^T A + m sigma^2 I)^-1 A^T Y, or A^T (A A^T + m sigma^2 I)^-1 Y when there are
 * fewer points than neurons, both solved by Cholesky.
 *
 * @param reg the regularization relative to the largest activity (Nengo: 0.1)
 */
public record LstsqL2(double reg) implements Solver {
    public LstsqL2 {
        if (!(reg >= 0) || Double.isInfinite(reg)) {
            throw new NefException("LstsqL2: reg = " + reg + " must be a finite number >= 0");
        }
    }

    /** Nengo's default, reg 0.1. */
    public static LstsqL2 defaults() {
        return new LstsqL2(0.1);
    }

    /** Decoders X (n x d) for activities a (m x n, row-major by point) and targets y (m x d). */
    @Override
    public double[][] solve(double[][] a, double[][] y) {
        int m = a.length;
        int n = a[0].length;
        int d = y[0].length;
        double max = 0;
        for (double[] row : a) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        double sigma = reg * max;
        double ridge = m * sigma * sigma;
        if (m >= n) {
            double[][] g = new double[n][n]; // A^T A + ridge I
            double[][] b = new double[n][d]; // A^T Y
            for (int k = 0; k < m; k++) {
                double[] ak = a[k];
                for (int i = 0; i < n; i++) {
                    double v = ak[i];
                    if (v == 0) {
                        continue;
                    }
                    double[] gi = g[i];
                    for (int j = i; j < n; j++) {
                        gi[j] += v * ak[j];
                    }
                    for (int c = 0; c < d; c++) {
                        b[i][c] += v * y[k][c];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                g[i][i] += ridge;
                for (int j = 0; j < i; j++) {
                    g[i][j] = g[j][i];
                }
            }
            return Cholesky.solve(g, b);
        }
        double[][] g = new double[m][m]; // A A^T + ridge I
        for (int k = 0; k < m; k++) {
            for (int l = k; l < m; l++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += a[k][i] * a[l][i];
                }
                g[k][l] = s;
                g[l][k] = s;
            }
            g[k][k] += ridge;
        }
        double[][] z = Cholesky.solve(g, y); // m x d
        double[][] x = new double[n][d];
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < d; c++) {
                    x[i][c] += a[k][i] * z[k][c];
                }
            }
        }
        return x;
    }
}
