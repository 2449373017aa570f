package org.neurosweep.simulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neurosweep.simulator.ConnSpec;
import org.neurosweep.simulator.Kernel;
import org.neurosweep.simulator.NodeCollection;
import org.neurosweep.simulator.SynSpec;

/** The poisson_generator's rate and irregularity, and the sampler's exactness. */
class PoissonTest {
    @Test
    void samplerMatchesThePoissonDistribution() {
        for (double lambda : new double[] {0.005, 0.3, 2.0, 15.0}) {
            PoissonSampler p = new PoissonSampler(lambda);
            SplittableRandom rng = new SplittableRandom(123);
            int n = 1_000_000;
            long[] counts = new long[200];
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < n; i++) {
                int k = p.sample(rng.nextLong());
                counts[k]++;
                sum += k;
                sumSq += (double) k * k;
            }
            double mean = sum / n;
            double var = sumSq / n - mean * mean;
            assertEquals(lambda, mean, 5 * Math.sqrt(lambda / n), "mean for lambda " + lambda);
            assertEquals(lambda, var, 0.02 * lambda + 5 * Math.sqrt(2 * lambda * lambda / n), "variance for lambda " + lambda);
            double pk = Math.exp(-lambda);
            for (int k = 0; k < 10; k++) {
                double expected = n * pk;
                if (expected > 100) {
                    assertEquals(expected, counts[k], 5 * Math.sqrt(expected), "P(" + k + ") for lambda " + lambda);
                }
                pk *= lambda / (k + 1);
            }
        }
    }

    /**
     * Each poisson input drives an iaf_psc_delta far above threshold with no refractory period, so every
     * input spike is an output spike the next step: the outputs are the generator's trains.
     */
    @Test
    void generatorRateAndCvOfIndependentTrains() {
        double rate = 40;
        int neurons = 100;
        double seconds = 20;
        try (Kernel k = Kernel.builder().seed(9).build()) {
            NodeCollection pg = k.create("poisson_generator", 1, Map.of("rate", rate));
            NodeCollection n = k.create("iaf_psc_delta", neurons, Map.of("t_ref", 0.0, "tau_m", 0.1));
            NodeCollection sr = k.create("spike_recorder");
            k.connect(pg, n, ConnSpec.allToAll(), SynSpec.of(100.0, 0.1));
            k.connect(n, sr);
            k.simulate(seconds * 1000);
            SpikeEvents e = k.spikes(sr);
            double measured = e.size() / (double) neurons / seconds;
            assertEquals(rate, measured, 5 * Math.sqrt(rate / (neurons * seconds)), "rate (Hz)");
            double[] last = new double[neurons + 2]; // neurons are nodes 2..101
            double sum = 0;
            double sumSq = 0;
            long intervals = 0;
            int[] perNeuron = new int[neurons + 2];
            for (int i = 0; i < e.size(); i++) {
                int id = e.senders()[i];
                if (perNeuron[id]++ > 0) {
                    double isi = e.times()[i] - last[id];
                    sum += isi;
                    sumSq += isi * isi;
                    intervals++;
                }
                last[id] = e.times()[i];
            }
            double mean = sum / intervals;
            double cv = Math.sqrt(sumSq / intervals - mean * mean) / mean;
            assertEquals(1.0, cv, 0.03, "CV of inter-spike intervals of a Poisson process");
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int id = 2; id <= neurons + 1; id++) {
                min = Math.min(min, perNeuron[id]);
                max = Math.max(max, perNeuron[id]);
            }
            assertTrue(max > min, "each target gets its own realization");
        }
    }
}
