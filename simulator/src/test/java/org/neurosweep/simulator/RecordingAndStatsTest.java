package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurosweep.simulator.devices.MultimeterEvents;
import org.neurosweep.simulator.devices.SpikeEvents;

/** Recorders' order and memory, and the measured figures. */
class RecordingAndStatsTest {
    private static Kernel network(double interval, int threads) {
        Kernel k = Kernel.builder().threads(threads).virtualProcesses(threads).seed(3).build();
        NodeCollection n = k.create("iaf_psc_exp", 200, Map.of("I_e", 400.0));
        k.set(n, "V_m", Distribution.uniform(-70, -55));
        NodeCollection sr = k.create("spike_recorder", 1, Map.of("start", 20.0, "stop", 80.0));
        NodeCollection mm = k.create("multimeter", 1, Map.of("interval", interval, "record_from", java.util.List.of("V_m", "I_syn_ex")));
        k.connect(n, n, ConnSpec.fixedOutdegree(10, false, false), SynSpec.of(50.0, 1.0));
        k.connect(n, sr);
        k.connect(mm, n);
        k.simulate(100.0);
        return k;
    }

    @Test
    void spikesAreSortedByTimeThenSenderAndWithinStartStop() {
        try (Kernel k = network(1.0, 2)) {
            SpikeEvents e = k.spikes(NodeCollection.of(201));
            assertTrue(e.size() > 100, "spikes: " + e.size());
            for (int i = 1; i < e.size(); i++) {
                assertTrue(e.times()[i] > e.times()[i - 1] || (e.times()[i] == e.times()[i - 1] && e.senders()[i] > e.senders()[i - 1]),
                        "sorted at " + i);
            }
            assertTrue(e.times()[0] > 20.0 && e.times()[e.size() - 1] <= 80.0, "recorded within (start, stop]");
            MultimeterEvents m = k.samples(NodeCollection.of(202));
            assertEquals(200 * 100, m.size(), "one sample per neuron per ms");
            assertEquals(1.0, m.times()[0]);
            assertTrue(Arrays.stream(m.values("I_syn_ex")).anyMatch(v -> v > 0), "synaptic current recorded");
        }
    }

    @Test
    void aLongerIntervalRecordsLessMemory() {
        long fine;
        long coarse;
        try (Kernel k = network(0.1, 1)) {
            fine = k.stats().recordingBytes();
            assertEquals(200 * 1000, k.samples(NodeCollection.of(202)).size());
        }
        try (Kernel k = network(5.0, 1)) {
            coarse = k.stats().recordingBytes();
            assertEquals(200 * 20, k.samples(NodeCollection.of(202)).size());
        }
        assertTrue(coarse * 10 < fine, "recording memory " + coarse + " bytes at 5 ms vs " + fine + " at 0.1 ms");
    }

    @Test
    void statsMeasureEveryPhase() {
        try (Kernel k = network(1.0, 2)) {
            SimulationStats s = k.stats();
            assertTrue(s.createSeconds() > 0 && s.connectSeconds() > 0 && s.prepareSeconds() > 0);
            assertTrue(s.updateSeconds() > 0 && s.deliverSeconds() > 0 && s.exchangeSeconds() > 0);
            assertEquals(s.createSeconds() + s.connectSeconds() + s.prepareSeconds(), s.buildSeconds(), 1e-12);
            assertEquals(2, s.vpComputeSeconds().length);
            assertTrue(s.loadBalance() > 0 && s.loadBalance() <= 1, "balance " + s.loadBalance());
            assertEquals(100, s.slices(), "1 ms delay: 100 slices of 1 ms");
            assertEquals(s.slices(), Arrays.stream(s.spikeHistogram()).sum(), "every slice in the histogram");
            assertEquals(s.spikes() * 10, s.events(), "10 connections per spike (fixed_outdegree 10)");
            assertTrue(s.connectionBytes() > 2000 * 2, "connection memory counted: " + s.connectionBytes());
            assertEquals(100.0, s.biologicalMs());
            assertTrue(s.eventsPerSecond() > 0);
            assertEquals(1.0, k.minDelay());
            assertEquals(0, s.plasticSynapses(), "static synapses only");
            assertEquals(0, s.plasticBytes());
        }
    }

    @Test
    void plasticSynapsesAreCountedApartAtFourteenBytesEach() {
        try (Kernel k = Kernel.builder().threads(2).seed(5).build()) {
            NodeCollection n = k.create("iaf_psc_alpha", 100, Map.of("tau_minus", 30.0));
            k.connect(n, n, ConnSpec.fixedIndegree(500, false, true), SynSpec.of("stdp_pl_synapse_hom", 45.6, 1.5,
                    Map.of("alpha", 0.0513, "lambda", 0.1, "mu", 0.4, "tau_plus", 15.0)));
            k.connect(n, n, ConnSpec.fixedIndegree(100, false, true), SynSpec.of(-228.0, 1.5));
            k.simulate(10.0);
            SimulationStats s = k.stats();
            assertEquals(100 * 500, s.plasticSynapses());
            // 14 bytes a synapse, plus per VP and node an offset (4) and K+ and t_last (16), and per VP the
            // trace's decay table (4096 doubles) and the weights of one source's spike (its synapses on the VP:
            // about 250 here); the arrays the synapses were gathered in while connecting are released
            long laidOut = 14L * 100 * 500;
            long perVp = 101 * 20 + 16 * 18 + 4096 * 8 + 1000 * 8;
            assertTrue(s.plasticBytes() >= laidOut + 2 * 4096 * 8 && s.plasticBytes() < laidOut + 2 * perVp + 64,
                    "plastic bytes " + s.plasticBytes());
            assertTrue(s.connectionBytes() > s.plasticBytes(), "static synapses add to the plastic ones");
        }
    }
}
