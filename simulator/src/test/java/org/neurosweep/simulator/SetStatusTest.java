package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurosweep.simulator.devices.SpikeEvents;

/** NEST's SetStatus between simulate calls: generators' parameters change, checked as at create. */
class SetStatusTest {
    /**
     * NEST's timing of a change: Simulate(20) updates steps 0 .. 199, the last sending the value stamped 20.0
     * ms; a SetStatus then changes the values stamped from 20.1 ms on. With delay d the value stamped T acts
     * during [T + d, T + d + h): the old amplitude acts until 20.0 + d + h, also for the values still on
     * their way (d = 1 ms) when the change is made.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {0.1, 1.0})
    void aDcGeneratorsAmplitudeChangesBetweenSimulateCalls(double delay) {
        try (Kernel k = Kernel.builder().build()) {
            NodeCollection n = k.create("iaf_psc_delta", 1, Map.of("V_th", Double.POSITIVE_INFINITY));
            NodeCollection dc = k.create("dc_generator", 1, Map.of("amplitude", 250.0));
            NodeCollection mm = k.create("voltmeter", 1, Map.of("interval", 0.1));
            k.connect(dc, n, ConnSpec.allToAll(), SynSpec.of(1.0, delay));
            k.connect(mm, n);
            k.simulate(20.0);
            k.set(dc, Map.of("amplitude", 0.0));
            k.simulate(30.0);
            double[] v = k.samples(mm).values("V_m");
            double[] t = k.samples(mm).times();
            // 250 pA on C_m = 250 pF, tau_m = 10 ms acting from 0.1 + d (the first value is stamped h) to 20.1 + d
            // (the value stamped 20.0 ms, the last one sent before the change), then free decay
            double on = 0.1 + delay;
            double off = 20.1 + delay;
            double atOff = -70 + 10 * (1 - Math.exp(-(off - on) / 10));
            for (int i = 0; i < t.length; i++) {
                double expected = t[i] <= on + 1e-9 ? -70 : t[i] <= off + 1e-9 ? -70 + 10 * (1 - Math.exp(-(t[i] - on) / 10))
                        : -70 + (atOff + 70) * Math.exp(-(t[i] - off) / 10);
                assertEquals(expected, v[i], 1e-9, "at " + t[i] + " ms, delay " + delay + " ms");
            }
        }
    }

    @Test
    void aPoissonRateAndSpikeTimesChangeAndAnEarlierTimeIsNotSent() {
        try (Kernel k = Kernel.builder().seed(3).build()) {
            NodeCollection p = k.create("poisson_generator", 1, Map.of("rate", 0.0));
            NodeCollection sg = k.create("spike_generator", 1, Map.of("spike_times", new double[] {1.0}));
            NodeCollection parrots = k.create("iaf_psc_delta", 2, Map.of("V_th", -69.9, "V_reset", -70.0, "t_ref", 0.0));
            NodeCollection rec = k.create("spike_recorder");
            k.connect(p, parrots.slice(0, 1), ConnSpec.allToAll(), SynSpec.of(10.0, 1.0));
            k.connect(sg, parrots.slice(1, 2), ConnSpec.allToAll(), SynSpec.of(10.0, 1.0));
            k.connect(parrots, rec);
            k.simulate(100.0);
            long before = count(k.spikes(rec), parrots.id(0));
            assertEquals(0, before, "rate 0: no spikes");
            k.set(p, Map.of("rate", 1000.0));
            k.set(sg, Map.of("spike_times", new double[] {50.0, 150.0, 170.0}));
            k.simulate(100.0);
            long after = count(k.spikes(rec), parrots.id(0));
            assertTrue(after > 50 && after < 150, "about 100 spikes at 1000 Hz for 100 ms: " + after);
            double[] sgTimes = times(k.spikes(rec), parrots.id(1));
            assertArrayEquals(new double[] {2.0, 151.0, 171.0}, sgTimes, 1e-12, "50 ms lies in the past: not sent");
        }
    }

    /**
     * A poisson_generator's new rate holds for the spikes sent after the change; those sent before, still on
     * their way (delay 5 ms), arrive as they were drawn. A parrot shows each spike at its time + 5 ms.
     */
    @Test
    void aPoissonRateChangeSparesTheSpikesOnTheirWay() {
        try (Kernel k = Kernel.builder().seed(5).build()) {
            NodeCollection on = k.create("poisson_generator", 1, Map.of("rate", 0.0));
            NodeCollection off = k.create("poisson_generator", 1, Map.of("rate", 10000.0));
            NodeCollection parrots = k.create("parrot_neuron", 2);
            NodeCollection rec = k.create("spike_recorder");
            k.connect(on, parrots.slice(0, 1), ConnSpec.allToAll(), SynSpec.of(1.0, 5.0));
            k.connect(off, parrots.slice(1, 2), ConnSpec.allToAll(), SynSpec.of(1.0, 5.0));
            k.connect(parrots, rec);
            k.simulate(20.0);
            k.set(on, Map.of("rate", 10000.0));
            k.set(off, Map.of("rate", 0.0));
            k.simulate(20.0);
            double[] turnedOn = times(k.spikes(rec), parrots.id(0));
            double[] turnedOff = times(k.spikes(rec), parrots.id(1));
            assertTrue(turnedOn.length > 100, "10 kHz from 20 ms: " + turnedOn.length);
            assertTrue(turnedOn[0] >= 25.1 - 1e-9, "nothing sent up to 20 ms, so nothing before 25.1 ms: " + turnedOn[0]);
            assertTrue(turnedOff[turnedOff.length - 1] <= 25.0 + 1e-9, "nothing sent after 20 ms: " + turnedOff[turnedOff.length - 1]);
            long late = java.util.Arrays.stream(turnedOff).filter(t -> t > 20.0 + 1e-9).count();
            assertTrue(late > 20, "about 50 spikes sent in (15, 20] ms arrive in (20, 25] ms: " + late);
        }
    }

    @Test
    void badValuesAreRefusedAndNothingChanges() {
        try (Kernel k = Kernel.builder().build()) {
            NodeCollection dc = k.create("dc_generator", 2, Map.of("amplitude", 5.0, "start", 1.0, "stop", 10.0));
            BadParameterException e = assertThrows(BadParameterException.class, () -> k.set(dc, Map.of("start", 20.0)));
            assertTrue(e.getMessage().contains("need 0 <= start <= stop, got start = 20.0 ms, stop = 10.0 ms"), e.getMessage());
            assertThrows(UnknownNameException.class, () -> k.set(dc, Map.of("amp", 1.0)));
            NodeCollection n = k.create("iaf_psc_alpha", 1);
            UnknownNameException u = assertThrows(UnknownNameException.class, () -> k.set(n, Map.of("I_f", 1.0)));
            assertTrue(u.getMessage().contains("no parameter 'I_f'"), u.getMessage());
            BadParameterException b = assertThrows(BadParameterException.class, () -> k.set(n, Map.of("I_e", 1.0, "tau_m", -1.0)));
            assertTrue(b.getMessage().contains("tau_m = -1.0 ms must be positive"), b.getMessage());
            assertEquals(0.0, k.get(n.first(), "I_e"), "a refused change changes nothing");
            assertThrows(BadParameterException.class, () -> k.set(n.plus(dc), Map.of("I_e", 1.0)));
            NodeCollection rec = k.create("spike_recorder");
            u = assertThrows(UnknownNameException.class, () -> k.set(rec, Map.of("start", 1.0)));
            assertTrue(u.getMessage().contains("cannot be changed after create"), u.getMessage());
        }
    }

    private static long count(SpikeEvents e, int sender) {
        long n = 0;
        for (int s : e.senders()) {
            n += s == sender ? 1 : 0;
        }
        return n;
    }

    private static double[] times(SpikeEvents e, int sender) {
        return java.util.stream.IntStream.range(0, e.size()).filter(i -> e.senders()[i] == sender).mapToDouble(i -> e.times()[i]).toArray();
    }
}
