package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.simulator.devices.SpikeEvents;

/** The same seed gives bit-identical spikes for any number of threads and any number of VPs. */
class DeterminismTest {
    @TempDir
    Path dir;

    /** A scaled Brunel network (1,250 neurons) with random delays and weights, built straight on the kernel. */
    static SpikeEvents brunel(int threads, int vps, long seed, Path files) {
        try (Kernel k = Kernel.builder().threads(threads).virtualProcesses(vps).seed(seed).dataPath(files).build()) {
            Map<String, Object> neuron = Map.of("C_m", 1.0, "tau_m", 20.0, "t_ref", 2.0, "E_L", 0.0, "V_reset", 10.0,
                    "V_m", 0.0, "V_th", 20.0);
            NodeCollection exc = k.create("iaf_psc_delta", 1000, neuron);
            NodeCollection inh = k.create("iaf_psc_delta", 250, neuron);
            NodeCollection all = exc.plus(inh);
            NodeCollection noise = k.create("poisson_generator", 1, Map.of("rate", 20000.0));
            NodeCollection sr = k.create("spike_recorder", 1, files == null ? Map.of() : Map.of("record_to", "ascii", "label", "brunel"));
            k.connect(noise, all, ConnSpec.allToAll(), SynSpec.of(0.1, 1.5));
            k.connect(exc, all, ConnSpec.fixedIndegree(100, true, true),
                    SynSpec.of(Distribution.normalClipped(0.1, 0.02, 0.0, 1.0), Distribution.uniform(1.0, 2.0)));
            k.connect(inh, all, ConnSpec.fixedIndegree(25, true, true), SynSpec.of(-0.5, 1.5));
            k.connect(all, sr);
            k.simulate(250.0);
            k.simulate(250.0); // continuing gives the same as one call
            return k.spikes(sr);
        }
    }

    @Test
    void spikeTrainsAreIdenticalForAnyThreadsAndVps() {
        SpikeEvents reference = brunel(1, 1, 42, null);
        assertTrue(reference.size() > 1000, "the network is active: " + reference.size() + " spikes");
        int[][] layouts = {{2, 2}, {4, 4}, {1, 3}, {2, 6}, {1, 8}};
        for (int[] layout : layouts) {
            SpikeEvents other = brunel(layout[0], layout[1], 42, null);
            assertArrayEquals(reference.senders(), other.senders(), layout[0] + " threads, " + layout[1] + " VPs: senders");
            assertArrayEquals(reference.times(), other.times(), 0.0, layout[0] + " threads, " + layout[1] + " VPs: times");
        }
        SpikeEvents otherSeed = brunel(1, 1, 43, null);
        assertTrue(otherSeed.size() != reference.size() || !java.util.Arrays.equals(otherSeed.senders(), reference.senders()),
                "another seed gives other spikes");
    }

    @Test
    void perVpFilesTogetherHoldEverySpikeSorted() throws Exception {
        SpikeEvents all = brunel(2, 4, 7, dir);
        List<Path> files = new ArrayList<>();
        try (var list = Files.list(dir)) {
            list.sorted().forEach(files::add);
        }
        assertEquals(4, files.size(), files.toString());
        long lines = 0;
        for (int vp = 0; vp < 4; vp++) {
            Path f = dir.resolve("brunel-1252-" + vp + ".dat"); // 1,250 neurons, the generator, then the recorder
            assertTrue(Files.exists(f), "NEST's name scheme <label>-<recorder id>-<vp>.dat: " + files);
            List<String> content = Files.readAllLines(f);
            double lastTime = -1;
            for (String line : content.subList(2, content.size())) {
                String[] parts = line.split("\t");
                int sender = Integer.parseInt(parts[0]);
                double time = Double.parseDouble(parts[1]);
                assertEquals(vp, sender % 4, "a VP's file holds the neurons of that VP");
                assertTrue(time >= lastTime, "sorted by time");
                lastTime = time;
                lines++;
            }
        }
        assertEquals(all.size(), lines);
    }
}
