package org.neurosweep.nef;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Bekolay et al. (2014)'s communication channel, and probes. */
class ChannelTest {
    static double channelRmse(int n, int d, double seconds, long seed) {
        return org.neurosweep.nef.networks.CommunicationChannel.run(n, d, seconds, seed).rmse();
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
    void aChannelDecodedByRandomizedSvdPassesItsSignal() {
        Network net = new Network(5);
        Node u = net.node("u", 1, t -> new double[] {Math.sin(2 * Math.PI * t)});
        Ensemble a = net.ensemble("A", 300, 1);
        Ensemble b = net.ensemble("B", 100, 1);
        net.connect(u, a);
        Connection ab = net.connect(a, b).solver(RandomizedSvd.defaults());
        Probe p = net.probe(b, 0.01, 0);
        Simulator sim = new Simulator(net);
        assertTrue(sim.trainingRmse(ab)[0] < 0.01, "training RMSE " + sim.trainingRmse(ab)[0]);
        sim.run(1.0);
        double rmse = org.neurosweep.nef.networks.CommunicationChannel.rmse(sim.times(p), sim.data(p), 1)[0]; // u as the channel's, d = 1
        assertTrue(rmse < 0.05, "RMSE " + rmse);
    }

    @Test
    void theSameSeedGivesTheSameOutput() {
        assertEquals(channelRmse(50, 2, 0.3, 11), channelRmse(50, 2, 0.3, 11), 0.0);
    }
}
