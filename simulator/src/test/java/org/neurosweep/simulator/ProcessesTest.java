package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosweep.exchange.Exchange;
import org.neurosweep.exchange.InMemoryExchange;
import org.neurosweep.exchange.Partitioner;
import org.neurosweep.simulator.devices.MultimeterEvents;
import org.neurosweep.simulator.devices.SpikeEvents;

/**
 * One network over several processes (here threads of this JVM, each with its own kernel, joined by an
 * {@link InMemoryExchange}; the JVM-to-JVM runs are in the cli's tests): spikes, spike files and recorded
 * values are the same for every number of processes, threads, VPs and every placement.
 */
class ProcessesTest {
    @TempDir
    Path dir;

    /** What one process of a run returns. */
    record Out(SpikeEvents all, SpikeEvents own, MultimeterEvents samples, SimulationStats stats) {
    }

    /** Brunel at scale 0.1 (1,250 neurons), random weights and delays, a recorder writing files, a voltmeter. */
    static Out brunel(KernelBuilder b, Path files) {
        try (Kernel k = b.seed(42).dataPath(files).build()) {
            Map<String, Object> neuron = Map.of("C_m", 1.0, "tau_m", 20.0, "t_ref", 2.0, "E_L", 0.0, "V_reset", 10.0,
                    "V_m", 0.0, "V_th", 20.0);
            NodeCollection exc = k.create("iaf_psc_delta", 1000, neuron);
            NodeCollection inh = k.create("iaf_psc_delta", 250, neuron);
            NodeCollection all = exc.plus(inh);
            NodeCollection noise = k.create("poisson_generator", 1, Map.of("rate", 20000.0));
            NodeCollection sr = k.create("spike_recorder", 1, Map.of("record_to", "ascii", "label", "brunel"));
            NodeCollection vm = k.create("voltmeter", 1, Map.of("interval", 0.5));
            k.connect(noise, all, ConnSpec.allToAll(), SynSpec.of(0.1, 1.5));
            k.connect(exc, all, ConnSpec.fixedIndegree(100, true, true),
                    SynSpec.of(Distribution.normalClipped(0.1, 0.02, 0.0, 1.0), Distribution.uniform(1.0, 2.0)));
            k.connect(inh, all, ConnSpec.fixedIndegree(25, true, true), SynSpec.of(-0.5, 1.5));
            k.connect(all, sr);
            k.connect(vm, NodeCollection.range(1, 12));
            k.set(NodeCollection.range(1, 50), "V_m", Distribution.uniform(0.0, 15.0));
            k.simulate(150.0);
            k.simulate(150.0); // continuing, with a new agreement on the slice
            return new Out(k.spikesOfAllProcesses(sr), k.spikes(sr), k.samples(vm), k.stats());
        }
    }

    /** Runs {@code processes} kernels on threads, one exchange member each; returns their outputs by rank. */
    static List<Out> run(int processes, Function<Exchange, Out> process) throws Exception {
        InMemoryExchange[] group = InMemoryExchange.group(processes, 120_000);
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        try {
            List<Future<Out>> futures = new ArrayList<>();
            for (InMemoryExchange e : group) {
                futures.add(pool.submit(() -> {
                    try (e) {
                        return process.apply(e);
                    }
                }));
            }
            List<Out> outs = new ArrayList<>();
            for (Future<Out> f : futures) {
                outs.add(f.get());
            }
            return outs;
        } finally {
            pool.shutdownNow();
        }
    }

    private Path files(String name) throws Exception {
        return Files.createDirectories(dir.resolve(name));
    }

    private static Map<String, byte[]> contents(Path d) throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        try (var list = Files.list(d)) {
            for (Path f : (Iterable<Path>) list::iterator) {
                m.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return m;
    }

    private static void assertSameSpikes(SpikeEvents expected, SpikeEvents actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": number of spikes");
        assertArrayEquals(expected.senders(), actual.senders(), what + ": senders");
        assertArrayEquals(expected.times(), actual.times(), 0.0, what + ": times");
    }

    @Test
    void spikesAndFilesAreTheSameForAnyProcessesThreadsAndVps() throws Exception {
        for (int nVp : new int[] {4, 6}) {
            Path refDir = files("p1-" + nVp);
            Out ref = brunel(Kernel.builder().virtualProcesses(nVp), refDir);
            assertTrue(ref.all().size() > 1000, "the network is active: " + ref.all().size() + " spikes");
            Map<String, byte[]> refFiles = contents(refDir);
            assertEquals(nVp, refFiles.size(), "one file per VP: " + refFiles.keySet());
            for (int processes : new int[] {2, 3}) {
                if (nVp % processes != 0) {
                    continue;
                }
                for (int threads : new int[] {1, 2}) {
                    if (nVp / processes < threads) {
                        continue;
                    }
                    String what = processes + " processes x " + threads + " threads, " + nVp + " VPs";
                    Path d = files("p" + processes + "-t" + threads + "-" + nVp);
                    List<Out> outs = run(processes, e -> brunel(Kernel.builder().threads(threads).virtualProcesses(nVp)
                            .processes(e), d));
                    int own = 0;
                    for (Out o : outs) {
                        assertSameSpikes(ref.all(), o.all(), what + ", gathered on process " + outs.indexOf(o));
                        own += o.own().size();
                        assertEquals(ref.stats().spikes(), o.stats().spikes(), what + ": spikes exchanged");
                        assertEquals(ref.stats().slices(), o.stats().slices(), what + ": slices");
                    }
                    assertEquals(ref.all().size(), own, what + ": each spike recorded on exactly one process");
                    Map<String, byte[]> got = contents(d);
                    assertEquals(refFiles.keySet(), got.keySet(), what + ": the same files");
                    for (String f : refFiles.keySet()) {
                        assertArrayEquals(refFiles.get(f), got.get(f), what + ": " + f + " byte for byte");
                    }
                    // the voltmeter's samples, each neuron on its own process, together equal one process's bit for bit
                    assertSameSamples(samples(ref.samples()), samplesOf(outs), what);
                    assertEquals(ref.stats().events(), outs.get(0).stats().events(), what + ": events delivered, summed");
                    assertEquals(processes, outs.get(0).stats().processes().processes());
                    assertTrue(outs.get(0).stats().processes().bytesPerSpike() > 0, what + ": spikes went over the wire");
                }
            }
        }
    }

    /** Samples keyed by (time, sender), values as raw bits: equal maps mean bit-identical recordings. */
    static Map<String, Long> samples(MultimeterEvents m) {
        Map<String, Long> out = new TreeMap<>();
        double[] v = m.values("V_m");
        for (int i = 0; i < m.size(); i++) {
            out.put(m.times()[i] + "/" + m.senders()[i], Double.doubleToRawLongBits(v[i]));
        }
        return out;
    }

    /** Equal keys and bits, reporting the first difference only. */
    static void assertSameSamples(Map<String, Long> expected, Map<String, Long> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what + ": the samples taken");
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            assertEquals(Double.longBitsToDouble(e.getValue()), Double.longBitsToDouble(actual.get(e.getKey())), 0.0,
                    what + ": V_m at (time/sender) " + e.getKey() + " bit for bit");
        }
    }

    static Map<String, Long> samplesOf(List<Out> outs) {
        Map<String, Long> all = new TreeMap<>();
        for (Out o : outs) {
            Map<String, Long> mine = samples(o.samples());
            mine.keySet().forEach(k -> assertTrue(!all.containsKey(k), "sample " + k + " on two processes"));
            all.putAll(mine);
        }
        return all;
    }

    @Test
    void populationsPlacedByThePartitionerGiveTheSameAsRoundRobin() throws Exception {
        Out ref = brunel(Kernel.builder().virtualProcesses(4), files("rr"));
        // five parts: the excitatory neurons in four of 250, the inhibitory 250; traffic = connections between parts
        long[] sizes = {250, 250, 250, 250, 250};
        List<Partitioner.Edge> edges = new ArrayList<>();
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                edges.add(new Partitioner.Edge(a, b, a < 4 ? 250L * 100 / 4 : 250L * 25));
            }
        }
        for (int components : new int[] {2, 3, 5}) {
            int[] of = Partitioner.minimumCut(sizes, edges.toArray(new Partitioner.Edge[0]), components, 0.5);
            int[] process = Partitioner.onProcesses(of, 2);
            Placement placement = Placement.parts(new int[] {250, 250, 250, 250, 250}, process);
            Path d = files("parts" + components);
            List<Out> outs = run(2, e -> brunel(Kernel.builder().virtualProcesses(4).processes(e).placement(placement), d));
            String what = components + " components " + Arrays.toString(of) + " on 2 processes";
            for (Out o : outs) {
                assertSameSpikes(ref.all(), o.all(), what);
            }
            assertSameSamples(samples(ref.samples()), samplesOf(outs), what);
            for (int rank = 0; rank < 2; rank++) {
                for (int sender : outs.get(rank).own().senders()) {
                    assertEquals(rank, process[(sender - 1) / 250], what + ": neuron " + sender + " ran on the process of its part");
                }
            }
        }
    }

    @Test
    void badProcessSettingsAreRefusedNamingTheValue() {
        InMemoryExchange[] two = InMemoryExchange.group(2, 1000);
        KernelStateException e = assertThrows(KernelStateException.class,
                () -> Kernel.builder().virtualProcesses(3).processes(two[0]).build());
        assertTrue(e.getMessage().contains("total_num_virtual_procs = 3") && e.getMessage().contains("multiple"), e.getMessage());
        e = assertThrows(KernelStateException.class, () -> Kernel.builder().threads(3).virtualProcesses(4).processes(two[0]).build());
        assertTrue(e.getMessage().contains("local_num_threads = 3 per process"), e.getMessage());
        BadParameterException b = assertThrows(BadParameterException.class,
                () -> Kernel.builder().processes(two[0]).placement(Placement.parts(new int[] {5}, new int[] {2})).build());
        assertTrue(b.getMessage().contains("process 2"), b.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InMemoryExchange.group(0, 1000));
    }

    @Test
    void aNeuronOfAnotherProcessIsNotReadHereAndAMismatchedNetworkIsRefused() throws Exception {
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        run(2, e -> {
            try (Kernel k = Kernel.builder().processes(e).build()) {
                k.create("iaf_psc_alpha", e.rank() == 0 ? 4 : 5);
                int other = e.rank() == 0 ? 1 : 2; // VP 1 is process 1's, VP 0 process 0's
                errors.add(assertThrows(KernelStateException.class, () -> k.get(other, "V_m")).getMessage());
                assertEquals(-70.0, k.get(other + 1, "V_m"));
                errors.add(assertThrows(SimulationException.class, () -> k.simulate(10.0)).getMessage());
            }
            return null;
        });
        assertTrue(errors.stream().anyMatch(m -> m.contains("lives on VP 1 of process 1")), errors.toString());
        assertTrue(errors.stream().anyMatch(m -> m.contains("built another network") && m.contains("5 nodes")), errors.toString());
    }

    /** Every neuron model, Poisson and dc input, static and STDP synapses, SetStatus between runs, a multimeter. */
    static Out models(KernelBuilder b, List<String> weights) {
        try (Kernel k = b.seed(11).build()) {
            NodeCollection all = null;
            NodeCollection currentTaking = null;
            for (String model : Models.neuronNames()) {
                NodeCollection n = k.create(model, 6);
                all = all == null ? n : all.plus(n);
                if (!model.equals("parrot_neuron")) {
                    currentTaking = currentTaking == null ? n : currentTaking.plus(n);
                }
            }
            NodeCollection pg = k.create("poisson_generator", 1, Map.of("rate", 8000.0));
            NodeCollection dc = k.create("dc_generator", 1, Map.of("amplitude", 50.0, "start", 20.0));
            NodeCollection mm = k.create("multimeter", 1, Map.of("record_from", List.of("V_m"), "interval", 0.5));
            NodeCollection sr = k.create("spike_recorder");
            k.connect(pg, all, ConnSpec.allToAll(), SynSpec.of(Distribution.uniform(2.0, 40.0), Distribution.constant(1.0)));
            k.connect(dc, currentTaking, ConnSpec.allToAll(), SynSpec.of(1.0, 1.0));
            k.connect(all, all, ConnSpec.fixedIndegree(5, false, true), SynSpec.of(Distribution.uniform(-3.0, 6.0),
                    Distribution.uniform(1.0, 3.0)));
            k.connect(all, all, ConnSpec.fixedIndegree(3, false, true), SynSpec.of("stdp_synapse", 5.0, 1.2, Map.of("Wmax", 20.0)));
            k.connect(mm, currentTaking);
            k.connect(all, sr);
            k.simulate(100.0);
            k.set(currentTaking, "I_e", Distribution.uniform(100.0, 600.0));
            k.simulate(100.0);
            for (Connection c : k.connections(all, all)) {
                if (!c.synapseModel().equals(SynSpec.STATIC)) {
                    weights.add(c.source() + ">" + c.target() + "=" + Double.doubleToRawLongBits(c.weight()));
                }
            }
            return new Out(k.spikesOfAllProcesses(sr), k.spikes(sr), k.samples(mm), k.stats());
        }
    }

    @Test
    void everyModelAndPlasticWeightIsTheSameOverProcesses() throws Exception {
        List<String> refWeights = new ArrayList<>();
        Out ref = models(Kernel.builder(), refWeights);
        assertTrue(ref.all().size() > 300, "spikes: " + ref.all().size());
        List<String> weights = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Out> outs = run(3, e -> models(Kernel.builder().threads(2).virtualProcesses(6).processes(e), weights));
        assertSameSpikes(ref.all(), outs.get(0).all(), "3 processes x 2 threads");
        assertSameSamples(samples(ref.samples()), samplesOf(outs), "3 processes x 2 threads");
        java.util.Collections.sort(refWeights);
        List<String> got = new ArrayList<>(weights);
        java.util.Collections.sort(got);
        assertTrue(refWeights.size() > 100, "plastic synapses: " + refWeights.size());
        assertEquals(refWeights, got, "every STDP weight, on the process of its target");
    }

    @Test
    void spikesAreTheSameForAnyNumberOfVps() throws Exception {
        Out ref = brunel(Kernel.builder(), files("one"));
        for (int[] layout : new int[][] {{2, 2}, {3, 9}, {2, 8}}) {
            Path d = files("l" + layout[0] + "-" + layout[1]);
            List<Out> outs = run(layout[0], e -> brunel(Kernel.builder().virtualProcesses(layout[1]).processes(e), d));
            assertSameSpikes(ref.all(), outs.get(layout[0] - 1).all(), layout[0] + " processes, " + layout[1] + " VPs");
            assertSameSamples(samples(ref.samples()), samplesOf(outs), layout[0] + " processes, " + layout[1] + " VPs");
        }
    }
}
