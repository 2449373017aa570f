package org.neurosweep.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The connection table stores each source in one of several forms (shared weight with targets as byte
 * gaps, 16- or 32-bit targets, own weights and delays) and reorders a shared-weight source's targets.
 * Whatever the form, delivery must put into every ring buffer entry exactly (bit for bit) what adding
 * each connection's weight in creation order gives, and list every target it touched.
 */
class ConnectionTableTest {
    private static final int RING = 8;

    /** A connection as added. */
    private record Conn(int source, int target, double w, int delay, boolean in) {
    }

    @Test
    void everyFormDeliversWhatTheConnectionsSay() {
        for (int neurons : new int[] {300, 40_000}) { // 16-bit and 32-bit wide targets
            Random r = new Random(neurons);
            VirtualProcess vp = vp(neurons);
            ConnectionTable table = vp.connections;
            List<Conn> all = new ArrayList<>();
            int sources = 60;
            // two batches with a prepare between: the second merges into a laid-out table (a network grown
            // between simulate calls)
            for (int batch = 0; batch < 2; batch++) {
                for (int s = 1; s <= sources; s++) {
                    addSource(r, s, neurons, batch, all, table);
                }
                table.prepare(sources, neurons);
            }
            assertTrue(table.gaps.length > 0, "some sources packed as gaps");
            assertTrue((neurons < 32_768 ? table.target16.length : table.target.length) > 0, "some sources wide");
            assertTrue(table.weights.length > 0, "some sources with own weights");
            assertEquals(all.size(), table.size());

            // spikes sorted by stamp, then sender, as the exchange gives them
            long[] spikes = new long[40];
            for (int k = 0; k < spikes.length; k++) {
                spikes[k] = ((long) (1 + r.nextInt(3)) << 32) | (1 + r.nextInt(sources));
            }
            Arrays.sort(spikes);
            double[][] ex = new double[RING][neurons];
            double[][] in = new double[RING][neurons];
            for (long key : spikes) {
                for (Conn c : all) {
                    if (c.source == (int) key) {
                        int slot = (int) ((key >>> 32) - 1 + c.delay) % RING;
                        (c.in ? in : ex)[slot][c.target] += c.w;
                    }
                }
            }
            long events = table.deliver(spikes, spikes.length, vp);
            long expected = 0;
            for (long key : spikes) {
                expected += all.stream().filter(c -> c.source == (int) key).count();
            }
            assertEquals(expected, events, "events counted");
            for (int slot = 0; slot < RING; slot++) {
                for (int t = 0; t < neurons; t++) {
                    assertEquals(Double.doubleToRawLongBits(ex[slot][t]), Double.doubleToRawLongBits(vp.bufEx[slot][t]),
                            neurons + " neurons, slot " + slot + ", target " + t + ": excitatory " + ex[slot][t] + " vs " + vp.bufEx[slot][t]);
                    assertEquals(Double.doubleToRawLongBits(in[slot][t]), Double.doubleToRawLongBits(vp.bufIn[slot][t]),
                            neurons + " neurons, slot " + slot + ", target " + t + ": inhibitory");
                }
                if (vp.touchedCount[slot] >= 0) {
                    Set<Integer> listed = new HashSet<>();
                    for (int k = 0; k < vp.touchedCount[slot]; k++) {
                        listed.add(vp.touched[slot][k]);
                    }
                    for (int t = 0; t < neurons; t++) {
                        if (ex[slot][t] != 0 || in[slot][t] != 0) {
                            assertTrue(listed.contains(t), "slot " + slot + " lists target " + t);
                        }
                    }
                }
            }
        }
    }

    /** One source's connections in one batch, in one of the forms, in creation order. */
    private static void addSource(Random r, int s, int neurons, int batch, List<Conn> all, ConnectionTable table) {
        // half the sources keep their form in the second batch, the others change it (and become mixed)
        int kind = batch == 0 || s % 12 < 6 ? s % 6 : (s + 1) % 6;
        double w = (kind == 5 ? -0.1 : 0.1) * (1 + s % 9);
        int delay = 1 + s % 3;
        int n = 5 + r.nextInt(40);
        for (int j = 0; j < n; j++) {
            int t = switch (kind) {
                case 0 -> Math.min(neurons - 1, j * 3); // dense, ascending: gaps
                case 1 -> Math.min(neurons - 1, j * 300 + r.nextInt(5)); // gaps over 255: wide
                case 2 -> r.nextInt(Math.min(neurons, 200)); // unordered, repeats (multapses): sorted, gaps
                default -> r.nextInt(neurons);
            };
            double wj = kind == 3 ? w * (1 + r.nextInt(3)) : w; // own weights
            int dj = kind == 4 ? 1 + r.nextInt(4) : delay; // own delays
            boolean inhibitory = kind == 4 ? r.nextBoolean() : wj < 0; // mixed routes: own form
            all.add(new Conn(s, t, wj, dj, inhibitory));
            table.add(s, t, wj, dj, inhibitory);
        }
    }

    /** A VP of {@code neurons} iaf_psc_exp neurons, which makes it keep touched lists. */
    private static VirtualProcess vp(int neurons) {
        VirtualProcess vp = new VirtualProcess(0);
        int[] ids = new int[neurons];
        for (int i = 0; i < neurons; i++) {
            ids[i] = i + 1;
            vp.addNeuron(i + 1);
        }
        vp.populations.add(new IafPscExp(NeuronParams.parse(IafPscExp.NAME, Map.of()), 0, ids));
        vp.prepare(RING, 0);
        Arrays.fill(vp.touchedCount, 0); // empty rows, as after a first update
        return vp;
    }

    @Test
    void denseSourcesTakeOneBytePerConnection() {
        try (Kernel k = Kernel.builder().seed(1).build()) {
            NodeCollection n = k.create("iaf_psc_delta", 2000);
            k.connect(n, n, ConnSpec.fixedIndegree(200, true, true), SynSpec.of(0.1, 1.0));
            k.simulate(1.0);
            long bytes = k.stats().connectionBytes();
            // 400,000 connections: 1 byte each, plus some 26 bytes per source and the device input tables
            // (2 bytes each in 16 bits would be 800,000)
            assertTrue(bytes < 500_000, "connection memory " + bytes + " bytes");
            assertTrue(bytes >= 400_000, "every connection counted: " + bytes);
        }
    }
}
