package org.neurosweep.nef;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Bekolay et al. (2014)'s communication channel, and probes. */
class ChannelTest {
    /** u -> A -> B -> probe(B, 10 ms), n neurons per ensemble; returns the RMSE as ../shared/notes/nef.md defines it. */
    static double channelRmse(int n, int d, double seconds, long seed) {
        Network net = new Network(seed);
        Node u = net.node("u", d, t -> {
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                v[i] = Math.sin(2 * Math.PI * t + 2 * Math.PI * i / d) / Math.sqrt(d);
            }
            return v;
        });
        Ensemble a = net.ensemble("A", n, d);
        Ensemble b = net.ensemble("B", n, d);
        net.connect(u, a);
        net.connect(a, b);
        Probe p = net.probe(b, 0.01, 0);
        Simulator sim = new Simulator(net);
        sim.run(seconds);
        double[][] out = sim.data(p);
        double[] t = sim.times(p);
        double best = Double.MAX_VALUE;
        for (int lag = 0; lag <= 50; lag++) { // steps of 1 ms
            double sum = 0;
            for (int i = 0; i < d; i++) {
                double se = 0;
                int count = 0;
                for (int k = 0; k < t.length; k++) {
                    if (t[k] < 0.1) {
                        continue;
                    }
                    double target = Math.sin(2 * Math.PI * (t[k] - lag * 0.001) + 2 * Math.PI * i / d) / Math.sqrt(d);
                    se += Math.pow(out[k][i] - target, 2);
                    count++;
                }
                sum += Math.sqrt(se / count);
            }
            best = Math.min(best, sum / d);
        }
        return best;
    }

    @Test
    void aHundredNeuronChannelPassesItsSignalAsNengosDoes() {
        double rmse = channelRmse(100, 1, 2.0, 7);
        assertTrue(rmse < 0.03, "RMSE " + rmse + " (Nengo 0.020-0.025)");
        assertTrue(rmse > 0.001, "spiking noise remains: " + rmse);
    }

    @Test
    void sampleEveryKeepsEveryKthSampleExactly() {
        Network net = new Network(3);
        Node n = net.node("ramp", 1, t -> new double[] {t});
        Probe every = net.probe(n, 0, 0);
        Probe fifth = net.probe(n, 0, 0.005);
        Simulator sim = new Simulator(net);
        sim.run(0.1);
        double[][] all = sim.data(every);
        double[][] some = sim.data(fifth);
        assertEquals(100, all.length);
        assertEquals(20, some.length);
        for (int k = 0; k < some.length; k++) {
            assertArrayEquals(all[5 * k + 4], some[k], 0.0, "sample " + k + " is step " + (5 * k + 5));
        }
        assertEquals(0.001, sim.times(every)[0], 1e-15, "the first step is at t = dt");
    }

    @Test
    void theSameSeedGivesTheSameOutput() {
        assertEquals(channelRmse(50, 2, 0.3, 11), channelRmse(50, 2, 0.3, 11), 0.0);
    }
}
