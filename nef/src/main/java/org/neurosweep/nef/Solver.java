package org.neurosweep.nef;

/**
 * How a decoded connection's decoders are found from the pre ensemble's activities at its eval points.
 * Implementations are records: their {@code toString()} names the solver and every setting, and is part of
 * the decoder cache's key.
 */
public interface Solver {
    /** Decoders X (n x d) for activities a (m x n, one row per eval point) and targets y (m x d). */
    double[][] solve(double[][] a, double[][] y);
}
