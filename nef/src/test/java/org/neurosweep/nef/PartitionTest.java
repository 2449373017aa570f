package org.neurosweep.nef;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.neurosweep.exchange.InMemoryExchange;

/**
 * The optimizer, threads, partitions and processes change where and how operations run, never a bit of
 * the output: every probe of a network that has every kind of object and connection is compared, bit for
 * bit, with one thread's unoptimized run.
 */
class PartitionTest {
    /** Every kind of object: nodes of time, of input and passthroughs, an ensemble array, four neuron types, delays and none. */
    record Net(Network net, List<Probe> probes, Ensemble a, EnsembleArray ea, Node square) {
    }

    static Net network() {
        Network net = new Network(42);
        Node u = net.node("u", 2, t -> new double[] {Math.sin(2 * Math.PI * t), Math.cos(6 * t) * 0.5});
        Node k = net.constant("k", 0.3);
        Ensemble a = net.ensemble("A", 60, 2);
        Ensemble r = net.ensemble("R", 40, 1).neuronType(new NeuronType.LifRate(0.02, 0.002, 1));
        Ensemble relu = net.ensemble("relu", 30, 1).neuronType(new NeuronType.SpikingRectifiedLinear(1));
        Ensemble rl = net.ensemble("rl", 20, 1).neuronType(new NeuronType.RectifiedLinear(1));
        EnsembleArray ea = net.ensembleArray("ea", 25, 3, 1, 1.0);
        Node square = net.node("square", 3, 3, (t, x) -> new double[] {x[0] * x[0], x[1] * x[1], t * x[2]});
        net.connect(u, a);
        net.connect(a, r).function(x -> new double[] {x[0] * x[1]}, 1).synapse(0.01);
        net.connect(k, relu).synapse(0);
        net.connect(a, rl).transform(new double[][] {{0.5, -0.5}});
        net.connect(u, ea.input()).transform(new double[][] {{1, 0}, {0, 1}, {0.5, 0.5}}).synapse(0.005);
        net.connect(r, ea.input()).transform(new double[][] {{0.2}, {0}, {0}});
        net.connect(ea.output(), square).synapse(0);
        net.connect(square, a).transform(new double[][] {{0.1, 0, 0}, {0, 0.1, 0.1}}).synapse(0.02);
        net.connect(relu, rl).synapse(0.003);
        List<Probe> probes = new ArrayList<>();
        probes.add(net.probe(a, 0.01, 0));
        probes.add(net.probe(r, 0, 0.002));
        probes.add(net.probe(relu, 0.005, 0));
        probes.add(net.probe(rl, 0, 0));
        probes.add(net.probe(ea.output(), 0.01, 0));
        probes.add(net.probe(square, 0, 0.005));
        probes.add(net.probe(u, 0, 0));
        return new Net(net, probes, a, ea, square);
    }

    static List<double[][]> run(Simulator sim, Net n) {
        sim.run(0.12);
        sim.run(0.08); // continues where it stopped
        List<double[][]> out = new ArrayList<>();
        for (Probe p : n.probes()) {
            out.add(sim.data(p));
        }
        return out;
    }

    static void assertSame(List<double[][]> want, List<double[][]> got, String what) {
        assertEquals(want.size(), got.size());
        for (int p = 0; p < want.size(); p++) {
            assertEquals(want.get(p).length, got.get(p).length, what + ": probe " + p + " samples");
            for (int s = 0; s < want.get(p).length; s++) {
                assertArrayEquals(want.get(p)[s], got.get(p)[s], 0.0, what + ": probe " + p + ", sample " + s);
            }
        }
    }

    static List<double[][]> baseline() {
        Net n = network();
        return run(Simulator.builder(n.net()).optimize(false).build(), n);
    }

    @Test
    void theNetworkComputesSomething() {
        List<double[][]> out = baseline();
        assertEquals(200, out.get(0).length);
        assertEquals(100, out.get(1).length, "sample_every 2 ms");
        assertEquals(40, out.get(5).length, "sample_every 5 ms");
        double[] last = out.get(0)[199];
        assertTrue(Math.abs(last[0]) + Math.abs(last[1]) > 0.05, "A represents something: " + java.util.Arrays.toString(last));
        assertTrue(out.get(3)[199][0] != 0 || out.get(3)[150][0] != 0, "rl decodes");
        // the node of input squares the ensemble array's output of the same step (no synapse between them)
        double[][] sq = out.get(5);
        assertTrue(sq[39][0] >= 0 && sq[39][1] >= 0, "squares are not negative");
    }

    @Test
    void theOptimizerThreadsAndPartitionsChangeNoBit() {
        List<double[][]> want = baseline();
        Net on = network();
        Simulator s1 = Simulator.builder(on.net()).optimize(true).build();
        assertSame(want, run(s1, on), "optimizer on");
        Net off = network();
        Simulator s0 = Simulator.builder(off.net()).optimize(false).build();
        run(s0, off);
        assertTrue(s1.stats().operators() < s0.stats().operators(), "merged: " + s1.stats().operators() + " operators, off "
                + s0.stats().operators());
        Net t2 = network();
        Simulator s2 = Simulator.builder(t2.net()).threads(2).partition(Partition.equalNeurons(3)).build();
        assertEquals(2, s2.threads());
        assertSame(want, run(s2, t2), "2 threads, 3 components of equal neurons");
        Net t3 = network();
        assertSame(want, run(Simulator.builder(t3.net()).threads(3).optimize(false).partition(Partition.minimumCut(5)).build(), t3),
                "3 threads, minimum cut over 5 components, optimizer off");
        Net ex = network();
        Map<Object, Integer> of = Map.of(ex.a(), 1, ex.ea().ensembles().get(0), 0, ex.square(), 0,
                ex.net().ensembles().get(1), 1, ex.net().ensembles().get(2), 1, ex.net().ensembles().get(3), 0,
                ex.net().nodes().get(0), 1, ex.net().nodes().get(1), 1);
        assertSame(want, run(Simulator.builder(ex.net()).threads(2).partition(Partition.explicit(2, of)).build(), ex), "explicit");
    }

    @Test
    void processesGiveTheSameBitsAndEveryProcessHasEveryProbe() throws Exception {
        List<double[][]> want = baseline();
        onProcesses(want, 2, 1, p -> Partition.equalNeurons(4));
        onProcesses(want, 3, 2, p -> Partition.minimumCut(3));
        onProcesses(want, 2, 2, p -> Partition.equalNeurons(7));
    }

    private static void onProcesses(List<double[][]> want, int processes, int threads, Function<Integer, Partition> partition)
            throws Exception {
        InMemoryExchange[] group = InMemoryExchange.group(processes, 120_000);
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        try {
            List<Future<List<double[][]>>> results = new ArrayList<>();
            for (int r = 0; r < processes; r++) {
                int rank = r;
                results.add(pool.submit(() -> {
                    Net n = network();
                    Simulator sim = Simulator.builder(n.net()).threads(threads).partition(partition.apply(rank)).processes(group[rank]).build();
                    return run(sim, n);
                }));
            }
            for (int r = 0; r < processes; r++) {
                assertSame(want, results.get(r).get(300, TimeUnit.SECONDS), processes + " processes x " + threads + " threads, rank " + r);
            }
            assertTrue(group[0].counters().rounds() >= 200, "one round a step: " + group[0].counters().rounds());
        } finally {
            pool.shutdownNow();
            for (InMemoryExchange e : group) {
                e.close();
            }
        }
    }

    @Test
    void badInputIsNamed() {
        Network loop = new Network(1);
        Node p = loop.passthrough("p", 1);
        Ensemble e = loop.ensemble("E", 10, 1);
        loop.connect(p, e).synapse(0);
        loop.connect(e, p).synapse(0);
        assertTrue(assertThrows(NefException.class, () -> new Simulator(loop)).getMessage().contains("algebraic loop"));
        Network net = new Network(1);
        Ensemble a = net.ensemble("A", 10, 2);
        Node time = net.node("t", 1, t -> new double[] {t});
        assertTrue(assertThrows(NefException.class, () -> net.connect(a, time)).getMessage().contains("takes no input"));
        Network other = new Network(1);
        Node t1 = other.node("t", 1, t -> new double[] {t});
        Ensemble a2 = other.ensemble("A", 10, 2);
        assertTrue(assertThrows(NefException.class, () -> other.connect(t1, a2).transform(new double[][] {{1, 2}}))
                .getMessage().contains("must be 2 x 1"));
        Node bad = net.node("bad", 1, 2, (t, x) -> new double[] {x[0]});
        net.connect(time, bad);
        net.probe(bad, 0, 0);
        Simulator sim = new Simulator(net);
        assertTrue(assertThrows(NefException.class, () -> sim.run(0.01)).getMessage().contains("returned 1 values"));
        assertTrue(assertThrows(NefException.class, () -> net.probe(a, -0.01, 0)).getMessage().contains("-0.01"));
        assertTrue(assertThrows(NefException.class, () -> net.ensemble("z", 0, 1)).getMessage().contains("n_neurons = 0"));
        Network two = new Network(1);
        Ensemble x = two.ensemble("X", 10, 1);
        Ensemble y = two.ensemble("Y", 10, 1);
        two.connect(x, y);
        assertTrue(assertThrows(NefException.class, () -> Simulator.builder(two).partition(Partition.explicit(2, Map.of(x, 0))).build())
                .getMessage().contains("Y"));
        assertTrue(assertThrows(NefException.class, () -> Simulator.builder(two).partition(Partition.explicit(2, Map.of(x, 0, y, 2))).build())
                .getMessage().contains("component 2"));
        assertTrue(assertThrows(NefException.class, () -> new Simulator(two).run(0.0015)).getMessage().contains("0.0015"));
    }
}
