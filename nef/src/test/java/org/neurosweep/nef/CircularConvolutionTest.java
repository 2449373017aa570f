package org.neurosweep.nef;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neurosweep.nef.networks.CircularConvolution;
import org.neurosweep.nef.networks.RunOptions;

/** Nengo's CircularConvolution: its transforms, a spiking run against Nengo's accuracy, bad input. */
class CircularConvolutionTest {
    /** transformOut . ((transformA a) .* (transformB b)). */
    private static double[] throughTransforms(double[] a, double[] b, boolean invertA, boolean invertB) {
        int d = a.length;
        double[][] ta = CircularConvolution.transformA(d, invertA);
        double[][] tb = CircularConvolution.transformB(d, invertB);
        double[][] to = CircularConvolution.transformOut(d);
        int p = ta.length;
        double[] prod = new double[p];
        for (int r = 0; r < p; r++) {
            double x = 0;
            double y = 0;
            for (int j = 0; j < d; j++) {
                x += ta[r][j] * a[j];
                y += tb[r][j] * b[j];
            }
            prod[r] = x * y;
        }
        double[] c = new double[d];
        for (int k = 0; k < d; k++) {
            for (int r = 0; r < p; r++) {
                c[k] += to[k][r] * prod[r];
            }
        }
        return c;
    }

    private static double[] reversed(double[] v) {
        int d = v.length;
        double[] r = new double[d];
        for (int x = 0; x < d; x++) {
            r[x] = v[Math.floorMod(-x, d)];
        }
        return r;
    }

    private static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], tol, what + ", value " + k);
        }
    }

    @Test
    void directCircularConvolutionIsTheDefinition() {
        // c_k = sum_j a_j b_{(k - j) mod 3}
        double[] c = CircularConvolution.circconv(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertClose(new double[] {1 * 4 + 2 * 6 + 3 * 5, 1 * 5 + 2 * 4 + 3 * 6, 1 * 6 + 2 * 5 + 3 * 4}, c, 0, "circconv");
    }

    @Test
    void theTransformsComputeCircularConvolutionForEveryDimension() {
        Random rng = new Random(42);
        for (int d = 1; d <= 17; d++) {
            int p = 4 * (d / 2 + 1);
            assertEquals(p, CircularConvolution.productDimensions(d));
            for (double[][] t : new double[][][] {CircularConvolution.transformA(d, false), CircularConvolution.transformB(d, true)}) {
                assertEquals(p, t.length, "input transform rows, d = " + d);
                for (double[] row : t) {
                    assertEquals(d, row.length, "input transform columns, d = " + d);
                }
            }
            double[][] out = CircularConvolution.transformOut(d);
            assertEquals(d, out.length, "output transform rows, d = " + d);
            for (double[] row : out) {
                assertEquals(p, row.length, "output transform columns, d = " + d);
            }
            for (int trial = 0; trial < 3; trial++) {
                double[] a = new double[d];
                double[] b = new double[d];
                for (int j = 0; j < d; j++) {
                    a[j] = rng.nextGaussian();
                    b[j] = rng.nextGaussian();
                }
                String at = "d = " + d + ", trial " + trial;
                assertClose(CircularConvolution.circconv(a, b), throughTransforms(a, b, false, false), 1e-12, at);
                assertClose(CircularConvolution.circconv(reversed(a), b), throughTransforms(a, b, true, false), 1e-12, at + ", invert a");
                assertClose(CircularConvolution.circconv(a, reversed(b)), throughTransforms(a, b, false, true), 1e-12, at + ", invert b");
                assertClose(CircularConvolution.circconv(reversed(a), reversed(b)), throughTransforms(a, b, true, true), 1e-12,
                        at + ", invert both");
            }
        }
    }

    @Test
    void allRowsAreKeptAsNengoKeepsThem() {
        // d = 8: the imaginary rows at DC (A rows 1, 3; B rows 1, 2) are zero but present, and the output
        // column of Im F Im G at DC is -1/d, not 0.
        double[][] a = CircularConvolution.transformA(8, false);
        double[][] b = CircularConvolution.transformB(8, false);
        double[][] out = CircularConvolution.transformOut(8);
        assertEquals(20, a.length);
        for (int x = 0; x < 8; x++) {
            assertEquals(0.0, a[1][x], 0.0);
            assertEquals(0.0, a[3][x], 0.0);
            assertEquals(0.0, b[1][x], 0.0);
            assertEquals(0.0, b[2][x], 0.0);
            assertEquals(-1.0 / 8, out[x][1], 1e-15);
            assertEquals(0.0, out[x][2], 1e-15);
        }
    }

    @Test
    void aSpikingConvolutionOfEightDimensionsIsAsAccurateAsNengos() {
        // d = 8, 200 neurons per product dimension: 20 products x 2 squares x 100 neurons = 4,000 (Nengo: 4,000).
        CircularConvolution.Result r = CircularConvolution.run(8, 200, 0.5, 3, RunOptions.defaults());
        assertEquals(4000, r.neurons());
        assertEquals(8, r.dimensions());
        assertTrue(r.rmse() < 0.1, "RMSE " + r.rmse() + " (Nengo 0.040-0.096 over 5 seeds, 1 s)");
        assertTrue(r.rmse() > 0.001, "spiking noise remains: " + r.rmse());
    }

    @Test
    void theBuiltNetworkHasNengosShape() {
        Network net = new Network(1);
        CircularConvolution.Parts c = CircularConvolution.build(net, "c", 7, 5, false, false, 1.0);
        // d = 5: P = 12; 7 neurons per product -> 3 per square ensemble
        assertEquals(12, c.sq1().ensembles().size());
        assertEquals(12, c.sq2().ensembles().size());
        assertEquals(3, c.sq1().ensembles().get(0).neurons());
        assertEquals(12L * 2 * 3, net.neurons());
        assertEquals(2 * Math.sqrt(2), c.sq1().ensembles().get(0).radius, 1e-15, "radius 2 sqrt 2 x input magnitude");
        assertEquals(5, c.inputA().size());
        assertEquals(5, c.output().size());
        // one neuron per product still builds: max(1, 1 / 2) = 1 per square
        Network one = new Network(1);
        CircularConvolution.build(one, "c", 1, 2, false, false, 0.5);
        assertEquals(8L * 2, one.neurons());
    }

    @Test
    void badInputIsRefusedNamingTheValue() {
        Network net = new Network(1);
        NefException e = assertThrows(NefException.class, () -> CircularConvolution.build(net, "c", 100, 0, false, false, 1));
        assertTrue(e.getMessage().contains("dimensions = 0"), e.getMessage());
        e = assertThrows(NefException.class, () -> CircularConvolution.build(net, "c", 0, 4, false, false, 1));
        assertTrue(e.getMessage().contains("n_neurons = 0"), e.getMessage());
        e = assertThrows(NefException.class, () -> CircularConvolution.build(net, "c", 100, 4, false, false, 0));
        assertTrue(e.getMessage().contains("input_magnitude = 0.0"), e.getMessage());
        e = assertThrows(NefException.class, () -> CircularConvolution.build(net, "c", 100, 4, false, false, -2));
        assertTrue(e.getMessage().contains("input_magnitude = -2.0"), e.getMessage());
        e = assertThrows(NefException.class, () -> CircularConvolution.build(net, "c", 100, 4, false, false, Double.NaN));
        assertTrue(e.getMessage().contains("input_magnitude = NaN"), e.getMessage());
        e = assertThrows(NefException.class, () -> CircularConvolution.transformA(-3, false));
        assertTrue(e.getMessage().contains("dimensions = -3"), e.getMessage());
        e = assertThrows(NefException.class, () -> CircularConvolution.run(8, 200, 0.05, 1, RunOptions.defaults()));
        assertTrue(e.getMessage().contains("0.05"), e.getMessage());
        assertEquals(0, net.neurons(), "nothing was built by a refused call");
    }
}
