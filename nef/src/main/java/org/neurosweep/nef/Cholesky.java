package org.neurosweep.nef;

/** Solves G X = B for a symmetric positive definite G by Cholesky factorization (G = L L^T). */
final class Cholesky {
    private Cholesky() {
    }

    static double[][] solve(double[][] g, double[][] b) {
        int n = g.length;
        int d = b[0].length;
        double[][] l = new double[n][];
        for (int i = 0; i < n; i++) {
            l[i] = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                double s = g[i][j];
                double[] li = l[i];
                double[] lj = l[j];
                for (int k = 0; k < j; k++) {
                    s -= li[k] * lj[k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new NefException("the least-squares system is not positive definite (pivot " + s + " at " + i
                                + "); give the solver some regularization");
                    }
                    li[i] = Math.sqrt(s);
                } else {
                    li[j] = s / lj[j];
                }
            }
        }
        double[][] x = new double[n][d];
        for (int c = 0; c < d; c++) {
            double[] z = new double[n];
            for (int i = 0; i < n; i++) { // L z = b
                double s = b[i][c];
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * z[k];
                }
                z[i] = s / l[i][i];
            }
            for (int i = n - 1; i >= 0; i--) { // L^T x = z
                double s = z[i];
                for (int k = i + 1; k < n; k++) {
                    s -= l[k][i] * x[k][c];
                }
                x[i][c] = s / l[i][i];
            }
        }
        return x;
    }
}
