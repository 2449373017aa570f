package org.neurosweep.nef;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The decoder solvers against the same problems solved another way (../shared/notes/nef.md, "Connections and solvers"). */
class SolversTest {
    /** Activities like a rectified population's: about half zeros, some eval points where no neuron fires, a silent neuron. */
    private static double[][] activities(Random r, int m, int n) {
        double[][] a = new double[m][n];
        for (int k = 0; k < m; k++) {
            if (k % 7 == 3) {
                continue; // a row of zeros
            }
            for (int i = 1; i < n; i++) { // neuron 0 never fires
                a[k][i] = Math.max(0, 100 * r.nextGaussian());
            }
        }
        return a;
    }

    private static double[][] gaussian(Random r, int m, int d) {
        double[][] y = new double[m][d];
        for (double[] row : y) {
            for (int c = 0; c < d; c++) {
                row[c] = r.nextGaussian();
            }
        }
        return y;
    }

    private static double ridge(double[][] a, double reg) {
        double max = 0;
        for (double[] row : a) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        return a.length * Math.pow(reg * max, 2);
    }

    /**
     * The ridge solution by another route: least squares of the augmented system [A; sqrt(ridge) I] X = [Y; 0]
     * by Householder QR, which never forms A^T A or A A^T.
     */
    private static double[][] ridgeByQr(double[][] a, double[][] y, double ridge) {
        int m = a.length;
        int n = a[0].length;
        int d = y[0].length;
        int rows = m + n;
        double[][] c = new double[n][rows]; // by column
        double[][] b = new double[d][rows];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < m; k++) {
                c[i][k] = a[k][i];
            }
            c[i][m + i] = Math.sqrt(ridge);
        }
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < m; k++) {
                b[j][k] = y[k][j];
            }
        }
        for (int col = 0; col < n; col++) {
            double[] v = c[col];
            double norm = 0;
            for (int k = col; k < rows; k++) {
                norm += v[k] * v[k];
            }
            norm = Math.sqrt(norm);
            double alpha = v[col] > 0 ? -norm : norm;
            double[] h = new double[rows];
            for (int k = col; k < rows; k++) {
                h[k] = v[k];
            }
            h[col] -= alpha;
            double hh = 0;
            for (int k = col; k < rows; k++) {
                hh += h[k] * h[k];
            }
            for (double[] target : concat(c, col, b)) {
                double dot = 0;
                for (int k = col; k < rows; k++) {
                    dot += h[k] * target[k];
                }
                double f = 2 * dot / hh;
                for (int k = col; k < rows; k++) {
                    target[k] -= f * h[k];
                }
            }
        }
        double[][] x = new double[n][d];
        for (int j = 0; j < d; j++) {
            for (int i = n - 1; i >= 0; i--) {
                double s = b[j][i];
                for (int l = i + 1; l < n; l++) {
                    s -= c[l][i] * x[l][j];
                }
                x[i][j] = s / c[i][i];
            }
        }
        return x;
    }

    private static double[][] concat(double[][] c, int from, double[][] b) {
        double[][] all = new double[c.length - from + b.length][];
        for (int i = from; i < c.length; i++) {
            all[i - from] = c[i];
        }
        for (int j = 0; j < b.length; j++) {
            all[c.length - from + j] = b[j];
        }
        return all;
    }

    private static void assertClose(double[][] expected, double[][] actual, double relative, String what) {
        double scale = 0;
        for (double[] row : expected) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        assertEquals(expected.length, actual.length, what + ": rows");
        for (int i = 0; i < expected.length; i++) {
            for (int c = 0; c < expected[i].length; c++) {
                assertEquals(expected[i][c], actual[i][c], relative * scale, what + ": [" + i + "][" + c + "]");
            }
        }
    }

    @Test
    void lstsqL2IsTheRidgeSolutionFoundByQrOfTheAugmentedSystem() {
        Random r = new Random(11);
        // past the Gram's row chunks (128) and column tiles (512) and the Cholesky's panels (64), both forms
        for (int[] shape : new int[][] {{700, 520}, {530, 600}, {40, 7}, {5, 20}, {64, 64}}) {
            double[][] a = activities(r, shape[0], shape[1]);
            double[][] y = gaussian(r, shape[0], 2);
            assertClose(ridgeByQr(a, y, ridge(a, 0.1)), new LstsqL2(0.1).solve(a, y), 1e-8, shape[0] + "x" + shape[1]);
        }
    }

    @Test
    void randomizedSvdWithAFullSvdIsLstsqL2sProblem() {
        Random r = new Random(12);
        for (int[] shape : new int[][] {{200, 50}, {40, 300}, {70, 500}, {90, 70}}) {
            double[][] a = activities(r, shape[0], shape[1]);
            double[][] y = gaussian(r, shape[0], 3);
            assertClose(new LstsqL2(0.1).solve(a, y), RandomizedSvd.defaults().solve(a, y), 1e-8, shape[0] + "x" + shape[1]);
            assertClose(new LstsqL2(0.01).solve(a, y), new RandomizedSvd(0.01, 60, 10, 0, 7).solve(a, y), 1e-8,
                    shape[0] + "x" + shape[1] + ", reg 0.01");
        }
    }

    /** A 1-d LIF population's activities (m x n) at eval points uniform in [-1, 1], encoders +-1, Nengo's defaults. */
    private static double[][][] lifProblem(long seed, int m, int n) {
        Random r = new Random(seed);
        double[] maxRates = new double[n];
        double[] intercepts = new double[n];
        double[] encoders = new double[n];
        for (int i = 0; i < n; i++) {
            maxRates[i] = 200 + 200 * r.nextDouble();
            intercepts[i] = -1 + 1.9 * r.nextDouble();
            encoders[i] = r.nextBoolean() ? 1 : -1;
        }
        double[][] gb = NeuronType.lif().gainBias(maxRates, intercepts);
        double[][] a = new double[m][n];
        double[][] y = new double[m][1];
        for (int k = 0; k < m; k++) {
            double x = -1 + 2 * r.nextDouble();
            y[k][0] = x;
            for (int i = 0; i < n; i++) {
                a[k][i] = NeuronType.lif().rate(gb[0][i] * encoders[i] * x + gb[1][i]);
            }
        }
        return new double[][][] {a, y};
    }

    private static double rmse(double[][] a, double[][] y, double[][] x) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            for (int c = 0; c < y[0].length; c++) {
                double decoded = 0;
                for (int i = 0; i < x.length; i++) {
                    decoded += a[k][i] * x[i][c];
                }
                sum += (decoded - y[k][c]) * (decoded - y[k][c]);
            }
        }
        return Math.sqrt(sum / (a.length * y[0].length));
    }

    @Test
    void randomizedSvdDecodesALifPopulationNearlyAsWellAsLstsqL2() {
        for (int m : new int[] {2000, 500}) { // A tall (M = A) and wide (M = A^T)
            double[][][] p = lifProblem(5, m, 1000);
            double exact = rmse(p[0], p[1], LstsqL2.defaults().solve(p[0], p[1]));
            assertTrue(exact > 0 && exact < 0.01, "m = " + m + ": LstsqL2's training RMSE " + exact);
            for (RandomizedSvd solver : new RandomizedSvd[] {RandomizedSvd.defaults(), new RandomizedSvd(0.1, 60, 10, 2, 3)}) {
                double approx = rmse(p[0], p[1], solver.solve(p[0], p[1]));
                assertTrue(approx <= 2 * exact, "m = " + m + ", " + solver + ": RMSE " + approx + ", LstsqL2 " + exact);
            }
        }
    }

    @Test
    void theSvdReconstructsARandomMatrixWithOrthonormalSingularVectors() {
        Random r = new Random(13);
        for (int[] shape : new int[][] {{120, 40}, {30, 90}, {70, 70}, {1, 5}}) {
            int m = shape[0];
            int n = shape[1];
            double[][] a = gaussian(r, m, n);
            Svd svd = Svd.of(a);
            int q = Math.min(m, n);
            assertEquals(q, svd.s.length);
            for (int j = 0; j < q; j++) {
                assertTrue(svd.s[j] >= 0 && (j == 0 || svd.s[j] <= svd.s[j - 1]), "singular values descending: " + j);
                assertEquals(m, svd.u[j].length);
                assertEquals(n, svd.v[j].length);
            }
            for (int k = 0; k < m; k++) {
                for (int i = 0; i < n; i++) {
                    double sum = 0;
                    for (int j = 0; j < q; j++) {
                        sum += svd.u[j][k] * svd.s[j] * svd.v[j][i];
                    }
                    assertEquals(a[k][i], sum, 1e-10, m + "x" + n + ": [" + k + "][" + i + "]");
                }
            }
            for (double[][] vectors : new double[][][] {svd.u, svd.v}) {
                for (int j = 0; j < q; j++) {
                    for (int l = 0; l <= j; l++) {
                        double dot = 0;
                        for (int k = 0; k < vectors[j].length; k++) {
                            dot += vectors[j][k] * vectors[l][k];
                        }
                        assertEquals(j == l ? 1 : 0, dot, 1e-10, m + "x" + n + ": vectors " + j + ", " + l);
                    }
                }
            }
        }
    }

    @Test
    void badSettingsAreRefusedNamingTheValue() {
        for (Runnable bad : new Runnable[] {
                () -> new RandomizedSvd(-0.5, 60, 10, 0, 0), () -> new RandomizedSvd(Double.NaN, 60, 10, 0, 0),
                () -> new RandomizedSvd(Double.POSITIVE_INFINITY, 60, 10, 0, 0), () -> new RandomizedSvd(0.1, 0, 10, 0, 0),
                () -> new RandomizedSvd(0.1, 60, -3, 0, 0), () -> new RandomizedSvd(0.1, 60, 10, -2, 0),
                () -> new RandomizedSvd(0.1, Integer.MAX_VALUE, 10, 0, 0), () -> new LstsqL2(-1)}) {
            NefException e = assertThrows(NefException.class, bad::run);
            assertTrue(e.getMessage().matches(".*= (-0\\.5|NaN|Infinity|0|-3|-2|2147483657|-1\\.0) must be .*"), e.getMessage());
        }
        double[][] a = {{1, 2}, {3, 4}};
        NefException e = assertThrows(NefException.class, () -> LstsqL2.defaults().solve(a, new double[][] {{1}}));
        assertTrue(e.getMessage().contains("targets are 1 x 1 for 2 eval points"), e.getMessage());
        e = assertThrows(NefException.class, () -> RandomizedSvd.defaults().solve(new double[][] {{1, 2}, {3}}, new double[][] {{1}, {2}}));
        assertTrue(e.getMessage().contains("eval point 1 has 1 activities"), e.getMessage());
    }

    @Test
    void theSameSeedGivesTheSameBitsAndTheSeedIsInTheCacheKey() {
        double[][][] p = lifProblem(8, 600, 300);
        RandomizedSvd solver = RandomizedSvd.defaults();
        double[][] x = solver.solve(p[0], p[1]);
        double[][] again = new RandomizedSvd(0.1, 60, 10, 0, 0).solve(p[0], p[1]);
        double[][] other = solver.withSeed(1).solve(p[0], p[1]);
        boolean differs = false;
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(x[i], again[i], "neuron " + i);
            differs |= x[i][0] != other[i][0];
        }
        assertTrue(differs, "another seed, another random projection");
        double[][] l1 = LstsqL2.defaults().solve(p[0], p[1]);
        double[][] l2 = LstsqL2.defaults().solve(p[0], p[1]);
        for (int i = 0; i < l1.length; i++) {
            assertArrayEquals(l1[i], l2[i], "LstsqL2, neuron " + i);
        }
        assertEquals("RandomizedSvd[reg=0.1, nComponents=60, nOversamples=10, nIter=0, seed=0]", solver.toString());
        assertFalse(solver.toString().equals(solver.withSeed(1).toString()));
    }
}
