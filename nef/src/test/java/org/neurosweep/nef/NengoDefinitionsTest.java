package org.neurosweep.nef;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Nengo's definitions, against the golden values computed with Nengo's own code (../shared/notes/nef.md). */
class NengoDefinitionsTest {
    @Test
    void lifGainBiasAndRatesAreNengos() {
        double[][] gb = NeuronType.lif().gainBias(new double[] {200, 400, 300}, new double[] {-1 + 1e-15, 0.9, 0});
        double[][] expected = {{3.08958099, 4.08958099}, {395.02083312, -354.5187498}, {14.50555514, 1.0}};
        double[] rateAtHalf = {169.2706, 0, 218.1831};
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i][0], gb[0][i], 1e-7, "gain " + i);
            assertEquals(expected[i][1], gb[1][i], 1e-6, "bias " + i);
            assertEquals(rateAtHalf[i], NeuronType.lif().rate(gb[0][i] * 0.5 + gb[1][i]), 1e-4, "rate at x = 0.5, neuron " + i);
        }
    }

    @Test
    void aSpikingLifFiresAsNengosForConstantInput() {
        double[] currents = {1.5, 3, 10};
        int[] nengo = {41, 99, 243};
        double[] rates = {41.71, 98.92, 243.47};
        for (int c = 0; c < 3; c++) {
            NeuronType.Stepper s = NeuronType.lif().stepper(1, new java.util.SplittableRandom(1));
            // the initial voltage is random, as Nengo's, so the count may differ from Nengo's by one spike
            double[] j = {currents[c]};
            double[] out = new double[1];
            int spikes = 0;
            for (int k = 0; k < 1000; k++) {
                s.step(0.001, j, out);
                spikes += out[0] > 0 ? 1 : 0;
            }
            assertTrue(Math.abs(spikes - nengo[c]) <= 1, "J = " + currents[c] + ": " + spikes + " spikes, Nengo " + nengo[c]);
            assertEquals(rates[c], NeuronType.lif().rate(currents[c]), 0.01, "rate formula at J = " + currents[c]);
        }
    }

    @Test
    void rectifiedLinearGainBiasAndSpikingCounts() {
        double[][] gb = new NeuronType.RectifiedLinear(1).gainBias(new double[] {100}, new double[] {0.5});
        assertEquals(200, gb[0][0], 1e-12);
        assertEquals(-100, gb[1][0], 1e-12);
        NeuronType.Stepper s = new NeuronType.SpikingRectifiedLinear(1).stepper(1, new java.util.SplittableRandom(1));
        double[] out = new double[1];
        int spikes = 0;
        for (int k = 0; k < 1000; k++) {
            s.step(0.001, new double[] {37.0}, out);
            spikes += (int) Math.round(out[0] * 0.001);
        }
        assertEquals(37, spikes, "37 Hz for 1 s");
    }

    @Test
    void lstsqL2EqualsTheRegularizedNormalEquationsSolvedAnotherWay() {
        Random r = new Random(3);
        for (int[] shape : new int[][] {{60, 20}, {15, 40}}) {
            int m = shape[0];
            int n = shape[1];
            double[][] a = new double[m][n];
            double[][] y = new double[m][2];
            for (int k = 0; k < m; k++) {
                for (int i = 0; i < n; i++) {
                    a[k][i] = Math.max(0, 100 * r.nextGaussian());
                }
                y[k][0] = r.nextGaussian();
                y[k][1] = r.nextGaussian();
            }
            double[][] x = new LstsqL2(0.1).solve(a, y);
            double max = 0;
            for (double[] row : a) {
                for (double v : row) {
                    max = Math.max(max, v);
                }
            }
            double ridge = m * Math.pow(0.1 * max, 2);
            // residual of (A^T A + ridge I) X - A^T Y, which is zero at the solution whichever form solved it
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < n; i++) {
                    double lhs = ridge * x[i][c];
                    double rhs = 0;
                    for (int k = 0; k < m; k++) {
                        double ax = 0;
                        for (int l = 0; l < n; l++) {
                            ax += a[k][l] * x[l][c];
                        }
                        lhs += a[k][i] * ax;
                        rhs += a[k][i] * y[k][c];
                    }
                    assertEquals(rhs, lhs, 1e-8 * Math.max(1, Math.abs(rhs)), m + "x" + n + ": row " + i);
                }
            }
        }
    }

    /**
     * Nengo's solver info rmses of a decoded identity with every default, over 20 seeds (notes/nef.md: mean
     * [min-max] over 20 seeds of Nengo's own builds): our mean must fall in Nengo's range.
     */
    @Test
    void theDecodedIdentitysTrainingErrorIsInNengosRange() {
        double[][] cases = {{50, 1, 0.0075, 0.0160}, {100, 1, 0.0049, 0.0098}, {200, 1, 0.0033, 0.0049}, {1000, 1, 0.0018, 0.0024},
            {500, 4, 0.0080, 0.0093}};
        for (double[] c : cases) {
            int n = (int) c[0];
            int d = (int) c[1];
            double sum = 0;
            int seeds = n >= 500 ? 8 : 20;
            for (int seed = 0; seed < seeds; seed++) {
                Network net = new Network(seed);
                Ensemble a = net.ensemble("A", n, d);
                Node out = net.passthrough("out", d);
                Connection conn = net.connect(a, out).synapse(0);
                double[] rmses = new Simulator(net).trainingRmse(conn);
                for (double r : rmses) {
                    sum += r / d;
                }
            }
            double mean = sum / seeds;
            assertTrue(mean >= c[2] && mean <= c[3], "n = " + n + ", d = " + d + ": mean training RMSE " + mean + ", Nengo's range ["
                    + c[2] + ", " + c[3] + "]");
        }
    }

    @Test
    void badInputIsNamed() {
        assertTrue(assertThrows(NefException.class, () -> NeuronType.lif().gainBias(new double[] {600}, new double[] {0}))
                .getMessage().contains("max_rate 600.0 Hz"));
        assertTrue(assertThrows(NefException.class, () -> NeuronType.lif().gainBias(new double[] {100}, new double[] {1.0}))
                .getMessage().contains("intercept 1.0"));
        Network net = new Network(1);
        Ensemble a = net.ensemble("A", 10, 2);
        Ensemble b = net.ensemble("B", 10, 3);
        net.connect(a, b);
        assertTrue(assertThrows(NefException.class, () -> new Simulator(net)).getMessage().contains("gives 2 values but the post side takes 3"));
        Network net2 = new Network(1);
        Ensemble c = net2.ensemble("C", 10, 1);
        net2.connect(c, c).function(x -> new double[] {x[0], x[0]}, 1);
        assertTrue(assertThrows(NefException.class, () -> new Simulator(net2)).getMessage().contains("returned 2 values"));
        Network net3 = new Network(1);
        Ensemble e = net3.ensemble("E", 10, 1);
        net3.probe(e, 0.01, 0.0015);
        assertTrue(assertThrows(NefException.class, () -> new Simulator(net3)).getMessage().contains("multiple of dt"));
        assertTrue(assertThrows(NefException.class, () -> net3.connect(e, e).synapse(-0.1)).getMessage().contains("-0.1"));
        assertTrue(assertThrows(NefException.class, () -> e.intercepts(-1.5, 0.5)).getMessage().contains("(-1, 1)"));
    }
}
