package org.neurosweep.nef;

/**
 * Nengo's default solver: regularized least squares. With activities A (m x n), targets Y (m x d),
 * sigma = reg * max(A): X = (A^T A + m sigma^2 I)^-1 A^T Y, or A^T (A A^T + m sigma^2 I)^-1 Y when there are
 * fewer points than neurons, both solved by Cholesky.
 *
 * <p>The Gram matrix skips zero activities and is computed in cache-sized tiles, and the Cholesky factorization
 * is blocked ({@link Dense}); both are deterministic: the same input gives the same bits.
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
        double max = Dense.checkedMax("LstsqL2", a, y);
        int m = a.length;
        int n = a[0].length;
        double sigma = reg * max;
        double ridge = m * sigma * sigma;
        if (m >= n) {
            double[][] g = Dense.gramUpper(a, n, ridge); // A^T A + ridge I, as the sum of the rows' outer products
            Dense.choleskyUpper(g);
            return Dense.choleskySolve(g, Dense.transposeTimes(a, n, y));
        }
        double[][] g = Dense.gramUpper(Dense.transpose(a, n), m, ridge); // A A^T + ridge I, by A's columns
        Dense.choleskyUpper(g);
        return Dense.transposeTimes(a, n, Dense.choleskySolve(g, y));
    }
}
