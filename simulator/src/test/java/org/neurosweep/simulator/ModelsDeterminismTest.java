package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurosweep.simulator.devices.SpikeEvents;

/**
 * Every registered neuron model in one network ({@link ProcessesTest#models}), with Poisson and dc input,
 * recurrent static and plastic synapses, SetStatus between runs and a multimeter: the spikes, samples and
 * weights are bit-identical for 1 thread on 1 VP and 2 threads on 3 VPs.
 */
class ModelsDeterminismTest {

    @Test
    void everyModelGivesTheSameResultsForAnySplit() {
        List<String> wa = new ArrayList<>();
        List<String> wb = new ArrayList<>();
        ProcessesTest.Out a = ProcessesTest.models(Kernel.builder(), wa);
        ProcessesTest.Out b = ProcessesTest.models(Kernel.builder().threads(2).virtualProcesses(3), wb);
        SpikeEvents sa = a.all();
        SpikeEvents sb = b.all();
        assertTrue(sa.size() > 300, "spikes: " + sa.size());
        assertArrayEquals(sa.senders(), sb.senders());
        assertArrayEquals(sa.times(), sb.times());
        assertEquals(ProcessesTest.samples(a.samples()), ProcessesTest.samples(b.samples()));
        assertTrue(wa.size() > 100, "plastic synapses: " + wa.size());
        assertEquals(wa, wb, "every STDP weight, in GetConnections' order");
        java.util.Set<Integer> firing = new java.util.HashSet<>();
        for (int s : sa.senders()) {
            firing.add(s);
        }
        for (int m = 0; m < Models.neuronNames().size(); m++) {
            int first = 1 + m * 6;
            boolean any = false;
            for (int id = first; id < first + 6; id++) {
                any |= firing.contains(id);
            }
            assertTrue(any, Models.neuronNames().get(m) + " fired");
        }
    }
}
