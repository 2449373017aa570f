package org.neurosweep.nef;

/**
 * A thin singular value decomposition W = U diag(s) V^T by one-sided (Hestenes) Jacobi rotations, for the small
 * problems of {@link RandomizedSvd} (a few dozen columns). Pairs of columns of W are rotated until every pair
 * is orthogonal to working precision; the rotations accumulate in V, the column norms are the singular values
 * and the normalized columns the left singular vectors. Deterministic: a fixed cyclic order of pairs.
 *
 * <p>A left singular vector whose singular value is exactly zero is left as zeros (W's rank is then below its
 * number of columns); every other one is a unit vector.
 */
final class Svd {
    /** Sweeps over all pairs; Jacobi converges quadratically, in well under 20 for these sizes. */
    static final int MAX_SWEEPS = 60;

    /** Left singular vectors, one array per singular value, largest first (length: W's rows). */
    final double[][] u;
    /** Singular values, largest first. */
    final double[] s;
    /** Right singular vectors, one array per singular value, largest first (length: W's columns). */
    final double[][] v;

    private Svd(double[][] u, double[] s, double[][] v) {
        this.u = u;
        this.s = s;
        this.v = v;
    }

    /** The thin SVD of a (m x n, by rows): min(m, n) singular values. */
    static Svd of(double[][] a) {
        int m = a.length;
        int n = a[0].length;
        if (m >= n) {
            return ofColumns(Dense.transpose(a, n));
        }
        double[][] rows = new double[m][];
        for (int k = 0; k < m; k++) {
            rows[k] = a[k].clone();
        }
        Svd t = ofColumns(rows); // A^T = U' S V'^T, so A = V' S U'^T
        return new Svd(t.v, t.s, t.u);
    }

    /** The thin SVD of W (p x q, p >= q) given as its q columns of length p; the arrays are overwritten. */
    static Svd ofColumns(double[][] w) {
        int q = w.length;
        int p = w[0].length;
        if (p < q) {
            throw new IllegalArgumentException("one-sided Jacobi needs at least as many rows as columns: " + p + " x " + q);
        }
        double[][] v = new double[q][q];
        for (int j = 0; j < q; j++) {
            v[j][j] = 1;
        }
        double tol = Math.ulp(1.0) * Math.sqrt(p);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int i = 0; i < q - 1; i++) {
                double[] wi = w[i];
                for (int j = i + 1; j < q; j++) {
                    double[] wj = w[j];
                    double alpha = 0;
                    double beta = 0;
                    double gamma = 0;
                    for (int k = 0; k < p; k++) {
                        double x = wi[k];
                        double y = wj[k];
                        alpha += x * x;
                        beta += y * y;
                        gamma += x * y;
                    }
                    if (gamma == 0 || Math.abs(gamma) <= tol * Math.sqrt(alpha) * Math.sqrt(beta)) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.hypot(1, zeta));
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = c * t;
                    rotate(wi, wj, c, s);
                    rotate(v[i], v[j], c, s);
                }
            }
            if (!rotated) {
                break;
            }
        }
        double[] norms = new double[q];
        Integer[] order = new Integer[q];
        for (int j = 0; j < q; j++) {
            double sum = 0;
            for (double x : w[j]) {
                sum += x * x;
            }
            norms[j] = Math.sqrt(sum);
            order[j] = j;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(norms[y], norms[x])); // stable: ties keep their order
        double[][] u = new double[q][];
        double[] s = new double[q];
        double[][] vs = new double[q][];
        for (int r = 0; r < q; r++) {
            int j = order[r];
            s[r] = norms[j];
            u[r] = w[j];
            if (norms[j] > 0) {
                for (int k = 0; k < p; k++) {
                    u[r][k] /= norms[j];
                }
            }
            vs[r] = v[j];
        }
        return new Svd(u, s, vs);
    }

    /** (x, y) <- (c x - s y, s x + c y). */
    private static void rotate(double[] x, double[] y, double c, double s) {
        for (int k = 0; k < x.length; k++) {
            double a = x[k];
            double b = y[k];
            x[k] = c * a - s * b;
            y[k] = s * a + c * b;
        }
    }
}
