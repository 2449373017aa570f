package org.neurosweep.samples.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neurosweep.simulator.NodeCollection;
import org.neurosweep.simulator.devices.SpikeEvents;

/** The measures on spike trains whose answer is known: independent Poisson neurons, volleys, regular neurons. */
class SpikeStatisticsTest {
    private static final int N = 2000;

    /** {@code n} neurons firing as independent Poisson processes at {@code rateHz}, or all at the same times. */
    private static SpikeEvents poisson(int n, double rateHz, double tMs, boolean together, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<double[]> spikes = new ArrayList<>();
        if (together) {
            for (double t = next(r, rateHz); t < tMs; t += next(r, rateHz)) {
                for (int id = 1; id <= n; id++) {
                    spikes.add(new double[] {t, id});
                }
            }
        } else {
            for (int id = 1; id <= n; id++) {
                for (double t = next(r, rateHz); t < tMs; t += next(r, rateHz)) {
                    spikes.add(new double[] {t, id});
                }
            }
        }
        spikes.sort((a, b) -> Double.compare(a[0], b[0]));
        int[] senders = new int[spikes.size()];
        double[] times = new double[spikes.size()];
        for (int k = 0; k < spikes.size(); k++) {
            times[k] = spikes.get(k)[0];
            senders[k] = (int) spikes.get(k)[1];
        }
        return new SpikeEvents(senders, times);
    }

    private static double next(SplittableRandom r, double rateHz) {
        return -Math.log(1 - r.nextDouble()) * 1000 / rateHz;
    }

    private static NodeCollection ids(int n) {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i + 1;
        }
        return NodeCollection.of(ids);
    }

    @Test
    void independentPoissonNeuronsAreIrregularAndAsynchronousWhateverTheirNumber() {
        SpikeStatistics s = SpikeStatistics.of(poisson(N, 20, 2100, false, 1), ids(N), 100, 2100, 0.5);
        assertEquals(20, s.rateHz(), 0.5);
        assertEquals(1.0, s.cvIsi(), 0.05, "CV of a Poisson process");
        assertTrue(s.sync(10) < 0.05, "no modulation beyond counting noise: " + s.sync(10));
        assertTrue(s.coherence(2.5, 25) < 0.1, "no periodicity: " + s.coherence(2.5, 25));
        assertEquals(2000 / 0.5, s.counts().length);
    }

    @Test
    void neuronsFiringInVolleysAreSynchronous() {
        SpikeStatistics s = SpikeStatistics.of(poisson(200, 20, 2100, true, 2), ids(200), 100, 2100, 0.5);
        assertTrue(s.sync(10) > 1.5, "every neuron fires in the same bins: " + s.sync(10));
    }

    @Test
    void aRegularOscillationIsCoherentAndItsSpectrumPeaksAtItsFrequency() {
        // 100 neurons each firing every 5 ms (200 Hz), in phase: a periodic population rate
        int n = 100;
        List<Integer> senders = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        for (double t = 0.25; t < 1000; t += 5) {
            for (int id = 1; id <= n; id++) {
                senders.add(id);
                times.add(t);
            }
        }
        SpikeEvents e = new SpikeEvents(senders.stream().mapToInt(Integer::intValue).toArray(),
                times.stream().mapToDouble(Double::doubleValue).toArray());
        SpikeStatistics s = SpikeStatistics.of(e, ids(n), 0, 1000, 0.5);
        assertEquals(0, s.cvIsi(), 1e-9, "perfectly regular");
        assertEquals(1.0, s.coherence(2.5, 25), 0.01);
        double[] rate = SpikeStatistics.populationRate(e, ids(n), 1000, 0.5);
        assertEquals(200.0, PowerSpectrum.welch(rate, 0.5, 256).peakHz(10), 1000.0 / (256 * 0.5));
    }

    @Test
    void populationRateIsSpikesPerNeuronPerSecondInEachBin() {
        SpikeEvents e = new SpikeEvents(new int[] {1, 2, 2, 1}, new double[] {0.1, 0.2, 1.4, 2.9});
        double[] rate = SpikeStatistics.populationRate(e, ids(2), 3, 1.0);
        assertEquals(3, rate.length);
        assertEquals(1000.0, rate[0], 1e-9, "2 spikes of 2 neurons in 1 ms");
        assertEquals(500.0, rate[1], 1e-9);
        assertEquals(500.0, rate[2], 1e-9);
    }

    @Test
    void anEmptyWindowIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpikeStatistics.of(new SpikeEvents(new int[0], new double[0]), ids(1), 100, 100, 0.5));
        assertTrue(e.getMessage().contains("[100.0, 100.0)"), e.getMessage());
    }

    @Test
    void welchSpectrumKeepsThePowerOfASine() {
        // a sine of amplitude a has variance a^2 / 2: the one-sided density integrates to it (Parseval)
        double dt = 0.5;
        double[] x = new double[4096];
        for (int i = 0; i < x.length; i++) {
            x[i] = 3.0 * Math.sin(2 * Math.PI * 62.5 * i * dt / 1000);
        }
        PowerSpectrum p = PowerSpectrum.welch(x, dt, 256);
        double df = p.frequencies()[1];
        double total = 0;
        for (double v : p.power()) {
            total += v * df;
        }
        assertEquals(4.5, total, 0.05);
        assertEquals(62.5, p.peakHz(10), 1e-9);
        assertEquals(1000.0, p.frequencies()[p.frequencies().length - 1], 1e-9, "up to the Nyquist frequency");
    }
}
