package org.neurosweep.samples.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurosweep.simulator.Kernel;
import org.neurosweep.simulator.devices.SpikeEvents;

/**
 * Brunel (2000), Fig. 8: the four example states of model A at full size (12,500 neurons) classified as
 * Brunel did: A (g 3, eta 2) synchronous regular, B (g 6, eta 4) synchronous irregular with a fast
 * (about 180 Hz) oscillation, C (g 5, eta 2) asynchronous irregular, D (g 4.5, eta 0.9) synchronous
 * irregular with a slow oscillation. Also the classification's own rules.
 */
class RegimeTest {
    private static Regime simulate(double g, double eta, double[] peakHz) {
        try (Kernel k = Kernel.builder().threads(2).seed(11).build()) {
            Network.Built b = new Brunel().build(k, Map.of("g", g, "eta", eta));
            k.simulate(500);
            SpikeEvents spikes = k.spikes(b.recorder());
            SpikeStatistics s = SpikeStatistics.of(spikes, b.neurons(), 100, 500, 0.5);
            double[] rate = SpikeStatistics.populationRate(spikes, b.neurons(), 500, 0.5);
            peakHz[0] = PowerSpectrum.welch(Arrays.copyOfRange(rate, 200, rate.length), 0.5, 256).peakHz(10);
            return Regime.classify(s.rateHz(), s.cvIsi(), s.sync(Regime.SYNC_BIN_MS),
                    s.coherence(Regime.MIN_LAG_MS, Regime.MAX_LAG_MS));
        }
    }

    @Test
    void brunelsFigure8ExamplesAreClassifiedAsBrunelDid() {
        double[] peak = new double[1];
        assertEquals(Regime.SR, simulate(3, 2, peak), "A");
        assertEquals(Regime.SI_FAST, simulate(6, 4, peak), "B");
        assertEquals(180, peak[0], 15, "B oscillates at about 180 Hz");
        assertEquals(Regime.AI, simulate(5, 2, peak), "C");
        assertEquals(Regime.SI_SLOW, simulate(4.5, 0.9, peak), "D");
        assertTrue(peak[0] < 50, "D oscillates slowly: " + peak[0] + " Hz");
    }

    @Test
    void rulesApplyInOrder() {
        assertEquals(Regime.QUIET, Regime.classify(0.05, Double.NaN, Double.NaN, Double.NaN));
        assertEquals(Regime.SR, Regime.classify(300, 0.01, 0.07, 1.0));
        assertEquals(Regime.SI_SLOW, Regime.classify(5, 0.4, 1.1, 0.0));
        assertEquals(Regime.SI_FAST, Regime.classify(60, 0.8, 0.12, 0.77));
        assertEquals(Regime.AI, Regime.classify(37, 0.4, 0.12, 0.14));
        assertEquals(Regime.AI, Regime.classify(37, Double.NaN, 0.12, 0.14), "no neuron with 3 spikes is not regular");
    }
}
