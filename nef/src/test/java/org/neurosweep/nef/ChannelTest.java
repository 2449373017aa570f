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
    void theSameSeedGivesTheSameOutput() {
        assertEquals(channelRmse(50, 2, 0.3, 11), channelRmse(50, 2, 0.3, 11), 0.0);
    }
}
